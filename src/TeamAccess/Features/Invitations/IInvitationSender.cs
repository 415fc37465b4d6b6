using Microsoft.Extensions.Logging;

namespace TeamAccess.Invitations;

/// <summary>
/// Delivers invitation messages; the host registers one (mail, a queue, a folder). TeamAccess calls it after the
/// invitation is committed, once per committed send, so a retried write never sends twice. This is the only place a
/// token or code ever leaves the library.
/// </summary>
public interface IInvitationSender
{
    /// <summary>Delivers one message.</summary>
    /// <param name="message">The message, with the secret link token and short code.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes when the message is handed over.</returns>
    ValueTask SendAsync(InvitationMessage message, CancellationToken cancellationToken);
}
