using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TeamAccess.EntityFramework;

/// <summary>
/// Turns what a database refuses into the result codes of <see cref="IChangeStore.CommitAsync"/>, the same on every
/// provider (each provider's own refusals are read by its <see cref="StoreProvider"/>): a stale version or stamp, a serialization failure, a deadlock or a busy SQLite file is a
/// <see cref="TeamAccessErrorCode.ConcurrencyFailure"/> (the writer retries from a fresh load); a unique index names
/// its own refusal in the model; a primary key hit means a concurrent writer created the same row first.
/// </summary>
internal static class StoreErrors
{
    // SQLite result codes: SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CONSTRAINT.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const string SqliteUniqueFailed = "UNIQUE constraint failed: ";
    private const string SqliteForeignKeyFailed = "FOREIGN KEY constraint failed";

    /// <summary>The first over-long value among the rows to add or modify, as the refusal its column names.</summary>
    /// <remarks>
    /// PostgreSQL refuses an over-long varchar while SQLite stores it: checking here, before any statement, makes both
    /// refuse alike and leaves nothing written.
    /// </remarks>
    public static TeamAccessErrorCode Oversized(IModel model, IEnumerable<RowChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var entityType = model.FindEntityType(change.Row.GetType())
                ?? throw new InvalidOperationException($"{change.Row.GetType().Name} is not in the model: apply ApplyTeamAccessModel in OnModelCreating.");
            foreach (var property in entityType.GetProperties())
            {
                if (property.GetMaxLength() is { } max && property.PropertyInfo?.GetValue(change.Row) is string value && value.Length > max)
                {
                    return TeamAccessModelBuilderExtensions.ErrorCodeOf(property)
                        ?? throw new ArgumentException($"{entityType.ClrType.Name}.{property.Name} is longer than {max} characters.", nameof(changes));
                }
            }
        }

        return TeamAccessErrorCode.None;
    }

    /// <summary>Classifies a database exception; <see langword="false"/> for an infrastructure failure to let through.</summary>
    public static bool TryClassify(Exception exception, IModel model, StoreProvider provider, out TeamAccessErrorCode code)
    {
        code = TeamAccessErrorCode.None;
        if (exception is DbUpdateConcurrencyException)
        {
            code = TeamAccessErrorCode.ConcurrencyFailure;
            return true;
        }

        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException db)
            {
                code = provider.Classify(db, model);
                return code is not TeamAccessErrorCode.None;
            }
        }

        return false;
    }

    /// <summary>SQLite's refusals: a busy or locked file, a foreign key, a unique index.</summary>
    public static TeamAccessErrorCode ClassifySqlite(DbException db, IModel model) => SqliteErrorCode(db) switch
    {
        SqliteBusy or SqliteLocked => TeamAccessErrorCode.ConcurrencyFailure,

        // A row that references one a concurrent writer removed (a login for a deleted user): what it names is gone.
        SqliteConstraint when db.Message.Contains(SqliteForeignKeyFailed, StringComparison.Ordinal) => TeamAccessErrorCode.NotFound,
        SqliteConstraint => FromSqliteUnique(db.Message, model),
        _ => TeamAccessErrorCode.None,
    };

    /// <summary>
    /// The refusal of the unique index or primary key a database named: by <paramref name="constraint"/> where the driver
    /// reports it, else as quoted in <paramref name="message"/> (duplicate key value violates unique constraint "name").
    /// </summary>
    public static TeamAccessErrorCode FromConstraintName(string? constraint, string message, IModel model)
    {
        foreach (var unique in UniqueConstraints(model))
        {
            if (constraint is not null
                ? string.Equals(unique.Name, constraint, StringComparison.Ordinal)
                : message.Contains($"\"{unique.Name}\"", StringComparison.Ordinal))
            {
                return unique.Code;
            }
        }

        return TeamAccessErrorCode.None;
    }

    // SQLite names the columns instead: UNIQUE constraint failed: ta_memberships.team_id, ta_memberships.email.
    private static TeamAccessErrorCode FromSqliteUnique(string message, IModel model)
    {
        var start = message.IndexOf(SqliteUniqueFailed, StringComparison.Ordinal);
        if (start < 0)
        {
            return TeamAccessErrorCode.None;
        }

        var columns = message[(start + SqliteUniqueFailed.Length)..].TrimEnd('.', '\'', ' ');
        foreach (var constraint in UniqueConstraints(model))
        {
            if (string.Equals(constraint.Columns, columns, StringComparison.Ordinal))
            {
                return constraint.Code;
            }
        }

        return TeamAccessErrorCode.None;
    }

    private static IEnumerable<(string Name, string Columns, TeamAccessErrorCode Code)> UniqueConstraints(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            var table = entityType.GetTableName();
            if (table is null)
            {
                continue;
            }

            string Columns(IEnumerable<IProperty> properties) => string.Join(", ", properties.Select(p => $"{table}.{p.GetColumnName()}"));

            foreach (var index in entityType.GetIndexes())
            {
                if (index.IsUnique && TeamAccessModelBuilderExtensions.ErrorCodeOf(index) is { } code && index.GetDatabaseName() is { } name)
                {
                    yield return (name, Columns(index.Properties), code);
                }
            }

            if (entityType.FindPrimaryKey() is { } key && key.GetName() is { } keyName)
            {
                // A taken primary key is a concurrent insert of the same row, unless the key says otherwise (an external login).
                yield return (keyName, Columns(key.Properties), TeamAccessModelBuilderExtensions.ErrorCodeOf(key) ?? TeamAccessErrorCode.ConcurrencyFailure);
            }
        }
    }

    // The package references no provider, so SQLite's code is read by name from Microsoft.Data.Sqlite's exception,
    // which does not fill DbException.ErrorCode or SqlState.
    private static int SqliteErrorCode(DbException exception)
    {
        var type = exception.GetType();
        return type.FullName == "Microsoft.Data.Sqlite.SqliteException"
            && type.GetProperty("SqliteErrorCode", BindingFlags.Public | BindingFlags.Instance)?.GetValue(exception) is int code
            ? code
            : 0;
    }
}
