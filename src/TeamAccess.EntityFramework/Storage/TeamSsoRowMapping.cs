namespace TeamAccess.EntityFramework;

/// <summary>The rows of teams' own providers and domain claims, to and from the core's stored records.</summary>
internal static class TeamSsoRowMapping
{
    private const char ScopeSeparator = ' ';

    public static TeamProviderRow ToRow(StoredTeamProvider provider) => new()
    {
        Id = provider.Id.Value,
        TeamId = provider.TeamId.Value,
        DisplayName = provider.DisplayName,
        Issuer = provider.Issuer,
        ClientId = provider.ClientId,
        ProtectedClientSecret = provider.ProtectedClientSecret,
        Scopes = provider.Scopes.IsDefault ? string.Empty : string.Join(ScopeSeparator, provider.Scopes),
        EmailClaim = provider.EmailClaim,
        RequiresSecondFactor = provider.RequiresSecondFactor,
        State = provider.State,
        JwksUri = provider.JwksUri,
        AuthorizationEndpoint = provider.AuthorizationEndpoint,
        TokenEndpoint = provider.TokenEndpoint,
        CreatedAt = provider.CreatedAt,
        UpdatedAt = provider.UpdatedAt,
    };

    public static StoredTeamProvider ToProvider(TeamProviderRow row) =>
        new(new TeamProviderId(row.Id), new TeamId(row.TeamId), row.DisplayName, row.Issuer, row.ClientId, row.ProtectedClientSecret, row.CreatedAt)
        {
            Scopes = [.. row.Scopes.Split(ScopeSeparator, StringSplitOptions.RemoveEmptyEntries)],
            EmailClaim = row.EmailClaim,
            RequiresSecondFactor = row.RequiresSecondFactor,
            State = row.State,
            JwksUri = row.JwksUri,
            AuthorizationEndpoint = row.AuthorizationEndpoint,
            TokenEndpoint = row.TokenEndpoint,
            UpdatedAt = row.UpdatedAt,
        };

    public static TeamDomainRow ToRow(StoredTeamDomain domain) => new()
    {
        Id = domain.Id.Value,
        TeamId = domain.TeamId.Value,
        Domain = domain.Domain,
        Token = domain.Challenge,
        State = domain.State,
        VerifiedDomain = domain.VerifiedDomain,
        CreatedAt = domain.CreatedAt,
        CheckedAt = domain.CheckedAt,
        NextCheckAt = domain.NextCheckAt,
        NextCheckAtUtcTicks = domain.NextCheckAt.UtcTicks,
    };

    public static StoredTeamDomain ToDomain(TeamDomainRow row) =>
        new(new TeamDomainId(row.Id), new TeamId(row.TeamId), row.Domain, row.Token, row.CreatedAt)
        {
            State = row.State,
            CheckedAt = row.CheckedAt,
            NextCheckAt = row.NextCheckAt,
        };
}
