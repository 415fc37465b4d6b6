using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Index;
using TeamAccess.TeamSso;

namespace TeamAccess.Hosting;

/// <summary>
/// Checks teams' domain claims again on the host's schedule (<see cref="TeamSsoOptions.DomainRecheckInterval"/>), on
/// every instance: a pending or failed claim whose TXT record appeared becomes verified, and a verified domain whose
/// record disappeared expires, so it stops enabling just-in-time joining and email linking. It asks the store which
/// claims are due (an index on the due time) and records each finding through the team's own write, as the host:
/// instances checking the same claim race on the team's version like any two writes, and each finding moves the claim's
/// next check, so a claim is checked about once per interval across instances.
/// </summary>
internal sealed class DomainRecheckSweeper(
    IServiceScopeFactory scopes,
    ITeamDomainStore store,
    TimeProvider time,
    IOptions<TeamAccessOptions> options,
    ILogger<DomainRecheckSweeper>? logger = null) : IHostedService, IAsyncDisposable, IDisposable
{
    private const int BatchSize = 100;
    private readonly ILogger _logger = logger ?? NullLogger<DomainRecheckSweeper>.Instance;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _started;

    /// <summary>Raised each time the loop has checked and starts waiting (for tests that move a fake clock).</summary>
    internal event Action? Waiting;

    private TeamSsoOptions Options => options.Value.TeamSso;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Options.Enabled && Interlocked.Exchange(ref _started, 1) == 0)
        {
            var stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
    }

    public void Dispose()
    {
        BackgroundLoop.CancelAndWait(_stop, _loop);
        _stop.Dispose();
    }

    /// <summary>One pass: checks the claims due, a batch at a time, until a batch is short or records nothing.</summary>
    /// <returns>How many checks were recorded.</returns>
    public async ValueTask<int> CheckDueOnceAsync(CancellationToken cancellationToken)
    {
        var recorded = 0;
        while (true)
        {
            var due = await store.ListDomainsDueAsync(time.GetUtcNow(), BatchSize, cancellationToken).ConfigureAwait(false);
            var recordedInBatch = 0;
            foreach (var claim in due)
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var checker = scope.ServiceProvider.GetRequiredService<TeamDomainChecker>();
                    var result = await checker.CheckAsync(claim, actor: null, cancellationToken).ConfigureAwait(false);
                    if (result.Succeeded || result.Code == TeamAccessErrorCode.DomainVerifiedElsewhere)
                    {
                        recordedInBatch++;
                    }
                    else
                    {
                        _logger.DomainCheckNotRecorded(claim.Domain, claim.TeamId, result.Code);
                    }
                }
            }

            recorded += recordedInBatch;
            if (due.Count < BatchSize || recordedInBatch == 0)
            {
                return recorded;
            }
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        // Due claims are found by their own due time; a pass every tenth of the interval (at most a minute) keeps each near it.
        var pause = TimeSpan.FromTicks(Math.Min(Options.DomainRecheckInterval.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await CheckDueOnceAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                _logger.DomainRecheckFailed(exception);
            }

            try
            {
                var next = Task.Delay(pause, time, stop);
                Waiting?.Invoke();
                await next.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
