using Microsoft.EntityFrameworkCore;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>
/// The commit: one transaction per change set, retried on conflicts the provider reports. The rows with an expected
/// version or stamp first, then new users and teams, then the rows the team operations put or remove, then the audit
/// rows and feed entries. Any refusal rolls everything back. What this instance holds in the shared snapshot cache
/// follows the commit.
/// </summary>
internal sealed class EntityFrameworkChangeStore<TContext>(EntityFrameworkStoreContext<TContext> store) : IChangeStore
    where TContext : DbContext
{
    /// <summary>A commit that adds at least this many rows (an import's batch) copies them, where the provider has a bulk path, instead of inserting each.</summary>
    private const int BulkThreshold = 32;

    /// <summary>Existing users checked and stamped per statement when a commit attaches them to memberships.</summary>
    private const int AttachChunk = 1_000;

    /// <inheritdoc />
    public async ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        ChangeSetChecks.Check(changes);
        var plan = CommitPlan.For(changes);
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            store.Provider.Check(context);
            var oversized = StoreErrors.Oversized(context.Model, plan.All);
            if (oversized is not TeamAccessErrorCode.None)
            {
                return Result<long>.Failed(oversized);
            }

            using var refusals = RefusalLogScope.Begin();
            var committed = false;
            try
            {
                // A host that configured a retrying execution strategy gets the whole unit of work retried on transient
                // failures, as EF Core requires for user-initiated transactions.
                var strategy = context.Database.CreateExecutionStrategy();
                var sequence = await strategy.ExecuteAsync(
                    (Context: context, Plan: plan, Provider: store.Provider),
                    static (_, state, ct) => CommitOnceAsync(state.Context, state.Plan, state.Provider, ct),
                    null,
                    cancellationToken).ConfigureAwait(false);
                committed = true;
                return Result<long>.Ok(sequence);
            }
            catch (AttachedUserMissingException)
            {
                return Result<long>.Failed(TeamAccessErrorCode.NotFound);
            }
            catch (Exception exception) when (StoreErrors.TryClassify(exception, context.Model, store.Provider, out var code))
            {
                refusals.Refused(code);
                return Result<long>.Failed(code);
            }
            finally
            {
                // What this instance holds follows the commit: the stored team (the one held at the change's expected
                // version with the change's operations applied), or nothing when the commit failed, its outcome is
                // unknown, or the team was not held (the next read loads it again).
                foreach (var team in changes.Teams)
                {
                    var before = team.IsNew ? TeamSnapshot.Empty(team.After) : store.Snapshots.Find(team.After.Id, team.ExpectedVersion);
                    if (committed && before is not null)
                    {
                        store.Snapshots.Put(before.Apply(team));
                    }
                    else
                    {
                        store.Snapshots.Evict(team.After.Id);
                    }
                }
            }
        }
    }

    private static async Task<long> CommitOnceAsync(DbContext context, CommitPlan plan, StoreProvider provider, CancellationToken cancellationToken)
    {
        // A retried attempt (a host's retrying execution strategy) starts clean: nothing tracked, no sequence assigned.
        context.ChangeTracker.Clear();
        plan.Audit.ForEach(a => a.Sequence = 0);
        plan.Feed.ForEach(f => f.Position = 0);
        var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            Track(context, plan.Checked);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var bulk = provider.CopiesInBulk && plan.AddedCount >= BulkThreshold;
            if (bulk)
            {
                await CopyAsync(context, provider, plan.Heads, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Track(context, plan.Heads);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            // The user row is checked (and its stamp replaced, which holds a concurrent deletion off until this commits
            // and then makes it conflict) inside the transaction that attaches the membership.
            // (One statement for a chunk of users: an import attaches thousands of existing users in one commit.)
            foreach (var users in plan.AttachedUsers.Chunk(AttachChunk))
            {
                var stamp = Guid.NewGuid();
                var touched = await context.Set<UserRow>().Where(u => users.Contains(u.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken).ConfigureAwait(false);
                if (touched != users.Length)
                {
                    throw new AttachedUserMissingException();
                }
            }

            Track(context, plan.Logins);
            Track(context, plan.Passkeys);
            Track(context, plan.RevokedSessions);
            if (bulk)
            {
                // Changed and removed rows first (an expired invitation closed before its address is invited anew keeps
                // the unique index of current memberships), then the new rows by COPY.
                Track(context, plan.Contents.Where(c => c.State != EntityState.Added));
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await CopyAsync(context, provider, plan.Contents.Where(c => c.State == EntityState.Added), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Track(context, plan.Contents);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            if (plan.PurgeRevokedSessionsBefore > 0)
            {
                var before = plan.PurgeRevokedSessionsBefore;
                await context.Set<RevokedSessionRow>().Where(r => r.ExpiresAtUtcTicks < before).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            // The audit rows and feed entries last, so that the provider's lock that numbers both in commit order (on
            // PostgreSQL) is held only from here to COMMIT: a reader of either that has read up to n never later meets a
            // committed row below n (the membership events are projected from the audit log on that promise). SQLite has
            // one writer at a time, so its numbering follows commit order already.
            long? copiedSequence = null;
            if (plan.Audit.Count > 0 || plan.Feed.Count > 0)
            {
                await provider.LockFeedNumberingAsync(context, cancellationToken).ConfigureAwait(false);
                if (bulk && plan.Audit.Count > 0)
                {
                    await provider.CopyAsync(context, plan.Audit, cancellationToken).ConfigureAwait(false);
                    copiedSequence = await provider.LastIdentityAsync(context, typeof(AuditEventRow), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    context.AddRange(plan.Audit);
                }

                context.AddRange(plan.Feed);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                if (plan.Feed.Count > 0)
                {
                    // On PostgreSQL one payload-free NOTIFY per commit, delivered at COMMIT: followers wake and read the feed.
                    await provider.NotifyFeedAsync(context, cancellationToken).ConfigureAwait(false);
                }
            }

            var sequence = copiedSequence ?? (plan.Audit.Count > 0
                ? plan.Audit[^1].Sequence
                : await context.Set<AuditEventRow>().MaxAsync(a => (long?)a.Sequence, cancellationToken).ConfigureAwait(false) ?? 0);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return sequence;
        }
    }

    /// <summary>Copies added rows, a table at a time in the order met (a parent's table before its children's).</summary>
    private static async Task CopyAsync(DbContext context, StoreProvider provider, IEnumerable<RowChange> added, CancellationToken cancellationToken)
    {
        foreach (var table in added.Select(c => c.Row).GroupBy(r => r.GetType()))
        {
            await provider.CopyAsync(context, table.ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Track(DbContext context, IEnumerable<RowChange> changes)
    {
        foreach (var change in changes)
        {
            var entry = context.Entry(change.Row);
            entry.State = change.State;
            if (change.ExpectedToken is { } expected)
            {
                var token = entry.Metadata.GetProperties().Single(p => p.IsConcurrencyToken);
                entry.Property(token).OriginalValue = expected;
            }
        }
    }
}
