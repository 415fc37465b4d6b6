using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Hosting;

/// <summary>
/// Closes the invitations and ownership offers that expired untouched, and records the API keys that expired unrevoked, every <see cref="InvitationOptions.ExpirySweepInterval"/>
/// on every instance, so that each expiry is one audited event (and so one <c>TeamAccess.Events</c> event) at about its
/// time. It asks the store which teams have something due (<see cref="IExpiryStore"/>, an index on the expiry time) and
/// closes them through each team's own write, as the host: instances sweeping the same team race on the team's version
/// like any two writes, and the loser finds nothing due on its retry, so an expiry is recorded once.
/// </summary>
internal sealed class ExpirySweeper(
    IServiceScopeFactory scopes,
    IExpiryStore store,
    TimeProvider time,
    IOptions<TeamAccessOptions> options,
    ILogger<ExpirySweeper>? logger = null) : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<ExpirySweeper>.Instance;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _started;

    /// <summary>Raised each time the loop has swept and starts waiting for the next sweep (for tests that move a fake clock).</summary>
    internal event Action? Waiting;

    private InvitationOptions Options => options.Value.Invitations;

    /// <summary>Starts sweeping in the background (at once, then every interval); does nothing when the interval is infinite, or when started before.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Options.ExpirySweepInterval != Timeout.InfiniteTimeSpan && Interlocked.Exchange(ref _started, 1) == 0)
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

    /// <summary>
    /// One sweep: reads the teams with something due, a batch at a time, and closes what expired in each, until a batch
    /// is short or closes nothing (a team whose write keeps failing is left to the next sweep, logged).
    /// </summary>
    /// <returns>How many invitations and offers were closed.</returns>
    public async ValueTask<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        var batch = Options.ExpirySweepBatchSize;
        while (true)
        {
            var due = await store.ListTeamsWithExpiredAsync(time.GetUtcNow(), batch, cancellationToken).ConfigureAwait(false);
            var closedInBatch = 0;
            foreach (var teamId in due)
            {
                var result = await ExpireAsync(teamId, cancellationToken).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    closedInBatch += result.Value;
                }
                else
                {
                    _logger.ExpiryTeamFailed(teamId, result.Code);
                }
            }

            closed += closedInBatch;
            if (due.Count < batch || closedInBatch == 0)
            {
                return closed;
            }
        }
    }

    private async ValueTask<Result<int>> ExpireAsync(TeamId teamId, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var writer = scope.ServiceProvider.GetRequiredService<TeamWriter>();
            return await writer.RunOnTeamAsHostAsync(teamId, "ExpireDue", team => team.ExpireDue(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var closed = await SweepOnceAsync(stop).ConfigureAwait(false);
                if (closed > 0)
                {
                    _logger.ExpiryClosed(closed);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A store outage must not end the loop: the next sweep tries again.
                _logger.ExpirySweepFailed(exception);
            }

            try
            {
                // The wait is set on the clock before anyone hears of it, so a clock moved at once still ends it.
                var next = Task.Delay(Options.ExpirySweepInterval, time, stop);
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
