using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TeamAccess.EntityFramework.PostgreSql;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The errors a database raises under contention become a retry (<see cref="TeamAccessErrorCode.ConcurrencyFailure"/>),
/// never an unhandled exception; an unrelated failure is let through as the infrastructure failure it is.
/// </summary>
public sealed class StoreErrorsTests
{
    public static TheoryData<string> RetriedPostgreSqlStates => new() { "40001", "40P01" };

    [Theory]
    [MemberData(nameof(RetriedPostgreSqlStates))]
    public void TryClassify_PostgreSqlSerializationFailureOrDeadlock_IsAConcurrencyFailure(string sqlState)
    {
        var exception = new DbUpdateException("save failed", new PostgresException("conflict", "ERROR", "ERROR", sqlState));

        Assert.True(StoreErrors.TryClassify(exception, Model(), PostgreSqlStoreProvider.Instance, out var code));
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, code);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void TryClassify_SqliteBusyOrLocked_IsAConcurrencyFailure(int sqliteCode)
    {
        var exception = new DbUpdateException("save failed", new SqliteException("database is locked", sqliteCode));

        Assert.True(StoreErrors.TryClassify(exception, Model(), StoreProvider.Default, out var code));
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, code);
    }

    [Fact]
    public void TryClassify_StaleConcurrencyToken_IsAConcurrencyFailure()
    {
        Assert.True(StoreErrors.TryClassify(new DbUpdateConcurrencyException("0 rows"), Model(), StoreProvider.Default, out var code));
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, code);
    }

    [Fact]
    public void TryClassify_PostgreSqlUniqueViolationOfAPrimaryKey_IsAConcurrencyFailure()
    {
        var exception = new DbUpdateException("save failed", new PostgresException("duplicate key value violates unique constraint \"pk_ta_teams\"", "ERROR", "ERROR", "23505"));

        Assert.True(StoreErrors.TryClassify(exception, Model(), PostgreSqlStoreProvider.Instance, out var code));
        Assert.Equal(TeamAccessErrorCode.ConcurrencyFailure, code);
    }

    [Fact]
    public void TryClassify_UnrelatedFailures_AreLetThrough()
    {
        Assert.False(StoreErrors.TryClassify(new DbUpdateException("save failed", new PostgresException("disk full", "PANIC", "PANIC", "53100")), Model(), PostgreSqlStoreProvider.Instance, out _));
        Assert.False(StoreErrors.TryClassify(new DbUpdateException("save failed", new SqliteException("disk I/O error", 10)), Model(), StoreProvider.Default, out _));
        Assert.False(StoreErrors.TryClassify(new InvalidOperationException("bug"), Model(), StoreProvider.Default, out _));
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var context = new TeamAccessDbContext(new DbContextOptionsBuilder<TeamAccessDbContext>().UseSqlite("Data Source=:memory:").Options);
        return context.Model;
    }
}
