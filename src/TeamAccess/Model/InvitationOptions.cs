namespace TeamAccess;

/// <summary>How invitations behave. Validated at start-up.</summary>
public sealed class InvitationOptions
{
    /// <summary>Gets or sets how long an invitation lives when the invite names no lifetime. Default 7 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets the shortest lifetime an invite may ask for. Default 1 day.</summary>
    public TimeSpan MinLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets the longest lifetime an invite may ask for. Default 30 days.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the most addresses one invite call takes. Default 50; 1 to 1000.</summary>
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>
    /// Gets or sets how long after a send the same address may be sent another invitation message by the team: a resend,
    /// or a new invitation after the last one was revoked, declined or expired. Default 1 minute.
    /// </summary>
    public TimeSpan ResendCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many wrong short codes lock a pending invitation's code until it is sent again (its link still
    /// works); a locked code answers as a wrong one. Tries are counted in the store's <c>ITryCounterStore</c>, never in
    /// the team. Default 5; 1 to 20.
    /// </summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>
    /// Gets or sets how many short-code tries (right or wrong, on any invitation or none) one address may make at one
    /// team within an hour; past it a try answers <see cref="TeamAccessErrorCode.RateLimited"/> unjudged. Default 20;
    /// 1 to 1000.
    /// </summary>
    public int MaxCodeTriesPerAddressPerHour { get; set; } = 20;

    /// <summary>
    /// Gets or sets how many short-code tries one team takes within an hour, over all addresses; past it a try answers
    /// <see cref="TeamAccessErrorCode.RateLimited"/> unjudged (invitation links still work). Default 1000; 1 to 1,000,000.
    /// </summary>
    public int MaxCodeTriesPerTeamPerHour { get; set; } = 1000;

    /// <summary>
    /// Gets or sets how many invitation messages one address may be sent by one team within a day (invites, re-invites
    /// after a revoke and resends together). Default 5; 1 to 100.
    /// </summary>
    public int MaxMessagesPerAddressPerDay { get; set; } = 5;

    /// <summary>Gets or sets how many invitation messages one team may send within a day. Default 500; 1 to 100,000.</summary>
    public int MaxMessagesPerTeamPerDay { get; set; } = 500;

    /// <summary>
    /// Gets or sets how often each instance closes the invitations and ownership offers that expired untouched, so that
    /// each expiry is an audited event (<c>invitation.expired</c>, <c>ownership.offer_expired</c>) at about its time, once
    /// across instances. Default 1 minute; 1 second to 1 day, or <see cref="Timeout.InfiniteTimeSpan"/> for no sweep
    /// (an expired invitation is then recorded only when it is next touched).
    /// </summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how many teams one sweep step closes expiries in before it reads again. Default 100; 1 to 10,000.</summary>
    public int ExpirySweepBatchSize { get; set; } = 100;

    internal IEnumerable<string> Validate()
    {
        if (ExpirySweepInterval != Timeout.InfiniteTimeSpan && (ExpirySweepInterval < TimeSpan.FromSeconds(1) || ExpirySweepInterval > TimeSpan.FromDays(1)))
        {
            yield return $"Invitations.ExpirySweepInterval must be between 1 second and 1 day, or Timeout.InfiniteTimeSpan for none; it is {ExpirySweepInterval}.";
        }

        if (ExpirySweepBatchSize is < 1 or > 10_000)
        {
            yield return $"Invitations.ExpirySweepBatchSize must be between 1 and 10,000; it is {ExpirySweepBatchSize}.";
        }

        if (MaxMessagesPerAddressPerDay is < 1 or > 100)
        {
            yield return $"Invitations.MaxMessagesPerAddressPerDay must be between 1 and 100; it is {MaxMessagesPerAddressPerDay}.";
        }

        if (MaxMessagesPerTeamPerDay is < 1 or > 100_000)
        {
            yield return $"Invitations.MaxMessagesPerTeamPerDay must be between 1 and 100,000; it is {MaxMessagesPerTeamPerDay}.";
        }

        if (MinLifetime <= TimeSpan.Zero || MinLifetime > MaxLifetime)
        {
            yield return $"Invitations.MinLifetime must be positive and not above MaxLifetime; it is {MinLifetime} (max {MaxLifetime}).";
        }

        if (Lifetime < MinLifetime || Lifetime > MaxLifetime)
        {
            yield return $"Invitations.Lifetime must lie between MinLifetime and MaxLifetime; it is {Lifetime}.";
        }

        if (MaxBatchSize is < 1 or > 1000)
        {
            yield return $"Invitations.MaxBatchSize must be between 1 and 1000; it is {MaxBatchSize}.";
        }

        if (ResendCooldown < TimeSpan.Zero)
        {
            yield return $"Invitations.ResendCooldown must not be negative; it is {ResendCooldown}.";
        }

        if (MaxCodeAttempts is < 1 or > 20)
        {
            yield return $"Invitations.MaxCodeAttempts must be between 1 and 20; it is {MaxCodeAttempts}.";
        }

        if (MaxCodeTriesPerAddressPerHour is < 1 or > 1000)
        {
            yield return $"Invitations.MaxCodeTriesPerAddressPerHour must be between 1 and 1000; it is {MaxCodeTriesPerAddressPerHour}.";
        }

        if (MaxCodeTriesPerTeamPerHour is < 1 or > 1_000_000)
        {
            yield return $"Invitations.MaxCodeTriesPerTeamPerHour must be between 1 and 1,000,000; it is {MaxCodeTriesPerTeamPerHour}.";
        }
    }
}
