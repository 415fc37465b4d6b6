using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>The store is chosen explicitly: without one nothing starts, and a store call keeps what the host registered.</summary>
public sealed class StoreRegistrationTests
{
    [Fact]
    public async Task StartAsync_NoStoreChosen_FailsTheHostsStartNamingTheStoreCalls()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddTeamAccess();
        using var host = builder.Build();

        // Options validation (ValidateOnStart, or the warm-up's services reading the options) fails it.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        AssertNamesTheStoreCalls(error.Message);
    }

    [Fact]
    public async Task WarmUpTeamAccessAsync_NoStoreChosen_FailsNamingTheStoreCalls()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => provider.WarmUpTeamAccessAsync());

        AssertNamesTheStoreCalls(error.Message);
        Assert.Contains(nameof(IChangeStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRequiredService_NoStoreChosen_ThrowsInvalidOperationExceptionNamingTheStoreCalls()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IUserService>());

        AssertNamesTheStoreCalls(error.Message);
        AssertNamesTheStoreCalls(Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ITeamStore>()).Message);
    }

    [Fact]
    public async Task AddInMemoryStores_StoreServicesTheHostRegisteredBeforeAndAfterAddTeamAccess_AreKeptAndTheStoreServesTheRest()
    {
        var audit = new EmptyAuditStore();
        var sessions = new InMemorySessionStore(new InMemoryTeamAccessStore());
        var services = new ServiceCollection();
        services.AddSingleton<IAuditStore>(audit);
        var builder = services.AddTeamAccess();
        services.AddSingleton<ISessionStore>(sessions);
        builder.AddInMemoryStores();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await provider.WarmUpTeamAccessAsync();

        Assert.Same(audit, provider.GetRequiredService<IAuditStore>());
        Assert.Same(sessions, provider.GetRequiredService<ISessionStore>());
        Assert.IsType<InMemoryChangeStore>(provider.GetRequiredService<IChangeStore>());
        Assert.IsType<InMemoryUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.IsType<InMemoryChangeFeed>(Assert.Single(provider.GetServices<IChangeFeedNotifier>()));
    }

    [Fact]
    public async Task AddInMemoryStores_CalledTwice_RegistersTheStoreOnce()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess().AddInMemoryStores().AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();

        Assert.All(TeamAccess.Hosting.StoreRegistration.StoreServices, service => Assert.Single(services, d => d.ServiceType == service));
        Assert.Single(provider.GetServices<IChangeFeedNotifier>());
        Assert.IsType<InMemoryTeamStore>(provider.GetRequiredService<ITeamStore>());
    }

    [Fact]
    public void AddStores_AnotherStoreAfterTheInMemoryOne_ThrowsInsteadOfMixingThem()
    {
        var builder = new ServiceCollection().AddTeamAccess().AddInMemoryStores();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddStores<EmptyAuditStore>());

        Assert.Contains(nameof(InMemoryTeamAccessStore), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(EmptyAuditStore), error.Message, StringComparison.Ordinal);
    }

    private static void AssertNamesTheStoreCalls(string message)
    {
        Assert.Contains("AddEntityFrameworkStores", message, StringComparison.Ordinal);
        Assert.Contains("AddInMemoryStores", message, StringComparison.Ordinal);
    }

    private sealed class EmptyAuditStore : IAuditStore
    {
        public async IAsyncEnumerable<AuditEvent> ListAsync(TeamId teamId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public ValueTask<IReadOnlyList<AuditEvent>> ReadAllAsync(long after, int limit, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<AuditEvent>>([]);

        public ValueTask<long> GetLastSequenceAsync(CancellationToken cancellationToken) => ValueTask.FromResult(0L);
    }
}
