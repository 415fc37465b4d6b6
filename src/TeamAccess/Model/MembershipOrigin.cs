namespace TeamAccess;

/// <summary>Where a membership came from: the team itself (an invitation, an add, an import, a just-in-time join) or a directory.</summary>
public enum MembershipOrigin
{
    /// <summary>Made inside the team or by the host: an invitation, a direct add, an import, a just-in-time join.</summary>
    Team = 0,

    /// <summary>Provisioned by the team's directory over SCIM 2.0; the membership carries the directory's <c>externalId</c>.</summary>
    Scim = 1,
}
