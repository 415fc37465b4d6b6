using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TeamAccess.Hosting;

/// <summary>
/// The store is chosen explicitly: <c>AddTeamAccess</c> puts a stand-in behind every store service that throws, naming the
/// store calls, when anything resolves it, and this validator fails the host's start (or the warm-up) while a stand-in is
/// still the registration in force. It validates options of its own (<see cref="Check"/>), read only at start-up, so
/// that reading <see cref="TeamAccessOptions"/> elsewhere never fails for the store and a service resolved without one
/// gets the stand-in's <see cref="InvalidOperationException"/>. A store call replaces only the stand-ins, so a store
/// service the host registered itself, before or after <c>AddTeamAccess</c>, is kept.
/// </summary>
internal sealed class StoreRegistration(IServiceCollection services) : IValidateOptions<StoreRegistration.Check>
{
    /// <summary>What a host without a store is told, at start-up and when a service needs a store.</summary>
    public const string Missing =
        "No TeamAccess store is registered: call AddEntityFrameworkStores(...) (package TeamAccess.EntityFramework) or " +
        "AddInMemoryStores() (samples and tests) on the builder that AddTeamAccess returns.";

    /// <summary>The services a store provides; each has a stand-in until a store (or the host) registers it.</summary>
    public static readonly Type[] StoreServices =
    [
        typeof(IUserStore), typeof(ITeamStore), typeof(IMemberQueryStore), typeof(IListQueryStore), typeof(IAuditStore), typeof(IChangeStore),
        typeof(IChangeFeed), typeof(IChangeFeedCheckpoints), typeof(ISessionStore), typeof(ITryCounterStore), typeof(IHeldEventStore),
        typeof(IExpiryStore), typeof(IApiKeyUsageStore), typeof(IDirectoryStore), typeof(ITeamDomainStore), typeof(IPasskeyStore), typeof(ISessionRecordStore),
    ];

    /// <summary>Registers the stand-ins (where the host registered nothing) and the start-up check.</summary>
    public static void AddStandIns(IServiceCollection services)
    {
        foreach (var service in StoreServices)
        {
            if (!services.Any(d => d.ServiceType == service))
            {
                services.Add(ServiceDescriptor.Singleton(service, StandIn));
            }
        }

        if (!services.Any(d => d.ImplementationInstance is StoreRegistration))
        {
            services.AddSingleton<IValidateOptions<Check>>(new StoreRegistration(services));
            services.AddOptions<Check>().ValidateOnStart();
        }
    }

    /// <summary>
    /// Makes <typeparamref name="TStore"/> the store behind each store service it implements that still has its stand-in.
    /// A store is one package's classes, one per store service or one for all: another class of the assembly already
    /// chosen adds its services, a class of another assembly is refused.
    /// </summary>
    public static void Use<TStore>(IServiceCollection services)
        where TStore : class
    {
        var chosen = services.Select(d => d.ImplementationInstance).OfType<ChosenStore>().ToList();
        if (chosen.FirstOrDefault(c => c.StoreType.Assembly != typeof(TStore).Assembly) is { } other)
        {
            throw new InvalidOperationException(
                $"TeamAccess already stores in {NameOf(other.StoreType)}; a host calls one store method (AddEntityFrameworkStores or AddInMemoryStores), not {NameOf(typeof(TStore))} as well.");
        }

        if (chosen.Any(c => c.StoreType == typeof(TStore)))
        {
            return;
        }

        services.AddSingleton(new ChosenStore(typeof(TStore)));

        foreach (var service in StoreServices.Where(s => s.IsAssignableFrom(typeof(TStore))))
        {
            var standIn = services.FirstOrDefault(d => d.ServiceType == service && IsStandIn(d));
            if (standIn is not null)
            {
                services.Remove(standIn);
            }

            if (!services.Any(d => d.ServiceType == service))
            {
                services.Add(ServiceDescriptor.Singleton(service, sp => sp.GetRequiredService<TStore>()));
            }
        }

        // A store that wakes its own followers is one more notifier beside any the host or a package adds.
        if (typeof(IChangeFeedNotifier).IsAssignableFrom(typeof(TStore)))
        {
            services.AddSingleton(sp => (IChangeFeedNotifier)sp.GetRequiredService<TStore>());
        }
    }

    /// <summary>Fails the start while any store service is still a stand-in.</summary>
    public ValidateOptionsResult Validate(string? name, Check options)
    {
        var missing = StoreServices.Where(s => services.LastOrDefault(d => d.ServiceType == s) is { } d && IsStandIn(d)).Select(s => s.Name).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Missing} (Nothing serves {string.Join(", ", missing)}.)");
    }

    private static bool IsStandIn(ServiceDescriptor descriptor) =>
        !descriptor.IsKeyedService && descriptor.ImplementationFactory is { } factory && factory.Method == ((Func<IServiceProvider, object>)StandIn).Method;

    private static string NameOf(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static object StandIn(IServiceProvider services) => throw new InvalidOperationException(Missing);

    /// <summary>The options whose validation is the start-up check; they hold nothing.</summary>
    internal sealed class Check
    {
    }

    /// <summary>A class a store call chose, so that a second, different store is refused instead of silently mixing them.</summary>
    private sealed record ChosenStore(Type StoreType);
}
