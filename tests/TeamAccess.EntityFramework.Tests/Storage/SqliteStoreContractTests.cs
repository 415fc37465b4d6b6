using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>The contract on SQLite, the embedded default: a database file in a temporary folder, as a host would have.</summary>
public sealed class SqliteStoreContractTests : RelationalStoreContractTests
{
    private protected override Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        var folder = Directory.CreateTempSubdirectory("teamaccess-sqlite-").FullName;
        var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "teamaccess.db") }.ConnectionString;
        return Task.FromResult<(Action<DbContextOptionsBuilder>, Func<ValueTask>)>((
            db => db.UseSqlite(connection),
            () =>
            {
                SqliteFiles.Drop(connection);
                return ValueTask.CompletedTask;
            }));
    }
}
