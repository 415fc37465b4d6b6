namespace TeamAccess;

/// <summary>A team's billing tier. Upgrading keeps all data.</summary>
public enum TeamTier
{
    /// <summary>The free tier.</summary>
    Free = 0,

    /// <summary>The paid tier.</summary>
    Commercial = 1,
}

/// <summary>Whether a team is in use.</summary>
public enum TeamStatus
{
    /// <summary>The team is in use.</summary>
    Active = 0,

    /// <summary>The team was deleted by a guardian; terminal. Its memberships grant nothing.</summary>
    Deleted = 1,
}
