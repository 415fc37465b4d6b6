using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamAccess;
using TeamAccess.EntityFramework;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts TeamAccess on EF Core, in the manner of ASP.NET Core Identity's <c>AddEntityFrameworkStores</c>.</summary>
public static class TeamAccessEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores TeamAccess in <see cref="TeamAccessDbContext"/> on the database that <paramref name="configureDatabase"/>
    /// names (<c>db =&gt; db.UseSqlite("Data Source=teamaccess.db")</c>), replacing the in-memory stores.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <param name="configureDatabase">Picks the provider and connection.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddEntityFrameworkStores(this TeamAccessBuilder builder, Action<DbContextOptionsBuilder> configureDatabase)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureDatabase);
        builder.Services.AddDbContextFactory<TeamAccessDbContext>(configureDatabase);
        return builder.AddEntityFrameworkStores<TeamAccessDbContext>();
    }

    /// <summary>
    /// Stores TeamAccess in the host's own context, whose model applies
    /// <see cref="TeamAccessModelBuilderExtensions.ApplyTeamAccessModel"/> (or which derives from
    /// <see cref="TeamAccessDbContext"/>). The host registers <see cref="IDbContextFactory{TContext}"/> for it
    /// (<c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>): the stores are singletons and create a
    /// short-lived context for every read and commit.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddEntityFrameworkStores<TContext>(this TeamAccessBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.RemoveAll<InMemoryTeamAccessStore>();
        services.RemoveAll<IUserStore>();
        services.RemoveAll<ITeamStore>();
        services.RemoveAll<IMemberQueryStore>();
        services.RemoveAll<IAuditStore>();
        services.RemoveAll<IChangeStore>();
        services.RemoveAll<IChangeFeed>();
        services.RemoveAll<IChangeFeedNotifier>();
        services.RemoveAll<ITeamAccessDatabase>();

        services.AddSingleton<EntityFrameworkTeamAccessStore<TContext>>();
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<ITeamStore>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<IMemberQueryStore>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<IChangeStore>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        services.AddSingleton<ITeamAccessDatabase>(sp => sp.GetRequiredService<EntityFrameworkTeamAccessStore<TContext>>());
        return builder;
    }

    /// <summary>
    /// Creates the database and TeamAccess's tables when the database does not exist yet (EF Core's
    /// <c>EnsureCreated</c>); does nothing when it does, so calling it on every start is safe. Hosts that manage their
    /// schema with EF Core migrations use those instead.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>A task that completes when the schema exists.</returns>
    /// <exception cref="InvalidOperationException">The EF Core stores are not registered.</exception>
    public static Task EnsureTeamAccessDatabaseCreatedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetService<ITeamAccessDatabase>()
            ?? throw new InvalidOperationException("The TeamAccess EF Core stores are not registered: call AddEntityFrameworkStores on the builder AddTeamAccess returns.");
        return database.EnsureCreatedAsync(cancellationToken);
    }
}
