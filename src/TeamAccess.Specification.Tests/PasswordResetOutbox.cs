using System.Collections.Concurrent;
using TeamAccess.Accounts;

namespace TeamAccess.Specification.Tests;

/// <summary>Keeps the password reset messages instead of mailing them.</summary>
public sealed class PasswordResetOutbox() : Outbox<PasswordResetMessage>(m => m.Email), IPasswordResetSender
{
    /// <inheritdoc/>
    public ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken) => Keep(message);
}
