using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamAccess;
using TeamAccess.EntityFramework;
using TeamAccess.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Puts TeamAccess on EF Core, in the manner of ASP.NET Core Identity's <c>AddEntityFrameworkStores</c>.</summary>
public static class TeamAccessEntityFrameworkBuilderExtensions
{
    /// <summary>
    /// Stores TeamAccess in <see cref="TeamAccessDbContext"/> on the database that <paramref name="configureDatabase"/>
    /// names (<c>db =&gt; db.UseSqlite("Data Source=teamaccess.db")</c>). A store service the host registered itself
    /// (before or after <c>AddTeamAccess</c>) is kept and serves beside the EF Core store; another TeamAccess store call on
    /// the same services (<c>AddInMemoryStores</c>) throws <see cref="InvalidOperationException"/>. The schema comes
    /// from the migrations the package ships for SQLite and PostgreSQL: call
    /// <see cref="MigrateTeamAccessDatabaseAsync"/> at start-up. EF Core logs the unique-index refusals that the store
    /// answers with result codes (a taken handle or email) at Debug, not as errors.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <param name="configureDatabase">Picks the provider and connection.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddEntityFrameworkStores(this TeamAccessBuilder builder, Action<DbContextOptionsBuilder> configureDatabase)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureDatabase);
        builder.Services.TryAddSingleton(sp => new QuietRefusalLoggerFactory(sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        builder.Services.AddDbContextFactory<TeamAccessDbContext>((sp, db) =>
        {
            configureDatabase(db);

            // Refusals the store answers with a result code are not EF Core errors with stacks (see the factory).
            db.UseLoggerFactory(sp.GetRequiredService<QuietRefusalLoggerFactory>());
        });
        return builder.AddEntityFrameworkStores<TeamAccessDbContext>();
    }

    /// <summary>
    /// Stores TeamAccess in the host's own context, whose model applies
    /// <see cref="TeamAccessModelBuilderExtensions.ApplyTeamAccessModel"/> (or which derives from
    /// <see cref="TeamAccessDbContext"/>). The host registers <see cref="IDbContextFactory{TContext}"/> for it
    /// (<c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>): the stores are singletons and create a
    /// short-lived context for every read and commit. The schema is the host's: add a migration of its context after
    /// each TeamAccess update (<c>dotnet ef migrations add</c>); <see cref="MigrateTeamAccessDatabaseAsync"/> applies the
    /// context's migrations, or the host applies them as it does its own. As with the other overload, a store service the
    /// host registered itself is kept, and another TeamAccess store call throws <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddEntityFrameworkStores<TContext>(this TeamAccessBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(StoreProvider.Default);
        services.TryAddSingleton<EntityFrameworkStoreContext<TContext>>();
        services.TryAddSingleton<ITeamAccessDatabase, EntityFrameworkTeamAccessDatabase<TContext>>();

        // One class per store service, all sharing the context above, which names the store a second store call meets.
        builder.AddStores<EntityFrameworkStoreContext<TContext>>();
        Add<EntityFrameworkUserStore<TContext>>(builder);
        Add<EntityFrameworkTeamStore<TContext>>(builder);
        Add<EntityFrameworkListQueryStore<TContext>>(builder);
        Add<EntityFrameworkChangeStore<TContext>>(builder);
        Add<EntityFrameworkAuditStore<TContext>>(builder);
        Add<EntityFrameworkSessionStore<TContext>>(builder);
        Add<EntityFrameworkChangeFeedStore<TContext>>(builder);
        Add<EntityFrameworkCheckpointStore<TContext>>(builder);
        Add<EntityFrameworkHeldEventStore<TContext>>(builder);
        Add<EntityFrameworkTryCounterStore<TContext>>(builder);
        Add<EntityFrameworkExpiryStore<TContext>>(builder);
        Add<EntityFrameworkApiKeyUsageStore<TContext>>(builder);
        Add<EntityFrameworkDirectoryStore<TContext>>(builder);
        Add<EntityFrameworkTeamDomainStore<TContext>>(builder);
        Add<EntityFrameworkPasskeyStore<TContext>>(builder);
        Add<EntityFrameworkSessionRecordStore<TContext>>(builder);
        return builder;
    }

    /// <summary>
    /// Creates TeamAccess's tables and upgrades them to this version's schema with EF Core migrations; call it at every
    /// start, before <c>WarmUpTeamAccessAsync</c>. With <see cref="AddEntityFrameworkStores(TeamAccessBuilder, Action{DbContextOptionsBuilder})"/>
    /// it applies the migrations the package ships for SQLite and PostgreSQL (history in the table
    /// <c>ta_migrations_history</c>, so the host's own tables and migrations in the same database are left alone); with
    /// a host's own context (<see cref="AddEntityFrameworkStores{TContext}(TeamAccessBuilder)"/>) it applies that
    /// context's own migrations. Instances that start at once on an empty database all come up: on PostgreSQL one
    /// migrates under an advisory lock while the others wait; on SQLite the file's single writer orders them.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    /// <exception cref="InvalidOperationException">
    /// The EF Core stores are not registered; the provider is neither SQLite nor PostgreSQL (use your own context and
    /// migrations); or the database was migrated by a newer TeamAccess than this one (the message names both).
    /// </exception>
    public static Task MigrateTeamAccessDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetService<ITeamAccessDatabase>()
            ?? throw new InvalidOperationException("The TeamAccess EF Core stores are not registered: call AddEntityFrameworkStores on the builder AddTeamAccess returns.");
        return database.MigrateAsync(cancellationToken);
    }

    /// <summary>The former name of <see cref="MigrateTeamAccessDatabaseAsync"/>, which it now calls: it migrates.</summary>
    /// <param name="services">The built service provider.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task that completes when the schema is current.</returns>
    [Obsolete("The schema comes from migrations now: call MigrateTeamAccessDatabaseAsync, which this calls.")]
    public static Task EnsureTeamAccessDatabaseCreatedAsync(this IServiceProvider services, CancellationToken cancellationToken = default) =>
        services.MigrateTeamAccessDatabaseAsync(cancellationToken);

    private static void Add<TStore>(TeamAccessBuilder builder)
        where TStore : class
    {
        builder.Services.TryAddSingleton<TStore>();
        builder.AddStores<TStore>();
    }
}
