using System.Collections.Immutable;
using System.Text;

namespace TeamAccess.Storage;

/// <summary>
/// An OpenID Connect provider a team configured for itself, as a store keeps it: its client secret only in the form the
/// host's <see cref="TeamAccess.Accounts.ISecretProtector"/> made (never the secret, never audited). Part of its team's
/// snapshot, so that suspending it reaches every instance through the change feed as any team change does.
/// </summary>
public sealed record StoredTeamProvider
{
    /// <summary>Initializes a new instance of the <see cref="StoredTeamProvider"/> record.</summary>
    /// <param name="id">The provider's id (its sign-in name is derived from it).</param>
    /// <param name="teamId">The team it serves, and no other.</param>
    /// <param name="displayName">The name shown on the team's sign-in page.</param>
    /// <param name="issuer">The issuer, an HTTPS URL whose discovery document names it.</param>
    /// <param name="clientId">The client id the provider issued to the host (the id_token's audience).</param>
    /// <param name="protectedClientSecret">The client secret as the host's secret protector made it.</param>
    /// <param name="createdAt">When it was added.</param>
    public StoredTeamProvider(TeamProviderId id, TeamId teamId, string displayName, string issuer, string clientId, string protectedClientSecret, DateTimeOffset createdAt)
    {
        Id = id;
        TeamId = teamId;
        DisplayName = displayName;
        Issuer = issuer;
        ClientId = clientId;
        ProtectedClientSecret = protectedClientSecret;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    /// <summary>Gets the provider's id.</summary>
    public TeamProviderId Id { get; init; }

    /// <summary>Gets the team it serves.</summary>
    public TeamId TeamId { get; init; }

    /// <summary>Gets the name shown on the team's sign-in page.</summary>
    public string DisplayName { get; init; }

    /// <summary>Gets the issuer.</summary>
    public string Issuer { get; init; }

    /// <summary>Gets the client id.</summary>
    public string ClientId { get; init; }

    /// <summary>Gets the client secret as the host's secret protector made it. Never audited, never returned by a read API.</summary>
    public string ProtectedClientSecret { get; init; }

    /// <summary>Gets the scopes the sign-in asks for, sorted and distinct (<c>openid</c> among them).</summary>
    public ImmutableArray<string> Scopes { get; init; } = ["email", "openid", "profile"];

    /// <summary>Gets the id_token claim that carries the user's email address.</summary>
    public string EmailClaim { get; init; } = "email";

    /// <summary>Gets whether the provider itself enforces a second factor, so that its sign-ins count as having proven one.</summary>
    public bool RequiresSecondFactor { get; init; }

    /// <summary>Gets the provider's state.</summary>
    public TeamProviderState State { get; init; }

    /// <summary>Gets the discovered JWKS address (set by the discovery made when the provider was added or changed).</summary>
    public string? JwksUri { get; init; }

    /// <summary>Gets the discovered authorization endpoint, for the host's sign-in redirect.</summary>
    public string? AuthorizationEndpoint { get; init; }

    /// <summary>Gets the discovered token endpoint, for the host's code exchange.</summary>
    public string? TokenEndpoint { get; init; }

    /// <summary>Gets when it was added.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when its settings or state last changed (a validator built from older settings is replaced).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Prints the provider without its client secret, so that a host logging it leaks nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns><see langword="true"/>.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", TeamId = ").Append(TeamId).Append(", Issuer = ").Append(Issuer)
            .Append(", ClientId = ").Append(ClientId).Append(", ProtectedClientSecret = [redacted], State = ").Append(State);
        return true;
    }
}
