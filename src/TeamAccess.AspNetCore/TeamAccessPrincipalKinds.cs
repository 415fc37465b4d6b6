namespace TeamAccess.AspNetCore;

/// <summary>The values of the <see cref="TeamAccessClaimTypes.PrincipalKind"/> claim.</summary>
public static class TeamAccessPrincipalKinds
{
    /// <summary>A person, signed in with a session.</summary>
    public const string Person = "person";

    /// <summary>A service account of one team, authenticated by one of its API keys.</summary>
    public const string ServiceAccount = "service-account";
}
