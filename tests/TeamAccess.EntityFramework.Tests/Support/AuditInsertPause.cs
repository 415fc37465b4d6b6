using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// Once armed, holds the first command that inserts audit rows just after it ran (its rows numbered, its transaction
/// still open) until the test releases it: a commit caught between numbering and COMMIT.
/// </summary>
internal sealed class AuditInsertPause : DbCommandInterceptor
{
    public volatile bool Armed;

    public TaskCompletionSource Numbered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (Armed && command.CommandText.Contains("INSERT INTO ta_audit_events", StringComparison.Ordinal))
        {
            Armed = false;
            Numbered.SetResult();
            await Release.Task;
        }

        return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }
}
