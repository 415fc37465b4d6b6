using Microsoft.EntityFrameworkCore;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>Creates and upgrades the schema with the migrations of the shipped context, or of the host's own context.</summary>
internal sealed class EntityFrameworkTeamAccessDatabase<TContext>(EntityFrameworkStoreContext<TContext> store) : ITeamAccessDatabase
    where TContext : DbContext
{
    /// <inheritdoc />
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var context = await store.Factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            store.Provider.Check(context);
            if (typeof(TContext) != typeof(TeamAccessDbContext))
            {
                // A host's own context (ApplyTeamAccessModel beside its tables) carries its own migrations.
                await TeamAccessMigrator.MigrateAsync(context, store.Provider, cancellationToken).ConfigureAwait(false);
                return;
            }

            var shipped = TeamAccessMigrator.CreateShippedContext(context, store.Provider);
            await using (shipped.ConfigureAwait(false))
            {
                await TeamAccessMigrator.MigrateAsync(shipped, store.Provider, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
