using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>Keeps the text of every command the store sends while <see cref="Recording"/> is set.</summary>
internal sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _sql = new();

    public volatile bool Recording;

    public IReadOnlyList<string> Sql => [.. _sql];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Recording)
        {
            _sql.Enqueue(command.CommandText);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
