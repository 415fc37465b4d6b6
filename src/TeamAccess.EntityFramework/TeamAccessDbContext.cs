using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// An EF Core context with TeamAccess's tables and nothing else. Derive from it to add your own tables, or apply
/// <see cref="TeamAccessModelBuilderExtensions.ApplyTeamAccessModel"/> to your own context instead.
/// </summary>
public class TeamAccessDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options (provider and connection).</param>
    public TeamAccessDbContext(DbContextOptions<TeamAccessDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates the context of a derived type, which passes its own options.</summary>
    /// <param name="options">The derived context's options.</param>
    protected TeamAccessDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyTeamAccessModel();
    }
}
