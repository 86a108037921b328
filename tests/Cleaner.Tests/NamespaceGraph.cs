using System.Reflection;
using System.Reflection.Emit;

namespace Cleaner.Tests;

/// <summary>
/// Which namespace of an assembly uses which, read from the compiled assembly (signatures, fields,
/// base types and every type, method and field token in method bodies, lambdas included).
/// </summary>
internal static class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>For each namespace of the assembly, the other namespaces of the same assembly its types use.</summary>
    public static Dictionary<string, HashSet<string>> Uses(Assembly assembly)
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

    /// <summary>The first namespace that reaches itself through the namespaces it uses, or null.</summary>
    public static string? FirstCycle(Dictionary<string, HashSet<string>> uses)
    {
        foreach (var start in uses.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(uses[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (next == start)
                {
                    return start;
                }

                if (seen.Add(next) && uses.TryGetValue(next, out var more))
                {
                    more.ToList().ForEach(stack.Push);
                }
            }
        }

        return null;
    }
}
