namespace TeamAccess;

/// <summary>Whether a team is in use.</summary>
public enum TeamStatus
{
    /// <summary>The team is in use.</summary>
    Active = 0,

    /// <summary>The team was deleted by a guardian; terminal. Its memberships grant nothing.</summary>
    Deleted = 1,
}
