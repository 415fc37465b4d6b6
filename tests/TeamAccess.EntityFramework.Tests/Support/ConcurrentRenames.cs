using TeamAccess.Accounts;
using TeamAccess.Teams;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// Many writers committing at once while a naive reader follows a numbered log (the change feed, the audit log), keeping
/// only the highest number it has read: a gap it skipped past, filled later by a slower commit, is lost to it.
/// </summary>
internal static class ConcurrentRenames
{
    /// <summary>How many renames <see cref="RunWhileFollowingAsync"/> commits: 8 writers, 25 each.</summary>
    public const int Count = 8 * 25;

    /// <summary>
    /// Renames the owners' teams <see cref="Count"/> times from 8 concurrent writers while a reader calls
    /// <paramref name="readAfter"/> from <paramref name="start"/> on; returns the numbers the reader saw, in order.
    /// </summary>
    public static async Task<List<long>> RunWhileFollowingAsync(Host host, IReadOnlyList<SignUpResult> owners, long start, Func<long, Task<long[]>> readAfter)
    {
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var reader = Task.Run(async () =>
        {
            var position = start;
            while (true)
            {
                var done = stop.IsCancellationRequested;
                var batch = await readAfter(position);
                foreach (var number in batch)
                {
                    seen.Add(number);
                    position = number;
                }

                if (done && batch.Length == 0)
                {
                    return;
                }
            }
        });

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < 25; n++)
            {
                var owner = owners[(w * 7 + n) % owners.Count];
                var renamed = await host.Use<ITeamService, Result<Team>>(t => t.RenameAsync(owner.User.Id, owner.Team.Id, $"Team {w}-{n}"));
                Assert.True(renamed.Succeeded, renamed.ToString());
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await reader;
        return seen;
    }
}
