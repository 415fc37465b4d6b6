namespace TeamAccess.Domain;

/// <summary>
/// What a team has sent within the last day, read from its invitations (revoked, declined and expired ones included):
/// per address the messages and the latest send, and the team's total. An invitation last sent within the day counts
/// all its sends, so the budget errs on the side of sending less.
/// </summary>
internal sealed class SendBudget
{
    private readonly Dictionary<string, (int Sent, DateTimeOffset Last)> _byAddress = new(StringComparer.Ordinal);
    private int _teamSent;

    public static SendBudget Of(TeamSnapshot team, DateTimeOffset now)
    {
        var budget = new SendBudget();
        var since = now - TimeSpan.FromDays(1);
        foreach (var membership in team.Memberships.Values)
        {
            if (membership.Invitation is { } invitation && invitation.LastSentAt > since)
            {
                budget._teamSent += invitation.SendCount;
                var (sent, last) = budget._byAddress.GetValueOrDefault(membership.Email);
                budget._byAddress[membership.Email] = (sent + invitation.SendCount, invitation.LastSentAt > last ? invitation.LastSentAt : last);
            }
        }

        return budget;
    }

    /// <summary>Whether one more message may go to the address now; if so, it is counted.</summary>
    public bool TrySpend(string email, DateTimeOffset now, InvitationOptions options)
    {
        var (sent, last) = _byAddress.GetValueOrDefault(email);
        if ((sent > 0 && now < last + options.ResendCooldown) || sent >= options.MaxMessagesPerAddressPerDay || _teamSent >= options.MaxMessagesPerTeamPerDay)
        {
            return false;
        }

        _byAddress[email] = (sent + 1, now);
        _teamSent++;
        return true;
    }
}
