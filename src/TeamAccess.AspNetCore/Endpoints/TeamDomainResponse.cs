namespace TeamAccess.AspNetCore;

/// <summary>A team's domain claim: the TXT record to publish, and its state.</summary>
internal sealed record TeamDomainResponse(Guid DomainId, string Domain, string TxtRecord, string State, DateTimeOffset? CheckedAt)
{
    public static TeamDomainResponse From(TeamSso.TeamDomainView d) => new(d.Id.Value, d.Domain, d.TxtRecord, d.State.ToString(), d.CheckedAt);
}
