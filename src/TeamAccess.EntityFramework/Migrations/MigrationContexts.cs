using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TeamAccess.EntityFramework.Migrations;

// EF Core's advice for one model on several providers is a migration set per provider, each tied to its own context
// type (https://learn.microsoft.com/ef/core/managing-schemas/migrations/providers). These contexts add nothing to
// TeamAccessDbContext's model: they only tell the migrations assembly which set belongs to which provider. At run time
// the migrator creates the one of the host's provider on the host's own options.

/// <summary>The context the SQLite migrations belong to.</summary>
internal sealed class SqliteTeamAccessDbContext(DbContextOptions options) : TeamAccessDbContext(options);

/// <summary>The context the PostgreSQL migrations belong to.</summary>
internal sealed class PostgreSqlTeamAccessDbContext(DbContextOptions options) : TeamAccessDbContext(options);

/// <summary>What <c>dotnet ef migrations add</c> builds the SQLite model with (no database is opened).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTeamAccessDbContext>
{
    public SqliteTeamAccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTeamAccessDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>What <c>dotnet ef migrations add</c> builds the PostgreSQL model with (no database is opened).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlTeamAccessDbContext>
{
    public PostgreSqlTeamAccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlTeamAccessDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
