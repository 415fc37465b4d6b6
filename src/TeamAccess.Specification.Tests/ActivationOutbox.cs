using System.Collections.Concurrent;
using TeamAccess.Accounts;

namespace TeamAccess.Specification.Tests;

/// <summary>Keeps the activation messages instead of mailing them.</summary>
public sealed class ActivationOutbox() : Outbox<EmailConfirmationMessage>(m => m.Email), IEmailConfirmationSender
{
    /// <inheritdoc/>
    public ValueTask SendAsync(EmailConfirmationMessage message, CancellationToken cancellationToken) => Keep(message);
}
