namespace TeamAccess;

/// <summary>What an audit event is about.</summary>
public enum AuditSubjectKind
{
    /// <summary>A user account.</summary>
    User = 0,

    /// <summary>A team.</summary>
    Team = 1,

    /// <summary>A membership.</summary>
    Membership = 2,

    /// <summary>A group.</summary>
    Group = 3,

    /// <summary>A grant.</summary>
    Grant = 4,

    /// <summary>A role the team defined for itself.</summary>
    TeamRole = 5,

    /// <summary>An API key of a service account.</summary>
    ApiKey = 6,

    /// <summary>An identity provider the team configured for itself.</summary>
    TeamProvider = 7,

    /// <summary>An email domain the team claimed, verified by a DNS TXT record.</summary>
    TeamDomain = 8,
}
