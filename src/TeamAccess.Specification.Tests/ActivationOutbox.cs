using System.Collections.Concurrent;
using TeamAccess.Accounts;

namespace TeamAccess.Specification.Tests;

/// <summary>Keeps the activation messages, and the notes to addresses that already have an account, instead of mailing them.</summary>
public sealed class ActivationOutbox() : Outbox<EmailConfirmationMessage>(m => m.Email), IEmailConfirmationSender
{
    private readonly ConcurrentQueue<AccountExistsMessage> _accountExists = new();

    /// <summary>Gets every note to an address that already has an account, in the order sent.</summary>
    public IReadOnlyList<AccountExistsMessage> AccountExists => [.. _accountExists];

    /// <inheritdoc/>
    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken) => Keep(message);

    /// <inheritdoc/>
    public ValueTask SendAccountExistsAsync(AccountExistsMessage message, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new InvalidOperationException("The mail server is down.");
        }

        _accountExists.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
