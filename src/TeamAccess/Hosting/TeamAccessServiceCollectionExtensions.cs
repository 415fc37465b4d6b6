using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TeamAccess;
using TeamAccess.Accounts;
using TeamAccess.Audit;
using TeamAccess.Provisioning;
using TeamAccess.Grants;
using TeamAccess.Groups;
using TeamAccess.Hosting;
using TeamAccess.Import;
using TeamAccess.Index;
using TeamAccess.Invitations;
using TeamAccess.Members;
using TeamAccess.Ownership;
using TeamAccess.ServiceAccounts;
using TeamAccess.TeamRoles;
using TeamAccess.Teams;
using TeamAccess.TeamSso;
using TeamAccess.Writes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TeamAccess in a host's service collection.</summary>
public static class TeamAccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds TeamAccess without a store: choose one on the returned builder, <c>AddEntityFrameworkStores(...)</c> (package
    /// TeamAccess.EntityFramework) or <see cref="TeamAccessBuilder.AddInMemoryStores"/> (samples and tests). Without a
    /// store the host's start fails (as does <see cref="WarmUpTeamAccessAsync"/>), and resolving a service that needs one
    /// throws <see cref="InvalidOperationException"/>, each naming those calls. Options are validated when the host
    /// starts: a bad role catalog fails the start, not the first request. Every registration is a <c>TryAdd</c>, so a host
    /// can replace any part by registering it first.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Configures roles, permissions and behaviour.</param>
    /// <returns>The builder, on which the store is chosen.</returns>
    public static TeamAccessBuilder AddTeamAccess(this IServiceCollection services, Action<TeamAccessOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TeamAccessOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamAccessOptions>, TeamAccessOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => RoleCatalog.Create(sp.GetRequiredService<IOptions<TeamAccessOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<RoleCatalog>().PermissionCatalog);

        StoreRegistration.AddStandIns(services);
        services.TryAddSingleton(sp => new ChangeFeedReader(sp.GetRequiredService<IChangeFeed>(), sp.GetRequiredService<IChangeFeedCheckpoints>()));
        services.TryAddSingleton<SessionStateCache>();

        services.TryAddSingleton(sp => new TeamAccessTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<AccessEngine>();
        services.TryAddSingleton<IAccessChecker>(sp => sp.GetRequiredService<AccessEngine>());
        services.TryAddSingleton<IAccessQueries, AccessQueries>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AccessIndexWarmup>());
        services.TryAddSingleton(sp => new ChangeFeedFollower(
            sp.GetRequiredService<AccessEngine>(),
            sp.GetRequiredService<ITeamStore>(),
            sp.GetServices<IChangeFeedNotifier>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TeamAccessOptions>>(),
            sp.GetService<IChangeFeed>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ChangeFeedFollower>>(),
            sp.GetService<SessionStateCache>(),
            sp.GetRequiredService<TeamAccessTelemetry>()));
        services.TryAddSingleton(sp => new TeamAccessHealthCheck(
            sp.GetRequiredService<ChangeFeedFollower>(),
            sp.GetRequiredService<IOptions<TeamAccessOptions>>().Value.ChangeFeed.FailClosedWhenStale,
            sp.GetService<EventDispatcher>()));

        services.TryAddSingleton<MessageDelivery>();
        services.TryAddSingleton(sp => new TeamAccessMetrics(sp));
        services.TryAddSingleton<MessageDeliveryLoop>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MessageDeliveryLoop>(sp => sp.GetRequiredService<MessageDeliveryLoop>()));
        services.TryAddSingleton<ExpirySweeper>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ExpirySweeper>(sp => sp.GetRequiredService<ExpirySweeper>()));

        services.TryAddSingleton<DomainRecheckSweeper>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DomainRecheckSweeper>(sp => sp.GetRequiredService<DomainRecheckSweeper>()));

        services.TryAddSingleton<ITeamSignInPolicyProvider, StoredTeamSignInPolicyProvider>();
        services.TryAddSingleton<IHostAddressResolver, SystemHostAddressResolver>();
        services.TryAddSingleton<IssuerAddresses>();
        services.TryAddSingleton(sp =>
        {
            var addresses = sp.GetRequiredService<IssuerAddresses>();
            return IssuerTransport.Guarded((host, ct) => addresses.AllowedAsync(host, ct));
        });
        services.TryAddSingleton<IssuerFetcher>();
        services.TryAddSingleton<TeamProviderDirectory>();
        services.TryAddSingleton<IDomainTxtLookup, DnsClientTxtLookup>();
        services.TryAddSingleton<IDomainVerifier, ProviderAuthorityDomainVerifier>();
        services.TryAddSingleton<ITeamProviderBinding, OptionsTeamProviderBinding>();
        services.TryAddSingleton<IInvitationSender, LoggingInvitationSender>();
        services.TryAddSingleton<IEmailConfirmationSender, LoggingEmailConfirmationSender>();
        services.TryAddSingleton<IPasswordResetSender, LoggingPasswordResetSender>();
        services.TryAddSingleton<PasswordPolicy>();
        services.TryAddSingleton<PasswordHasher>();
        services.TryAddSingleton<IdentityProviderRegistry>();
        services.TryAddSingleton<SessionKeys>();

        services.TryAddSingleton<ListReader>();
        services.TryAddScoped<ActingCredential>();
        services.TryAddScoped<TeamWriter>();
        services.TryAddScoped<IUserService, UserService>();
        services.TryAddScoped<ITeamService, TeamService>();
        services.TryAddScoped<IMemberService, MemberService>();
        services.TryAddScoped<IOwnershipService, OwnershipService>();
        services.TryAddScoped<IGroupService, GroupService>();
        services.TryAddScoped<ITeamRoleService, TeamRoleService>();
        services.TryAddScoped<IGrantService, GrantService>();
        services.TryAddScoped<IServiceAccountService, ServiceAccountService>();
        services.TryAddScoped<IPersonalKeyService, PersonalKeyService>();
        services.TryAddSingleton<ApiKeyUsageRecorder>();
        services.TryAddSingleton<SessionActivityRecorder>();
        services.TryAddSingleton<IApiKeyValidator, ApiKeyValidator>();
        services.TryAddSingleton<ApiKeyUsageFlusher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ApiKeyUsageFlusher>(sp => sp.GetRequiredService<ApiKeyUsageFlusher>()));
        services.TryAddScoped<IAuditLog, AuditLog>();
        services.TryAddScoped<ExternalIdentities>();
        services.TryAddScoped<KeyedInvitationWriter>();
        services.TryAddScoped<TeamInvitations>();
        services.TryAddScoped<InviteeInvitations>();
        services.TryAddScoped<IInvitationService, InvitationService>();
        services.TryAddScoped<IImportService, ImportService>();
        services.TryAddSingleton<DirectoryProgress>();
        services.TryAddScoped<IProvisioningService, ProvisioningService>();
        services.TryAddScoped<PasswordSignIn>();
        services.TryAddScoped<SessionTokens>();
        services.TryAddScoped<ExternalSignIn>();
        services.TryAddScoped<FirstFactorSignIn>();
        services.TryAddScoped<ISessionService, SessionService>();
        services.TryAddSingleton<SignInTickets>();
        services.TryAddScoped<ISecondFactorService, SecondFactorService>();
        services.TryAddScoped<TeamDomainChecker>();
        services.TryAddScoped<ITeamSsoService, TeamSsoService>();
        services.TryAddSingleton<PasskeyCeremonies>();
        services.TryAddScoped<IPasskeyService, PasskeyService>();
        return new TeamAccessBuilder(services);
    }

    /// <summary>
    /// Loads every stored team into the permission index and starts following the change feed, for hosts that do not run
    /// the generic host's hosted services (which do this at start-up), and starts delivering membership events when a
    /// handler is registered (<see cref="TeamAccessBuilder.AddEventHandler{THandler}"/>). Also validates the options and that a store was
    /// chosen, as the generic host's start would. The feed is followed until the service provider is disposed.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes when the index is loaded.</returns>
    /// <exception cref="OptionsValidationException">The options are invalid, or no store was chosen (the message names the store calls).</exception>
    public static async Task WarmUpTeamAccessAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        _ = services.GetRequiredService<IOptions<TeamAccessOptions>>().Value;
        _ = services.GetRequiredService<IOptions<StoreRegistration.Check>>().Value;
        foreach (var hosted in services.GetServices<IHostedService>().OfType<AccessIndexWarmup>())
        {
            await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        // Messages queued for background delivery go out from here on (when the host turned that on).
        await services.GetRequiredService<MessageDeliveryLoop>().StartAsync(cancellationToken).ConfigureAwait(false);

        // Expired invitations and ownership offers are closed from here on (unless the host turned the sweep off).
        await services.GetRequiredService<ExpirySweeper>().StartAsync(cancellationToken).ConfigureAwait(false);

        // Membership events, when the host registered a handler, are delivered from here on.
        if (services.GetService<EventDispatcher>() is { } events)
        {
            await events.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
