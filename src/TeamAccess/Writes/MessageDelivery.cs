using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess.Writes;

/// <summary>
/// Hands the message of an anonymous form (activation, password reset, the note to an address that has an account) to the host's sender: inside the request,
/// or, with <see cref="MailOptions.DeliverInBackground"/>, through a bounded queue that <c>MessageDeliveryLoop</c>
/// empties, so the request answers before the mail server does. Either way a failed delivery is logged by kind and id
/// only (the message and the exception may carry the token) and never fails the change, which is committed.
/// </summary>
internal sealed class MessageDelivery
{
    private readonly Channel<Message> _queue;
    private readonly bool _background;
    private readonly ILogger _logger;
    private int _queued;

    public MessageDelivery(IOptions<TeamAccessOptions> options, ILogger<MessageDelivery>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mail = options.Value.Mail;
        _background = mail.DeliverInBackground ?? false;
        _logger = logger ?? NullLogger<MessageDelivery>.Instance;
        _queue = Channel.CreateBounded<Message>(new BoundedChannelOptions(mail.BackgroundQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Gets how many messages wait in the background queue.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Gets whether messages are delivered from the background queue.</summary>
    public bool InBackground => _background;

    /// <summary>
    /// Delivers one message now, or queues it when delivery runs in the background (and delivers it now when the queue is
    /// full: a message is never dropped).
    /// </summary>
    /// <param name="kind">What the message is, for the log: "activation message of user".</param>
    /// <param name="id">The user or membership it is about, for the log.</param>
    /// <param name="send">Hands the message to the sender.</param>
    /// <param name="cancellationToken">The request's token: used only for a delivery inside the request.</param>
    public async ValueTask DeliverAsync(string kind, Guid id, Func<CancellationToken, ValueTask> send, CancellationToken cancellationToken)
    {
        var message = new Message(kind, id, send);
        if (_background)
        {
            Interlocked.Increment(ref _queued);
            if (_queue.Writer.TryWrite(message))
            {
                return;
            }

            Interlocked.Decrement(ref _queued);
            _logger.MailQueueFull(kind, id);
        }

        await SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Delivers queued messages until <paramref name="stop"/>; then delivers what is left, each bounded by <paramref name="drain"/>.</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken drain)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var message))
                {
                    // A message being sent when the host stops is let finish, within the host's shutdown time.
                    Interlocked.Decrement(ref _queued);
                    await SendAsync(message, drain).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: what is still queued is delivered below, within the host's shutdown time.
        }

        while (!drain.IsCancellationRequested && _queue.Reader.TryRead(out var left))
        {
            Interlocked.Decrement(ref _queued);
            await SendAsync(left, drain).ConfigureAwait(false);
        }

        if (Queued > 0)
        {
            _logger.MailUndeliveredAtStop(Queued);
        }
    }

    private async ValueTask SendAsync(Message message, CancellationToken cancellationToken)
    {
        try
        {
            await message.Send(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Scalars only: the message and the exception may carry the token.
            _logger.MailFailed(message.Kind, message.Id, ex.GetType().Name);
        }
    }

    private sealed record Message(string Kind, Guid Id, Func<CancellationToken, ValueTask> Send);
}
