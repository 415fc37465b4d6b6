using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TeamAccess;
using TeamAccess.EntityFramework;
using TeamAccess.EntityFramework.PostgreSql;
using TeamAccess.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL wake-up of the change feed to a TeamAccess host on the EF Core store.</summary>
public static class TeamAccessPostgreSqlBuilderExtensions
{
    /// <summary>
    /// Makes this instance LISTEN to the NOTIFY that every commit sends on PostgreSQL, so that its permission index
    /// follows other instances' writes within milliseconds; polling still runs, and still meets the staleness bound, when
    /// the listening connection is down. Uses the connection string of the <see cref="TeamAccessDbContext"/> that
    /// <c>AddEntityFrameworkStores</c> registered; call it after that. Each instance holds one extra connection.
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
