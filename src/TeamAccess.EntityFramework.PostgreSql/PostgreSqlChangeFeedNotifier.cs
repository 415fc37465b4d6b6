using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TeamAccess.EntityFramework.PostgreSql;

/// <summary>
/// Listens on one dedicated connection to the payload-free NOTIFY that every commit of the EF Core store sends, and
/// wakes the change-feed follower. A dropped connection is opened again with a growing pause (up to 30 seconds); once it
/// is back the follower is woken, since notifications sent meanwhile are lost. TCP keepalives find a silently dead one.
/// </summary>
internal sealed class PostgreSqlChangeFeedNotifier(Func<string> connectionString, TimeProvider time, ILogger<PostgreSqlChangeFeedNotifier>? logger = null)
    : IChangeFeedNotifier
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);
    private readonly ILogger _logger = logger ?? NullLogger<PostgreSqlChangeFeedNotifier>.Instance;

    public async Task ListenAsync(Action changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var pause = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString()) { KeepAlive = 15, Pooling = false, Enlist = false };
                var connection = new NpgsqlConnection(builder.ConnectionString);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, _) => changed();
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    var listen = new NpgsqlCommand("LISTEN " + EntityFrameworkChangeFeed.NotifyChannel, connection);
                    await using (listen.ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    _logger.NotificationsListening();
                    pause = TimeSpan.FromMilliseconds(100);

                    // Whatever was committed while not listening is read now.
                    changed();
                    while (true)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                _logger.NotificationsLost(exception, pause);
                try
                {
                    await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }
}
