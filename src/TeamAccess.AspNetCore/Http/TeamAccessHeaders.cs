namespace TeamAccess.AspNetCore;

/// <summary>The HTTP names TeamAccess uses.</summary>
public static class TeamAccessHeaders
{
    /// <summary>
    /// The header that carries a consistency token: a write's response sets it, and a request that sends it back is
    /// answered at least as freshly as that write, on any instance.
    /// </summary>
    public const string ConsistencyToken = "TeamAccess-Consistency";
}
