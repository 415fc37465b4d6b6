using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TeamAccess;
using TeamAccess.EntityFramework;
using TeamAccess.EntityFramework.PostgreSql;
using TeamAccess.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs a TeamAccess host's EF Core store on PostgreSQL, and adds the change feed's PostgreSQL wake-up.</summary>
public static class TeamAccessPostgreSqlBuilderExtensions
{
    /// <summary>
    /// Makes the EF Core store (<c>AddEntityFrameworkStores</c> with <c>UseNpgsql</c>) use PostgreSQL's own ways: the
    /// advisory lock that numbers the change feed and the audit log in commit order (several instances write at once),
    /// a NOTIFY per commit, binary COPY for large commits (an import's batches), PostgreSQL's refusals, and the PostgreSQL
    /// migrations this package ships. A store on PostgreSQL without it refuses to start. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder UsePostgreSql(this TeamAccessBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<StoreProvider>(PostgreSqlStoreProvider.Instance));
        return builder;
    }

    /// <summary>
    /// Makes this instance LISTEN to the NOTIFY that every commit sends on PostgreSQL, so that its permission index
    /// follows other instances' writes within milliseconds; polling still runs, and still meets the staleness bound, when
    /// the listening connection is down. Uses the connection string of the <see cref="TeamAccessDbContext"/> that
    /// <c>AddEntityFrameworkStores</c> registered; call it after that. Each instance holds one extra connection. It calls
    /// <see cref="UsePostgreSql"/> too.
    /// </summary>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddPostgreSqlChangeNotifications(this TeamAccessBuilder builder) =>
        builder.AddPostgreSqlChangeNotifications<TeamAccessDbContext>();

    /// <summary>
    /// Makes this instance LISTEN to the NOTIFY that every commit sends on PostgreSQL, using the connection string of the
    /// host's own context (the one given to <c>AddEntityFrameworkStores&lt;TContext&gt;</c>).
    /// </summary>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The builder <c>AddTeamAccess</c> returned.</param>
    /// <returns>The builder.</returns>
    public static TeamAccessBuilder AddPostgreSqlChangeNotifications<TContext>(this TeamAccessBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UsePostgreSql();
        builder.Services.AddSingleton<IChangeFeedNotifier>(sp =>
        {
            var contexts = sp.GetRequiredService<IDbContextFactory<TContext>>();
            return new PostgreSqlChangeFeedNotifier(
                () =>
                {
                    using var context = contexts.CreateDbContext();
                    return context.Database.GetConnectionString()
                        ?? throw new InvalidOperationException("The TeamAccess context has no connection string to listen on.");
                },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<PostgreSqlChangeFeedNotifier>>());
        });
        return builder;
    }
}
