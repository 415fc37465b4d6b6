namespace TeamAccess;

/// <summary>Where a team's own identity provider stands.</summary>
public enum TeamProviderState
{
    /// <summary>Added or changed, not yet activated: it signs nobody in.</summary>
    Draft = 0,

    /// <summary>It signs the team's people in (where the team's sign-in policy names it).</summary>
    Active = 1,

    /// <summary>It signs nobody in, and the sessions it issued end within the change feed's bound.</summary>
    Suspended = 2,
}
