using System.Reflection;

namespace Cleaner.Tests.Api;

/// <summary>
/// The rooms of the library, read from the compiled assembly (see <see cref="NamespaceGraph"/>): the
/// inputs, the filters, the text helpers and the site profiles use one another without cycles. The
/// root namespace <c>Cleaner</c> holds both the model (Document, Block, options, the filter contract)
/// and the entry (TextCleaner, its builder, CleanResult), so every room uses it and it uses every
/// room: it is left out of the cycle check, and the rooms are checked among themselves.
/// </summary>
public sealed class LibraryLayoutTests
{
    private static readonly Assembly Library = typeof(TextCleaner).Assembly;

    /// <summary>Each namespace's room: <c>Cleaner.Html.Extraction</c> belongs to <c>Cleaner.Html</c>.</summary>
    private static Dictionary<string, HashSet<string>> RoomUses()
    {
        var rooms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in NamespaceGraph.Uses(Library))
        {
            var room = Room(from);
            if (room == "Cleaner")
            {
                continue;
            }

            if (!rooms.TryGetValue(room, out var set))
            {
                rooms[room] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(to.Select(Room).Where(r => r != room && r != "Cleaner"));
        }

        return rooms;
    }

    private static string Room(string ns) => string.Join('.', ns.Split('.').Take(2));

    [Test]
    public void The_rooms_have_no_cycles()
    {
        var uses = RoomUses();
        Assert.That(uses.Keys, Is.SupersetOf(new[] { "Cleaner.Text", "Cleaner.Html", "Cleaner.Filters", "Cleaner.Sites" }));
        Assert.That(NamespaceGraph.FirstCycle(uses), Is.Null, "reaches itself through the rooms it uses");
    }

    [Test]
    public void Text_helpers_use_no_other_room_and_filters_do_not_use_the_html_input()
    {
        var uses = RoomUses();
        Assert.That(uses["Cleaner.Text"], Is.Empty, "Cleaner.Text");
        Assert.That(uses["Cleaner.Filters"], Does.Not.Contain("Cleaner.Html"), "a filter reads the model, not the HTML input");
    }
}
