namespace TeamAccess;

/// <summary>
/// One page of a team's invitations (every membership that began as one, settled or not), ordered by the invited
/// address, then the membership id.
/// </summary>
public sealed class InvitationQuery : PageQuery<MemberPageKey>
{
    /// <summary>Gets whether to list only the invitations not yet settled: pending, or expired without being accepted.</summary>
    public bool OutstandingOnly { get; init; }

    /// <summary>Gets the start of the invited addresses to list (compared lower-case); <see langword="null"/> for all.</summary>
    public string? EmailPrefix { get; init; }

    /// <summary>Gets the email prefix as stored addresses are spelled (lower-case), or <see langword="null"/>.</summary>
    public string? NormalizedEmailPrefix => string.IsNullOrEmpty(EmailPrefix) ? null : EmailPrefix.Trim().ToLowerInvariant();
}
