using System.Collections.Concurrent;

namespace TeamAccess.Specification.Tests;

/// <summary>Keeps the messages handed to a sender instead of mailing them; can be told to fail, as a mail server that is down.</summary>
/// <typeparam name="TMessage">The message.</typeparam>
/// <param name="emailOf">The address a message goes to.</param>
public abstract class Outbox<TMessage>(Func<TMessage, string> emailOf)
{
    private readonly ConcurrentQueue<TMessage> _sent = new();

    /// <summary>Gets or sets a value indicating whether a send throws instead of keeping the message.</summary>
    public bool Fail { get; set; }

    /// <summary>Gets every message handed to the sender, in the order sent.</summary>
    public IReadOnlyList<TMessage> Sent => [.. _sent];

    /// <summary>The last message sent to <paramref name="email"/>.</summary>
    /// <param name="email">The address.</param>
    /// <returns>The message.</returns>
    public TMessage LastTo(string email) => Sent.Last(m => emailOf(m) == email);

    /// <summary>Keeps <paramref name="message"/>, or throws when told to <see cref="Fail"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A completed task.</returns>
    protected ValueTask Keep(TMessage message)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The mail server is down.");
        }

        _sent.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
