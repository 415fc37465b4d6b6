using Microsoft.Extensions.DependencyInjection;

namespace TeamAccess.Specification.Tests;

/// <summary>
/// Holds one call to the user store, once armed, until the test releases it: a race made deterministic. Installed over
/// whatever <see cref="IUserStore"/> the store under test registered, in every unit of work of the bed.
/// </summary>
internal sealed class UserStorePause
{
    private readonly object _gate = new();
    private Func<string, bool>? _when;
    private TaskCompletionSource _reached = NewSignal();
    private TaskCompletionSource _release = NewSignal();

    /// <summary>Gets a task that completes when the armed call has run and is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Holds the first later call, after it ran, for which <paramref name="when"/> (given the method's name) says yes.</summary>
    public void Arm(Func<string, bool> when)
    {
        lock (_gate)
        {
            _when = when;
            _reached = NewSignal();
            _release = NewSignal();
        }
    }

    /// <summary>Lets the held call return.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>Replaces the bed's <see cref="IUserStore"/> registration with one that passes every call through this pause.</summary>
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IUserStore) && !d.IsKeyedService);
        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(typeof(IUserStore), sp => new PausedUserStore(Inner(registered, sp), this), registered.Lifetime));
    }

    private static IUserStore Inner(ServiceDescriptor registered, IServiceProvider services) =>
        (IUserStore)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async ValueTask<T> PassAsync<T>(string method, T result)
    {
        Task? hold = null;
        lock (_gate)
        {
            if (_when is { } when && when(method))
            {
                _when = null;
                _reached.TrySetResult();
                hold = _release.Task;
            }
        }

        if (hold is not null)
        {
            await hold;
        }

        return result;
    }

    private sealed class PausedUserStore(IUserStore inner, UserStorePause pause) : IUserStore
    {
        public async ValueTask<StoredUser?> FindByIdAsync(UserId id, CancellationToken cancellationToken) =>
            await pause.PassAsync(nameof(FindByIdAsync), await inner.FindByIdAsync(id, cancellationToken));

        public async ValueTask<StoredUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
            await pause.PassAsync(nameof(FindByEmailAsync), await inner.FindByEmailAsync(normalizedEmail, cancellationToken));

        public async ValueTask<IReadOnlyList<StoredUser>> FindByEmailsAsync(IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken) =>
            await pause.PassAsync(nameof(FindByEmailsAsync), await inner.FindByEmailsAsync(normalizedEmails, cancellationToken));

        public async ValueTask<StoredUser?> FindByLoginAsync(string issuer, string subject, CancellationToken cancellationToken) =>
            await pause.PassAsync(nameof(FindByLoginAsync), await inner.FindByLoginAsync(issuer, subject, cancellationToken));
    }
}
