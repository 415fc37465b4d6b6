namespace TeamAccess.TeamSso;

/// <summary>A team's claim on an email domain, with the TXT record to publish.</summary>
public sealed class TeamDomainView
{
    /// <summary>The prefix of the TXT record's value.</summary>
    internal const string RecordPrefix = "teamaccess-verification=";

    internal TeamDomainView(StoredTeamDomain domain)
    {
        Id = domain.Id;
        Domain = domain.Domain;
        TxtRecord = RecordPrefix + domain.Challenge;
        State = domain.State;
        CheckedAt = domain.CheckedAt;
    }

    /// <summary>Gets the claim's id.</summary>
    public TeamDomainId Id { get; }

    /// <summary>Gets the domain.</summary>
    public string Domain { get; }

    /// <summary>Gets the value of the TXT record to publish at the domain: <c>teamaccess-verification=</c> and a random token.</summary>
    public string TxtRecord { get; }

    /// <summary>Gets the claim's state.</summary>
    public TeamDomainState State { get; }

    /// <summary>Gets when the domain was last checked, if ever.</summary>
    public DateTimeOffset? CheckedAt { get; }
}
