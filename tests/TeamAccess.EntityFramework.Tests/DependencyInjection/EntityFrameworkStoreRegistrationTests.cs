using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>AddEntityFrameworkStores adds what is missing (TryAdd) instead of removing what the host registered.</summary>
public sealed class EntityFrameworkStoreRegistrationTests
{
    [Fact]
    public async Task AddEntityFrameworkStores_AuditStoreTheHostRegisteredFirst_IsKeptAndEfCoreServesTheRest()
    {
        var audit = new InMemoryAuditStore(new InMemoryTeamAccessStore());
        var services = new ServiceCollection();
        services.AddSingleton<IAuditStore>(audit);
        services.AddTeamAccess().AddEntityFrameworkStores(db => db.UseSqlite("Data Source=:memory:"));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(audit, provider.GetRequiredService<IAuditStore>());
        Assert.IsType<EntityFrameworkChangeStore<TeamAccessDbContext>>(provider.GetRequiredService<IChangeStore>());
        Assert.IsType<EntityFrameworkUserStore<TeamAccessDbContext>>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<EntityFrameworkTeamAccessDatabase<TeamAccessDbContext>>(provider.GetRequiredService<ITeamAccessDatabase>());
        Assert.Empty(provider.GetServices<IChangeFeedNotifier>());
    }

    [Fact]
    public void AddEntityFrameworkStores_AfterAddInMemoryStores_ThrowsInsteadOfKeepingTheWrongStoreSilently()
    {
        var builder = new ServiceCollection().AddTeamAccess().AddInMemoryStores();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddEntityFrameworkStores(db => db.UseSqlite("Data Source=:memory:")));

        Assert.Contains(nameof(InMemoryTeamAccessStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreOnPostgreSql_WithoutUsePostgreSql_RefusesToStart_NamingThePackage()
    {
        // No server is needed: the store checks its provider before it opens a connection.
        var services = new ServiceCollection();
        services.AddTeamAccess().AddEntityFrameworkStores(db => db.UseNpgsql("Host=127.0.0.1;Port=1;Database=none"));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigrateTeamAccessDatabaseAsync());

        Assert.Contains("TeamAccess.EntityFramework.PostgreSql", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgreSql()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsePostgreSql_OnASqliteStore_RefusesToStart()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess().AddEntityFrameworkStores(db => db.UseSqlite("Data Source=:memory:")).UsePostgreSql();
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigrateTeamAccessDatabaseAsync());

        Assert.Contains("UsePostgreSql()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePostgreSql_ChoosesThePostgreSqlProviderByType_AndCallingItTwiceKeepsOne()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess().AddEntityFrameworkStores(db => db.UseNpgsql("Host=127.0.0.1;Database=none")).UsePostgreSql().AddPostgreSqlChangeNotifications();

        var registered = Assert.Single(services, d => d.ServiceType == typeof(StoreProvider));

        Assert.Same(PostgreSql.PostgreSqlStoreProvider.Instance, registered.ImplementationInstance);
    }
}
