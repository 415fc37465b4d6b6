using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamAccess.Accounts;
using TeamAccess.Hosting;

namespace TeamAccess.Tests;

/// <summary>
/// One instance of a host with an event handler, on an in-memory store that instances of one test share, with the
/// real clock (the dispatcher's polling and back-off run as in production, at test speed).
/// </summary>
internal sealed class EventHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EventHost(ServiceProvider services, EventRecorder recorder, RecordingLoggerProvider logs)
    {
        _services = services;
        Recorder = recorder;
        Logs = logs;
    }

    public EventRecorder Recorder { get; }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    internal EventDispatcher Dispatcher => _services.GetRequiredService<EventDispatcher>();

    public static async Task<EventHost> StartAsync(InMemoryTeamAccessStore store, string consumer = "test.events", EventRecorder? recorder = null, Action<EventOptions>? configure = null, TimeProvider? time = null)
    {
        recorder ??= new EventRecorder();
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddSingleton(recorder);
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddTeamAccess(options =>
            {
                options.Events.Consumer = consumer;
                options.Events.PollInterval = TimeSpan.FromMilliseconds(20);
                options.Events.RetryDelay = TimeSpan.FromMilliseconds(20);
                options.Events.MaxRetryDelay = TimeSpan.FromMilliseconds(80);
                configure?.Invoke(options.Events);
            })
            .AddInMemoryStores()
            .AddEventHandler<RecordingEventHandler>()
            .AddEventHandler<RecordingEventHandler>();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.WarmUpTeamAccessAsync();
        return new EventHost(provider, recorder, logs);
    }

    public async Task<T> UseAsync<TService, T>(Func<TService, ValueTask<T>> use)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<SignUpResult> SignUpAsync(string name)
    {
        var result = await UseAsync<IUserService, Result<SignUpResult>>(users =>
            users.SignUpAsync(new SignUpRequest($"{name}@example.com", name, "Tester", $"{name}'s team", $"{name}-team") { Password = "correct horse battery staple" }));
        Assert.True(result.Succeeded, result.ToString());
        return result.Value!;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
