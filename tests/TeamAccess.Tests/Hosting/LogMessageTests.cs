using System.Text.RegularExpressions;

namespace TeamAccess.Tests;

/// <summary>
/// Issue 27: every log entry of the packages is a source-generated <c>[LoggerMessage]</c> with a stable event id (one
/// range per room: Writes 1000, Index 1100, Hosting 1200, Accounts 1300, Invitations 1400, Import 1500, TeamSso 1600,
/// Provisioning 1700, PostgreSQL 1800, Model 1900), so an operator filters and alerts by id, not by message text.
/// </summary>
public sealed partial class LogMessageTests
{
    [Fact]
    public void NoPackage_LogsThroughTheHandWrittenExtensions()
    {
        // The EF package's refusal filter re-emits EF Core's own entries (their ids kept): it is the one pass-through.
        var handWritten = SourceFiles()
            .Where(f => !f.EndsWith("QuietRefusalLoggerFactory.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => HandWrittenCall().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}")
            .ToList();

        Assert.Empty(handWritten);
    }

    [Fact]
    public void EveryLogMessage_HasItsOwnEventId()
    {
        var ids = SourceFiles()
            .SelectMany(f => LoggerMessage().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Attribute: m.Value)))
            .ToList();

        Assert.True(ids.Count >= 60, $"{ids.Count} log messages");
        var missing = ids.Where(i => !i.Attribute.Contains("EventId = ", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        var numbers = ids.Select(i => int.Parse(EventId().Match(i.Attribute).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n, 1000, 1999));
    }

    [Fact]
    public async Task AWrite_LogsItsEventId()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);

        Assert.True((await bed.Members.ChangeRoleAsync(crew.OwnerId, crew.TeamId, crew.MembershipOf(0), RolePresets.Observer)).Succeeded);

        Assert.Contains(bed.Logs.Events, e => e.Id == 1001 && e.Name == "WriteCommitted");
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("Specification.Tests", StringComparison.Ordinal));

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\(")]
    private static partial Regex HandWrittenCall();

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*\]")]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"EventId = (\d+)")]
    private static partial Regex EventId();
}
