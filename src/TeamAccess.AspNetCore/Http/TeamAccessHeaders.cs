namespace TeamAccess.AspNetCore;

/// <summary>The HTTP names TeamAccess uses.</summary>
public static class TeamAccessHeaders
{
    /// <summary>
    /// The header that carries a consistency token: a write's response sets it, and a request that sends it back is
    /// answered at least as freshly as that write, on any instance.
    /// </summary>
    public const string ConsistencyToken = "TeamAccess-Consistency";

    /// <summary>
    /// The header an API key may come in instead of <c>Authorization: Bearer ta_...</c>, when the host turns it on
    /// (<see cref="TeamAccessAuthenticationOptions.ReadApiKeyHeader"/>).
    /// </summary>
    public const string ApiKey = "X-Api-Key";
}
