using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TeamAccess.Accounts;
using TeamAccess.Events;
using TeamAccess.Index;

namespace TeamAccess.Hosting;

/// <summary>
/// Returned by <c>AddTeamAccess</c>; the store is chosen on it (<c>AddEntityFrameworkStores</c> of the EF Core package, or
/// <see cref="AddInMemoryStores"/>), and identity providers are added.
/// </summary>
public sealed class TeamAccessBuilder
{
    internal TeamAccessBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Keeps everything in this process's memory: for samples, tests and trials, not for a host whose data must outlive
    /// it or that runs as several instances. A store service the host registered itself is kept (see
    /// <see cref="AddStores{TStore}"/>).
    /// </summary>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another store was chosen on these services already.</exception>
    public TeamAccessBuilder AddInMemoryStores()
    {
        // The shared data and lock first (it names the store a second store call meets), then one class per store service.
        // An instance registered before this call is shared: sibling instances of one test run on one "database" so.
        Services.TryAddSingleton<InMemoryTeamAccessStore>();
        AddStores<InMemoryTeamAccessStore>();
        AddStore<InMemoryUserStore>();
        AddStore<InMemoryTeamStore>();
        AddStore<InMemoryListQueryStore>();
        AddStore<InMemoryChangeStore>();
        AddStore<InMemoryAuditStore>();
        AddStore<InMemorySessionStore>();
        AddStore<InMemoryChangeFeed>();
        AddStore<InMemoryCheckpointStore>();
        AddStore<InMemoryHeldEventStore>();
        AddStore<InMemoryTryCounterStore>();
        AddStore<InMemoryExpiryStore>();
        AddStore<InMemoryApiKeyUsageStore>();
        AddStore<InMemoryDirectoryStore>();
        AddStore<InMemoryTeamDomainStore>();
        AddStore<InMemoryPasskeyStore>();
        AddStore<InMemorySessionRecordStore>();
        return this;
    }

    /// <summary>
    /// For store packages: makes <typeparamref name="TStore"/>, which the caller registers, the store behind each store
    /// service it implements (<see cref="IUserStore"/>, <see cref="ITeamStore"/>, <see cref="IMemberQueryStore"/>,
    /// <see cref="IAuditStore"/>, <see cref="IChangeStore"/>, <see cref="IChangeFeed"/>,
    /// <see cref="IChangeFeedCheckpoints"/>, <see cref="ISessionStore"/>, <see cref="ITryCounterStore"/>; and one more <see cref="IChangeFeedNotifier"/>
    /// when it is one). A store service the host registered itself, before or after <c>AddTeamAccess</c>, is kept and
    /// serves beside the store. Calling it again with the same store changes nothing; a store of one class per store
    /// service calls it once per class (classes of one assembly make one store).
    /// </summary>
    /// <typeparam name="TStore">The store, or one of its classes; resolved as a service, so register it (a singleton) too.</typeparam>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">
    /// Another store (a class of another assembly) was chosen on these services already: a host stores in one.
    /// </exception>
    public TeamAccessBuilder AddStores<TStore>()
        where TStore : class
    {
        StoreRegistration.Use<TStore>(Services);
        return this;
    }

    /// <summary>
    /// Registers a handler of membership events (<see cref="TeamAccessEvent"/>), scoped, and the background dispatcher
    /// that delivers them after each commit: at least once, in commit order, from every path that changes a team, and
    /// resumed after a restart from the position stored under <see cref="EventOptions.Consumer"/>. Hosts without the
    /// generic host start it with <c>WarmUpTeamAccessAsync</c>. Registering the same handler type twice changes nothing.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddEventHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, ITeamAccessEventHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<ITeamAccessEventHandler, THandler>());
        if (Services.Any(d => d.ServiceType == typeof(EventDispatcher)))
        {
            return this;
        }

        Services.AddSingleton(sp => new EventDispatcher(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<IChangeFeedCheckpoints>(),
            sp.GetRequiredService<IHeldEventStore>(),
            sp.GetRequiredService<ITryCounterStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamAccessOptions>>(),
            sp.GetService<ChangeFeedFollower>(),
            sp.GetService<ILogger<EventDispatcher>>(),
            sp.GetRequiredService<TeamAccessTelemetry>()));

        // The hosted service is the singleton itself, so it is started once and disposed once.
        Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EventDispatcher>());
        Services.AddSingleton<ITeamAccessEventAdmin>(sp => sp.GetRequiredService<EventDispatcher>());

        return this;
    }

    /// <summary>
    /// Registers an OpenID Connect identity provider under <paramref name="name"/>, whose id_tokens are validated against
    /// its issuer, audience and keys. Its options are checked when the host starts.
    /// </summary>
    /// <param name="name">
    /// The provider's name, as teams' policies and sessions name it: 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c> or
    /// <c>.</c>, and not <c>password</c>; any other name throws <see cref="ArgumentException"/> here.
    /// </param>
    /// <param name="configure">Sets the issuer, the audience (client id), the keys, the scope and the authoritative domains.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddOidcProvider(string name, Action<OidcProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (!IdentityProviderNames.IsValid(name) || name == IdentityProviderNames.Password)
        {
            throw new ArgumentException($"An identity provider's name is 1 to {IdentityProviderNames.MaxLength} ASCII letters, digits, '-', '_' or '.', and not '{IdentityProviderNames.Password}'; '{name}' is not.", nameof(name));
        }

        Services.AddSingleton<IIdentityProvider>(sp =>
        {
            var options = new OidcProviderOptions();
            configure(options);
            return new OidcIdentityProvider(name, options, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<OidcIdentityProvider>>());
        });
        return this;
    }

    /// <summary>
    /// Registers an identity provider of the host's own. Its name must be 1 to 64 ASCII letters, digits, <c>-</c>, <c>_</c>
    /// or <c>.</c> (checked when the host starts); its <see cref="IIdentityProvider.Scope"/> and
    /// <see cref="IIdentityProvider.IsAuthoritativeFor"/> say where it is accepted and which addresses it proves.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    public TeamAccessBuilder AddIdentityProvider(IIdentityProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Services.AddSingleton(provider);
        return this;
    }

    private void AddStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class
    {
        Services.TryAddSingleton<TStore>();
        AddStores<TStore>();
    }
}
