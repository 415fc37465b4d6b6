namespace TeamAccess.TeamSso;

/// <summary>A team's own identity provider as its administrators see it: every setting but the client secret.</summary>
public sealed class TeamProviderView
{
    internal TeamProviderView(StoredTeamProvider provider)
    {
        Id = provider.Id;
        Name = provider.Id.ProviderName;
        DisplayName = provider.DisplayName;
        Issuer = provider.Issuer;
        ClientId = provider.ClientId;
        Scopes = [.. provider.Scopes];
        EmailClaim = provider.EmailClaim;
        RequiresSecondFactor = provider.RequiresSecondFactor;
        State = provider.State;
        AuthorizationEndpoint = provider.AuthorizationEndpoint;
        TokenEndpoint = provider.TokenEndpoint;
        UpdatedAt = provider.UpdatedAt;
    }

    /// <summary>Gets the provider's id.</summary>
    public TeamProviderId Id { get; }

    /// <summary>Gets the name a sign-in and the team's sign-in policy use for it (<see cref="TeamProviderId.ProviderName"/>).</summary>
    public string Name { get; }

    /// <summary>Gets the name shown on the team's sign-in page.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the issuer.</summary>
    public string Issuer { get; }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; }

    /// <summary>Gets the scopes the sign-in asks for.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Gets the claim that carries the email address.</summary>
    public string EmailClaim { get; }

    /// <summary>Gets whether the provider enforces a second factor itself.</summary>
    public bool RequiresSecondFactor { get; }

    /// <summary>Gets the provider's state.</summary>
    public TeamProviderState State { get; }

    /// <summary>Gets the discovered authorization endpoint, where the host sends people to sign in.</summary>
    public string? AuthorizationEndpoint { get; }

    /// <summary>Gets the discovered token endpoint, where the host exchanges the authorization code.</summary>
    public string? TokenEndpoint { get; }

    /// <summary>Gets when its settings or state last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }
}
