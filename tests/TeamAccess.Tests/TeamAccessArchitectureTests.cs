using System.Reflection;
using System.Text.RegularExpressions;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

/// <summary>
/// docs/architecture.md names types, members and files; these tests hold it to the code, so that the page a new
/// contributor reads first cannot name a type, a call or a file that is not there.
/// </summary>
public sealed partial class TeamAccessArchitectureTests
{
    private static readonly Assembly Core = typeof(TeamWriter).Assembly;

    private const int MaxCoreFileLines = 400;

    /// <summary>
    /// The core files allowed past <see cref="MaxCoreFileLines"/>, each with its reason. TeamAccessErrorCode is one enum
    /// (an enum cannot be split into partial files) of stable codes, each with the one-line doc a host reads in
    /// IntelliSense; it grows by three lines a code, and a shorter doc would move the meaning of a code out of sight.
    /// </summary>
    private static readonly HashSet<string> LongFiles = new(StringComparer.Ordinal) { "Model/TeamAccessErrorCode.cs" };

    [Fact]
    public void Diagrams_EveryParticipant_IsATypeOfTheCore()
    {
        var participants = Participant().Matches(Page()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("TeamAggregate", participants);
        Assert.All(participants.Where(p => p != "Host"), p => Assert.NotNull(TypeNamed(p)));
    }

    [Fact]
    public void Diagrams_EveryCall_IsAMemberOfTheTypeItIsSentTo()
    {
        var calls = Call().Matches(Page()).Select(m => (Type: m.Groups[1].Value, Member: m.Groups[2].Value)).Distinct().ToList();

        Assert.Contains(("TeamWriter", "RunOnTeamAsync"), calls);
        Assert.All(calls, call =>
        {
            var type = TypeNamed(call.Type);
            Assert.NotNull(type);
            var members = type!.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
            Assert.True(members.Any(m => m.Name == call.Member), $"docs/architecture.md sends {call.Member} to {call.Type}, which has no such member.");
        });
    }

    [Fact]
    public void Page_EveryFileAndFolder_Exists()
    {
        var root = Repository.Root;
        var paths = CodePath().Matches(Page()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("Writes/TeamWriter.cs", paths);
        Assert.All(paths, path => Assert.True(
            Exists(Path.Combine(root, path)) || Exists(Path.Combine(root, "src", "TeamAccess", path)),
            $"docs/architecture.md names {path}, which is neither in the repository root nor in src/TeamAccess."));
    }

    [Fact]
    public void CoreFiles_EachHoldsAtMost400Lines()
    {
        var core = Path.Combine(Repository.Root, "src", "TeamAccess");
        var tooLong = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: Path.GetRelativePath(core, path).Replace('\\', '/'), Lines: File.ReadLines(path).Count()))
            .Where(file => file.Lines > MaxCoreFileLines && !LongFiles.Contains(file.Path))
            .Select(file => $"{file.Path} ({file.Lines})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"Core files over {MaxCoreFileLines} lines (split them by concept into partial files or helpers): {string.Join(", ", tooLong)}");
    }

    [Fact]
    public void StoreClasses_EachHoldsAtMost300Lines()
    {
        var classes = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "TeamAccess", "Storage"), "InMemory*.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "TeamAccess.EntityFramework", "Storage"), "EntityFramework*{TContext}.cs"))
            .ToList();

        Assert.Contains(classes, path => path.EndsWith("InMemoryChangeStore.cs", StringComparison.Ordinal));
        Assert.Contains(classes, path => path.EndsWith("EntityFrameworkChangeStore{TContext}.cs", StringComparison.Ordinal));
        Assert.All(classes, path => Assert.True(File.ReadLines(path).Count() <= 300, $"{Path.GetFileName(path)} holds more than 300 lines: one class per store interface, sharing the store's context."));
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static Type? TypeNamed(string name) => Core.GetTypes().FirstOrDefault(t => t.Name == name && t.Namespace?.StartsWith("TeamAccess", StringComparison.Ordinal) == true);

    private static string Page() => File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));

    [GeneratedRegex(@"^\s*participant (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Participant();

    // A request arrow (->>) names the member called on the receiver; replies (-->>) are not calls.
    [GeneratedRegex(@"^\s*\w+->>(\w+): (\w+)\(", RegexOptions.Multiline)]
    private static partial Regex Call();

    [GeneratedRegex(@"`((?:src/|docs/|\w+/)[\w./-]*\w)`")]
    private static partial Regex CodePath();
}
