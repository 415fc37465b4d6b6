using System.Collections.Concurrent;
using TeamAccess.Invitations;

namespace TeamAccess.Specification.Tests;

/// <summary>Keeps the invitation messages instead of mailing them.</summary>
public sealed class InvitationOutbox() : Outbox<InvitationMessage>(m => m.Email), IInvitationSender
{
    /// <inheritdoc/>
    public ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken) => Keep(message);
}
