namespace TeamAccess.AspNetCore;

/// <summary>Options of the routes <c>MapTeamAccessApi</c> maps.</summary>
public sealed class TeamAccessApiOptions
{
    /// <summary>
    /// Gets or sets how many requests that send mail to an address the caller names (sign-up, a resent activation, a
    /// password reset) one client may make within an hour, across every instance (the store's try counters keep the
    /// count). The client is the connection's remote address: behind a proxy, the host applies the forwarded headers
    /// (<c>UseForwardedHeaders</c>) first. A request past it is refused with 429 <c>RateLimited</c>, whatever the address.
    /// Beside it, each address has a daily budget of its own (<c>EmailConfirmation.MaxMessagesPerAddressPerDay</c>,
    /// <c>Passwords.MaxResetMessagesPerAddressPerDay</c>). Default 20; 1 to 100,000.
    /// </summary>
    public int MailRequestsPerClientPerHour { get; set; } = 20;
}
