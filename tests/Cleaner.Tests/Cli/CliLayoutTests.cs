using System.Reflection;
using System.Reflection.Emit;
using Cleaner.Batch;
using Cleaner.Cli.Commands;

namespace Cleaner.Tests.Cli;

/// <summary>
/// The rooms of the CLI and of the batch library: which namespace uses which, read from the compiled
/// assemblies (signatures, fields, base types and every type, method and field token in method
/// bodies, lambdas included).
/// </summary>
public sealed class CliLayoutTests
{
    private static readonly Assembly Cli = typeof(BatchCommand).Assembly;

    private static readonly Assembly Batch = typeof(BatchPipeline).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Test]
    public void TheBatchLibraryDoesNotUseTheCommandLine()
    {
        Assert.That(Batch.GetReferencedAssemblies().Select(a => a.Name), Does.Not.Contain(Cli.GetName().Name));
        var uses = NamespaceUses(Batch);
        Assert.That(uses.Keys, Does.Contain("Cleaner.Batch").And.Contain("Cleaner.Batch.Streams"));
        foreach (var (from, to) in uses)
        {
            Assert.That(to.Where(n => n.StartsWith("Cleaner.Cli", StringComparison.Ordinal)), Is.Empty, $"{from} uses the command line");
        }
    }

    [Test]
    public void TheCommandLineHoldsNoBatchCodeOfItsOwn()
    {
        // The readers and the pipeline live in Cleaner.Batch; the CLI only parses options and writes results.
        Assert.That(Cli.GetTypes().Select(t => t.Namespace).Where(n => n?.StartsWith("Cleaner.Cli.Batch", StringComparison.Ordinal) == true), Is.Empty);
        string[] moved = ["RecordReader", "RecordProcessor", "GzipMemberStream", "InputStreams", "JsonlFormat", "WarcFormat", "HttpResponse", "RecordBuffer", "ByteBudget", "DocumentJson", "StatusNames"];
        Assert.That(Cli.GetTypes().Select(t => t.Name).Intersect(moved), Is.Empty);
    }

    [Test]
    public void InputsAndOutputUseNeitherTheCommandsNorTheBatch()
    {
        var uses = NamespaceUses(Cli);
        foreach (var from in new[] { "Cleaner.Cli.Inputs", "Cleaner.Cli.Output" })
        {
            Assert.That(uses[from].Where(n => n is "Cleaner.Cli" or "Cleaner.Cli.Commands"), Is.Empty, from);
        }
    }

    [TestCase("Cleaner.Cli")]
    [TestCase("Cleaner.Batch")]
    public void NoNamespaceCycles(string assembly)
    {
        var uses = NamespaceUses(assembly == "Cleaner.Cli" ? Cli : Batch);
        foreach (var start in uses.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(uses[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                Assert.That(next, Is.Not.EqualTo(start), $"{start} reaches itself through the namespaces it uses");
                if (seen.Add(next) && uses.TryGetValue(next, out var more))
                {
                    more.ToList().ForEach(stack.Push);
                }
            }
        }
    }

    /// <summary>For each namespace of an assembly, the other namespaces of it that its types use.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceUses(Assembly assembly)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = Outermost(type).Namespace ?? string.Empty;
            if (!uses.TryGetValue(from, out var set))
            {
                uses[from] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var used in TypesUsedBy(type))
            {
                var to = Outermost(used).Namespace;
                if (to is not null && to != from && used.Assembly == assembly)
                {
                    set.Add(to);
                }
            }
        }

        return uses;
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in TokensIn(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types named by the type, method and field tokens of a method's body.</summary>
    private static IEnumerable<Type> TokensIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            int token = op.OperandType is OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok
                ? BitConverter.ToInt32(il, at)
                : 0;
            at += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (token == 0)
            {
                continue;
            }

            MemberInfo? member;
            try
            {
                member = method.Module.ResolveMember(token, typeArgs, methodArgs);
            }
            catch (ArgumentException)
            {
                continue;
            }

            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case FieldInfo f:
                    yield return f.DeclaringType!;
                    yield return f.FieldType;
                    break;
                case MethodBase m:
                    yield return m.DeclaringType!;
                    break;
            }
        }
    }
}
