using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess;

/// <summary>
/// The default <see cref="ISessionService"/>. A session token is a JWT naming the user, the team, the membership, the
/// membership's security stamp and the provider; validating it checks the signature and lifetime and then the stored
/// membership, so a change of role or status (which replaces the stamp) or the user's deletion ends every session
/// issued before it (DESIGN.md invariant 8).
/// </summary>
internal sealed class SessionService(
    IUserStore users,
    TeamWriter writer,
    PasswordSignIn passwords,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    IDomainVerifier domains,
    SessionKeys keys,
    AccessEngine engine,
    ChangeFeedFollower follower,
    IOptions<TeamAccessOptions> options,
    ILogger<SessionService>? logger = null) : ISessionService
{
    private const int MaxTokenLength = 8 * 1024;
    private const string TeamClaim = "tid";
    private const string MembershipClaim = "mid";
    private const string StampClaim = "sst";
    private const string ProviderClaim = "idp";
    private const string RoleClaim = "role";

    private readonly ILogger _logger = logger ?? NullLogger<SessionService>.Instance;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    private SessionOptions Options => options.Value.Sessions;

    private RoleCatalog Roles => writer.Roles;

    public async ValueTask<Result<Session>> SignInAsync(SignInCredential credential, TeamId teamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!providers.IsRegistered(credential.Provider))
        {
            return Result<Session>.Failed(TeamAccessErrorCode.UnknownProvider);
        }

        // The team's policy first: it is public (the "log in with team SSO" page shows it) and it saves a password's work.
        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.NotFound);
        }

        var policy = await policies.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, credential.Provider))
        {
            return Result<Session>.Failed(policy.RequiresSso ? TeamAccessErrorCode.SsoRequired : TeamAccessErrorCode.ProviderNotAccepted);
        }

        Result<Membership> membership;
        switch (credential)
        {
            case PasswordCredential password:
                var user = await passwords.SignInAsync(password.Email, password.Password, cancellationToken).ConfigureAwait(false);
                if (!user.Succeeded)
                {
                    return Result<Session>.Failed(user.Error);
                }

                // Told only to whoever knows the password: the address must be proven before the password opens the account.
                if (!user.Value!.EmailConfirmed && options.Value.EmailConfirmation.RequiredForPasswordSignIn)
                {
                    return Result<Session>.Failed(TeamAccessErrorCode.EmailNotConfirmed);
                }

                membership = ActiveMembership(team, user.Value!.Id);
                break;
            case TokenCredential token:
                if (!providers.TryGet(token.Provider, out var provider))
                {
                    // "password" is registered, but not as a token provider.
                    return Result<Session>.Failed(TeamAccessErrorCode.UnknownProvider);
                }

                var identity = await provider.ValidateAsync(token.Token, token.Nonce, cancellationToken).ConfigureAwait(false);
                if (!identity.Succeeded)
                {
                    return Result<Session>.Failed(identity.Error);
                }

                membership = await ExternalMembershipAsync(team, identity.Value!, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException("Unknown credential type.", nameof(credential));
        }

        return membership.TryGetValue(out var active)
            ? Result<Session>.Ok(Issue(active, credential.Provider))
            : Result<Session>.Failed(membership.Error!);
    }

    public async ValueTask<Result<SessionInfo>> ValidateAsync(string accessToken, TeamId? teamId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        var claimed = await ReadAsync(accessToken).ConfigureAwait(false);
        if (!claimed.TryGetValue(out var info))
        {
            return Result<SessionInfo>.Failed(claimed.Error!);
        }

        if (teamId is { } expected && expected != info.Claims.TeamId)
        {
            return Result<SessionInfo>.Failed(TeamAccessErrorCode.WrongTeam);
        }

        // From the index when it confirms the session: a signature check and a lookup, no query. The index follows other
        // instances' writes within the change feed's staleness bound; when it cannot confirm (it may be behind a join or a
        // stamp made elsewhere), the store decides, and a session the store accepts brings the index up to date.
        if (!Options.ValidateAgainstStore
            && engine.CheckSession(info.Claims.UserId, info.Claims.TeamId, info.Claims.MembershipId, info.Stamp, out var indexedRole, out var indexedPolicy) == SessionCheck.Valid)
        {
            var accepts = policies is StoredTeamSignInPolicyProvider
                ? providers.Accepts(indexedPolicy!, info.Claims.Provider)
                : providers.Accepts(await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false), info.Claims.Provider);
            return accepts
                ? Result<SessionInfo>.Ok(info.Claims with { Role = indexedRole! })
                : Result<SessionInfo>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        var membership = await writer.Teams.FindMembershipAsync(info.Claims.TeamId, info.Claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.UserId != info.Claims.UserId || membership.Status != MembershipStatus.Active || membership.SecurityStamp != info.Stamp)
        {
            return Result<SessionInfo>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        if (!Options.ValidateAgainstStore)
        {
            await follower.ReloadAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        }

        // A team that has since stopped accepting the session's provider (it now requires its SSO) ends the session.
        var policy = await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, info.Claims.Provider))
        {
            return Result<SessionInfo>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        return Result<SessionInfo>.Ok(info.Claims with { Role = membership.Role });
    }

    public async ValueTask<Result<Session>> SwitchTeamAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var current = await ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var session))
        {
            return Result<Session>.Failed(current.Error!);
        }

        var team = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (team is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.NotFound);
        }

        // Membership first: a team the user is not in is answered as if it did not exist, whatever its policy.
        var membership = ActiveMembership(team, session.UserId);
        if (!membership.TryGetValue(out var active))
        {
            return Result<Session>.Failed(membership.Error!);
        }

        var policy = await policies.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, session.Provider))
        {
            return Result<Session>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        _logger.LogInformation("TeamAccess switched user {UserId} from team {From} to team {To}", session.UserId, session.TeamId, teamId);
        return Result<Session>.Ok(Issue(active, session.Provider));
    }

    public async ValueTask<Result<IReadOnlyList<SwitchableTeam>>> ListSwitchableTeamsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var current = await ValidateAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var session))
        {
            return Result<IReadOnlyList<SwitchableTeam>>.Failed(current.Error!);
        }

        var teams = new List<SwitchableTeam>();
        await foreach (var id in writer.Teams.ListTeamIdsForUserAsync(session.UserId, cancellationToken).ConfigureAwait(false))
        {
            var team = await writer.Teams.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (team is not null && ActiveMembership(team, session.UserId).TryGetValue(out var membership))
            {
                var policy = await policies.GetAsync(id, cancellationToken).ConfigureAwait(false);
                teams.Add(new SwitchableTeam(id, team.Team.Name, team.Team.Handle, membership.Role, !providers.Accepts(policy, session.Provider)));
            }
        }

        return Result<IReadOnlyList<SwitchableTeam>>.Ok([.. teams.OrderBy(t => t.Name, StringComparer.Ordinal)]);
    }

    private static Result<Membership> ActiveMembership(TeamSnapshot team, UserId userId)
    {
        if (team.Team.Status == TeamStatus.Deleted)
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.TeamDeleted);
        }

        return team.FindCurrentMembership(userId) switch
        {
            null => Result<Membership>.Failed(TeamAccessErrorCode.NotFound),
            { Status: MembershipStatus.Active } active => Result<Membership>.Ok(active),
            _ => Result<Membership>.Failed(TeamAccessErrorCode.PermissionDenied),
        };
    }

    /// <summary>
    /// The membership an external identity signs in to. The identity names its user by (issuer, subject); the first
    /// sign-in links it to the user with the same email only when the provider marks that email verified and the host
    /// marked the provider authoritative for the email's domain (otherwise the provider's word could pick anybody's
    /// account). A user with no membership joins just in time when the team's policy allows it: the team's SSO provider,
    /// a verified email in the team's verified domain (verified by the host, again at each join), a just-in-time role, and
    /// no removed membership of that user or address. Links and joins are committed and audited.
    /// </summary>
    private async ValueTask<Result<Membership>> ExternalMembershipAsync(TeamSnapshot loaded, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var linked = await users.FindByLoginAsync(identity.Issuer, identity.Subject, cancellationToken).ConfigureAwait(false);
        if (linked is not null && ActiveMembership(loaded, linked.Id) is { Succeeded: true } ready)
        {
            return ready;
        }

        var email = identity.EmailVerified && EmailAddress.TryNormalize(identity.Email, out var verified) ? verified : null;
        if (linked is null && email is null)
        {
            return Result<Membership>.Failed(identity.Email is null ? TeamAccessErrorCode.NotFound : TeamAccessErrorCode.EmailNotVerified);
        }

        return await writer.RunAsync(linked?.Id, "ExternalSignIn", async (changes, ct) =>
        {
            var user = linked ?? await users.FindByEmailAsync(email!, ct).ConfigureAwait(false);
            if (linked is null && user is not null && !providers.IsAuthoritative(identity.Provider, email!))
            {
                // The provider's email does not prove an address of this domain: it must not pick an existing account.
                // Answered as an unknown person, so the answer tells nothing about which addresses have accounts.
                return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
            }

            if (linked is null && user is { EmailConfirmed: false })
            {
                // The provider proves the address that an unconfirmed account only claimed: that claim ends here.
                user = await ClaimUnconfirmedAsync(changes, user, ct).ConfigureAwait(false);
            }

            var stored = await writer.Teams.LoadAsync(loaded.Id, ct).ConfigureAwait(false);
            if (stored is null)
            {
                return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
            }

            // The team as this write has it (a claimed account's stamps were just replaced).
            var team = changes.Edit(stored).Current;

            var current = await policies.GetAsync(team.Id, ct).ConfigureAwait(false);
            var joinsJustInTime = await JustInTimeRoleAsync(team, current, identity, email, user, ct).ConfigureAwait(false);
            if (user is null)
            {
                if (joinsJustInTime is null)
                {
                    return Result<Membership>.Failed(TeamAccessErrorCode.NotFound);
                }

                // The team's SSO proved an address of the domain the host verified for the team.
                user = new User(UserId.New(), email!, email!.Split('@')[0], "-", changes.Now) { EmailConfirmed = true };
                changes.CreateUser(user);
            }

            if (linked is null)
            {
                changes.LinkLogin(new ExternalLogin(user.Id, identity.Provider, identity.Issuer, identity.Subject));
            }

            var held = ActiveMembership(team, user.Id);
            if (held.Succeeded || held.Code != TeamAccessErrorCode.NotFound || joinsJustInTime is null)
            {
                return held;
            }

            var membership = new Membership(MembershipId.New(), team.Id, user.Id, user.Email, joinsJustInTime.Name, MembershipStatus.Active, changes.Now) { CreatedBy = user.Id };
            var editor = changes.Edit(team);
            editor.PutMembership(membership, AuditActions.MembershipJoinedJustInTime);
            return Result<Membership>.Ok(editor.Current.Memberships[membership.Id]);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends an unconfirmed account's hold on an address that an authoritative provider has just proven for somebody: the
    /// password and the pending activation go, every session of its memberships ends (their stamps are replaced), and the
    /// address counts as confirmed for the identity about to be linked.
    /// </summary>
    private async ValueTask<User> ClaimUnconfirmedAsync(ChangeSetBuilder changes, User user, CancellationToken cancellationToken)
    {
        var claimed = user with
        {
            EmailConfirmed = true,
            PasswordHash = null,
            EmailConfirmationHash = null,
            EmailConfirmationExpiresAt = null,
            FailedSignInCount = 0,
            LockoutEnd = null,
        };
        changes.UpdateUser(user, claimed, AuditActions.UserEmailClaimed);
        await foreach (var teamId in writer.Teams.ListTeamIdsForUserAsync(user.Id, cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (snapshot?.FindCurrentMembership(user.Id) is { } membership)
            {
                changes.Edit(snapshot).PutMembership(membership with { SecurityStamp = Guid.NewGuid() }, AuditActions.MembershipSessionsEnded);
            }
        }

        _logger.LogWarning("TeamAccess ended the password and sessions of unconfirmed user {UserId}: an authoritative provider proved the address", user.Id);
        return claimed;
    }

    /// <summary>
    /// The role of a just-in-time join, if the policy allows one. A person the team removed does not come back this way:
    /// any Removed membership of the team that names the user, the user's address or the token's address refuses it.
    /// </summary>
    private async ValueTask<Role?> JustInTimeRoleAsync(TeamSnapshot team, TeamSignInPolicy policy, ExternalIdentity identity, string? email, User? user, CancellationToken cancellationToken)
    {
        if (email is null || user is { EmailConfirmed: false } || policy.VerifiedDomain is not { } domain || policy.JustInTimeRole is not { } roleName
            || !string.Equals(identity.Provider, policy.SsoProvider, StringComparison.Ordinal) || team.Team.Status != TeamStatus.Active
            || !string.Equals(Domains.Of(email), domain, StringComparison.Ordinal) || !Roles.TryGet(roleName, out var role) || role.IsGuardian
            || team.Memberships.Values.Any(m => m.Status == MembershipStatus.Removed
                && ((user is not null && (m.UserId == user.Id || string.Equals(m.Email, user.Email, StringComparison.Ordinal)))
                    || string.Equals(m.Email, email, StringComparison.Ordinal))))
        {
            return null;
        }

        // The stored policy may predate the host's verification, or the host may have withdrawn it since.
        return await domains.IsVerifiedAsync(team.Id, domain, policy, cancellationToken).ConfigureAwait(false) ? role : null;
    }

    private Session Issue(Membership membership, string provider)
    {
        var now = writer.Time.GetUtcNow();
        var expires = now + Options.Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = membership.UserId!.Value.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [TeamClaim] = membership.TeamId.ToString(),
                [MembershipClaim] = membership.Id.ToString(),
                [StampClaim] = membership.SecurityStamp.ToString("N"),
                [ProviderClaim] = provider,
                [RoleClaim] = membership.Role,
            },
        };
        var info = new SessionInfo(membership.UserId.Value, membership.TeamId, membership.Id, membership.Role, provider, expires);
        return new Session(_handler.CreateToken(descriptor), info);
    }

    private sealed record Claimed(SessionInfo Claims, Guid Stamp);

    /// <summary>Checks the signature, issuer, audience and lifetime, and reads the claims; no store is touched.</summary>
    private async ValueTask<Result<Claimed>> ReadAsync(string token)
    {
        if (token.Length > MaxTokenLength || !IsCanonical(token) || !_handler.CanReadToken(token))
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var validated = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Options.Issuer,
            ValidAudience = Options.Audience,
            IssuerSigningKeys = keys.ValidationKeys,
            ValidAlgorithms = keys.Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            TryAllIssuerSigningKeys = true,

            // Lifetime is judged below against the injected clock, so an expired token gets its own answer.
            ValidateLifetime = false,
        }).ConfigureAwait(false);
        if (!validated.IsValid || validated.SecurityToken is not JsonWebToken jwt || !TryReadClaims(jwt, out var claimed))
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidFrom == DateTime.MinValue)
        {
            // This service always writes both; a token without them was not made here.
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var now = writer.Time.GetUtcNow().UtcDateTime;
        if (now >= jwt.ValidTo + Options.ClockSkew)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.SessionExpired);
        }

        if (now < jwt.ValidFrom - Options.ClockSkew)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        return Result<Claimed>.Ok(claimed);
    }

    /// <summary>
    /// Only the one encoding this service wrote is accepted: base64url allows a last character whose unused low bits
    /// differ and decode the same, and such a changed token must not validate (a flipped character never does).
    /// </summary>
    private static bool IsCanonical(string token)
    {
        var parts = token.Split('.');
        return parts.Length == 3 && parts.All(part => UrlSafeBase64.TryDecode(part, out var bytes) && string.Equals(UrlSafeBase64.Encode(bytes), part, StringComparison.Ordinal));
    }

    private static bool TryReadClaims(JsonWebToken jwt, out Claimed claimed)
    {
        claimed = null!;
        if (!Guid.TryParse(jwt.Subject, out var user)
            || !jwt.TryGetPayloadValue<string>(TeamClaim, out var team) || !Guid.TryParse(team, out var teamId)
            || !jwt.TryGetPayloadValue<string>(MembershipClaim, out var membership) || !Guid.TryParse(membership, out var membershipId)
            || !jwt.TryGetPayloadValue<string>(StampClaim, out var stamp) || !Guid.TryParseExact(stamp, "N", out var stampValue)
            || !jwt.TryGetPayloadValue<string>(ProviderClaim, out var provider) || string.IsNullOrEmpty(provider)
            || !jwt.TryGetPayloadValue<string>(RoleClaim, out var role) || role is null)
        {
            return false;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        claimed = new Claimed(new SessionInfo(new UserId(user), new TeamId(teamId), new MembershipId(membershipId), role, provider, expires), stampValue);
        return true;
    }
}
