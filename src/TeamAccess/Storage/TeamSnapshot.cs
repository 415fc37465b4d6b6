using System.Collections.Immutable;

namespace TeamAccess.Storage;

/// <summary>
/// A team with everything inside its consistency boundary, as of one version: memberships, groups and grants.
/// Immutable; a change makes a new snapshot.
/// </summary>
/// <param name="Team">The team (its <see cref="Team.Version"/> is the snapshot's version).</param>
/// <param name="Memberships">The memberships by id, terminal ones included.</param>
/// <param name="Groups">The groups by id.</param>
/// <param name="Grants">The grants by id.</param>
public sealed record TeamSnapshot(
    Team Team,
    ImmutableDictionary<MembershipId, StoredMembership> Memberships,
    ImmutableDictionary<GroupId, Group> Groups,
    ImmutableDictionary<GrantId, Grant> Grants)
{
    private static readonly ImmutableDictionary<string, TeamRole> NoTeamRoles = ImmutableDictionary.Create<string, TeamRole>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the snapshot of a new team with no memberships.</summary>
    /// <param name="team">The team.</param>
    /// <returns>The snapshot.</returns>
    public static TeamSnapshot Empty(Team team) => new(
        team,
        ImmutableDictionary<MembershipId, StoredMembership>.Empty,
        ImmutableDictionary<GroupId, Group>.Empty,
        ImmutableDictionary<GrantId, Grant>.Empty);

    /// <summary>
    /// Gets the hashed secrets of the team's invitations, by membership. Never audited, never returned by a read API:
    /// a replay of the audit log rebuilds everything but these.
    /// </summary>
    public ImmutableDictionary<MembershipId, InvitationSecret> InvitationSecrets { get; init; } = ImmutableDictionary<MembershipId, InvitationSecret>.Empty;

    /// <summary>
    /// Gets the team's API keys, by id, revoked and expired ones included (a check tells them apart). They carry hashes,
    /// never audited: a replay of the audit log rebuilds everything but these and <see cref="InvitationSecrets"/>.
    /// </summary>
    public ImmutableDictionary<ApiKeyId, StoredApiKey> ApiKeys { get; init; } = ImmutableDictionary<ApiKeyId, StoredApiKey>.Empty;

    /// <summary>Gets the identity providers the team configured for itself, by id (their client secrets protected).</summary>
    public ImmutableDictionary<TeamProviderId, StoredTeamProvider> Providers { get; init; } = ImmutableDictionary<TeamProviderId, StoredTeamProvider>.Empty;

    /// <summary>Gets the email domains the team claimed, by id, in every state.</summary>
    public ImmutableDictionary<TeamDomainId, StoredTeamDomain> Domains { get; init; } = ImmutableDictionary<TeamDomainId, StoredTeamDomain>.Empty;

    /// <summary>The team's sign-in policy with the names of its own providers that are active now (what acceptance reads).</summary>
    internal TeamSignInPolicy EffectiveSignInPolicy => Team.SignInPolicy with
    {
        ActiveTeamProviders = Providers.Values.Where(p => p.State == TeamProviderState.Active).Select(p => p.Id.ProviderName).ToImmutableHashSet(StringComparer.Ordinal),
    };

    /// <summary>
    /// Gets the roles the team defined for itself, by name (compared without regard to case); see <see cref="TeamRole"/>.
    /// Set with <see cref="WithTeamRoles"/>, which keeps that comparer.
    /// </summary>
    public ImmutableDictionary<string, TeamRole> TeamRoles { get; init; } = NoTeamRoles;

    /// <summary>Gets the team's id.</summary>
    public TeamId Id => Team.Id;

    /// <summary>Gets the snapshot's version.</summary>
    public long Version => Team.Version;

    /// <summary>Finds the user's non-terminal membership, if any (there is at most one).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The membership, or <see langword="null"/>.</returns>
    public StoredMembership? FindCurrentMembership(UserId userId)
    {
        foreach (var membership in Memberships.Values)
        {
            if (membership.UserId == userId && !membership.Status.IsTerminal())
            {
                return membership;
            }
        }

        return null;
    }

    /// <summary>Finds the non-terminal membership of a normalized email address, if any.</summary>
    /// <param name="normalizedEmail">The normalized address.</param>
    /// <returns>The membership, or <see langword="null"/>.</returns>
    public StoredMembership? FindCurrentMembershipByEmail(string normalizedEmail)
    {
        foreach (var membership in Memberships.Values)
        {
            if (!membership.Status.IsTerminal() && string.Equals(membership.Email, normalizedEmail, StringComparison.Ordinal))
            {
                return membership;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets the team as <paramref name="change"/> leaves it: its operations applied, in order, to this snapshot, which is
    /// the team as it was at the change's expected version (<see cref="Empty"/> for a new team). How the in-memory store
    /// commits, and how a database store knows what it stored without reading it back.
    /// </summary>
    /// <param name="change">The team's change, checked by <see cref="ChangeSetChecks.Check(ChangeSet)"/>.</param>
    /// <returns>The snapshot after the change.</returns>
    public TeamSnapshot Apply(TeamChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var team = this;
        foreach (var operation in change.Operations)
        {
            team = operation switch
            {
                TeamPut put => team with { Team = put.After },
                MembershipPut put => team with { Memberships = team.Memberships.SetItem(put.After.Id, put.After) },
                InvitationSecretPut put => team with { InvitationSecrets = team.InvitationSecrets.SetItem(put.MembershipId, put.Secret) },
                GroupPut put => team with { Groups = team.Groups.SetItem(put.After.Id, put.After) },
                GroupRemoval removal => team with { Groups = team.Groups.Remove(removal.Before.Id) },
                GrantPut put => team with { Grants = team.Grants.SetItem(put.After.Id, put.After) },
                GrantRemoval removal => team with { Grants = team.Grants.Remove(removal.Before.Id) },
                TeamRolePut put => team with { TeamRoles = team.TeamRoles.SetItem(put.After.Name, put.After) },
                TeamRoleRemoval removal => team with { TeamRoles = team.TeamRoles.Remove(removal.Before.Name) },
                ApiKeyPut put => team with { ApiKeys = team.ApiKeys.SetItem(put.After.Id, put.After) },
                TeamProviderPut put => team with { Providers = put.After is { } provider ? team.Providers.SetItem(put.Id, provider) : team.Providers.Remove(put.Id) },
                TeamDomainPut put => team with { Domains = put.After is { } domain ? team.Domains.SetItem(put.Id, domain) : team.Domains.Remove(put.Id) },
                _ => throw new ArgumentException($"Unknown operation {operation.GetType().Name}.", nameof(change)),
            };
        }

        return team with { Team = change.After };
    }

    /// <summary>Creates a copy with the team's own roles (a store that loads them builds the snapshot with this).</summary>
    /// <param name="roles">The team's roles.</param>
    /// <returns>The snapshot with those roles.</returns>
    public TeamSnapshot WithTeamRoles(IEnumerable<TeamRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return this with { TeamRoles = NoTeamRoles.SetItems(roles.Select(r => KeyValuePair.Create(r.Name, r))) };
    }
}
