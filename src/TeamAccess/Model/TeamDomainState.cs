namespace TeamAccess;

/// <summary>Where a team's claim on an email domain stands.</summary>
public enum TeamDomainState
{
    /// <summary>Claimed; its DNS TXT record has not been found yet.</summary>
    Pending = 0,

    /// <summary>The TXT record was found: the domain enables just-in-time joining and email linking for the team's providers.</summary>
    Verified = 1,

    /// <summary>A check of a pending claim found no TXT record; it is checked again on the schedule and on demand.</summary>
    Failed = 2,

    /// <summary>The domain was verified and its TXT record has since disappeared: it no longer counts as verified.</summary>
    Expired = 3,
}
