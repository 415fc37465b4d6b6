using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TeamAccess.EntityFramework.Migrations;

// EF Core's advice for one model on several providers is a migration set per provider, each tied to its own context
// type (https://learn.microsoft.com/ef/core/managing-schemas/migrations/providers); the PostgreSQL set and its context
// ship in TeamAccess.EntityFramework.PostgreSql. These contexts add nothing to
// TeamAccessDbContext's model: they only tell the migrations assembly which set belongs to which provider. At run time
// the migrator creates the one of the host's provider on the host's own options.

/// <summary>The context the SQLite migrations belong to.</summary>
internal sealed class SqliteTeamAccessDbContext(DbContextOptions options) : TeamAccessDbContext(options);

/// <summary>What <c>dotnet ef migrations add</c> builds the SQLite model with (no database is opened).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTeamAccessDbContext>
{
    public SqliteTeamAccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTeamAccessDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
