using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>The contract on a real PostgreSQL, a database per test; skipped visibly without one, failed under CI.</summary>
public sealed class PostgreSqlStoreContractTests : RelationalStoreContractTests
{
    protected override int ConcurrencyRounds => 20;

    private protected override async Task<(Action<DbContextOptionsBuilder> Configure, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        var server = await PostgreSqlServer.GetAsync();
        var (connection, drop) = await server.CreateDatabaseAsync();
        return (db => db.UseNpgsql(connection), drop);
    }
}
