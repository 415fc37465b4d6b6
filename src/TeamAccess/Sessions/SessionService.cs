using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess;

/// <summary>
/// The default <see cref="ISessionService"/>. A session token is a JWT naming the user, the team, the membership, the
/// membership's security stamp, the user's session stamp, the session id, the original sign-in time and the provider;
/// validating it checks the signature, the lifetime and the maximum age from the original sign-in, and then the stored
/// membership and the user's session state, so a change of role or status (which replaces the membership's stamp), a
/// sign-out, a password change or reset (which replace the user's stamp) or the user's deletion ends every session
/// issued before it.
/// </summary>
internal sealed class SessionService(
    IUserStore users,
    ISessionStore sessionStore,
    TeamWriter writer,
    PasswordSignIn passwords,
    PasswordPolicy passwordPolicy,
    PasswordHasher passwordHasher,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    IDomainVerifier domains,
    SessionKeys keys,
    AccessEngine engine,
    ChangeFeedFollower follower,
    SessionStateCache sessionStates,
    IOptions<TeamAccessOptions> options,
    ILogger<SessionService>? logger = null) : ISessionService
{
    private const int MaxTokenLength = 8 * 1024;
    private const string TeamClaim = "tid";
    private const string MembershipClaim = "mid";
    private const string StampClaim = "sst";
    private const string ProviderClaim = "idp";
    private const string RoleClaim = "role";
    private const string SessionIdClaim = "sid";
    private const string AuthTimeClaim = "auth_time";
    private const string UserStampClaim = "ust";

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
            ? await SignInIssueAsync(active, credential.Provider, cancellationToken).ConfigureAwait(false)
            : Result<Session>.Failed(membership.Error!);
    }

    public async ValueTask<Result<Session>> SignInAsync(SignInCredential credential, string teamHandle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var handle = teamHandle?.Trim().ToLowerInvariant();
        if (!Handle.IsValid(handle))
        {
            return Result<Session>.Failed(TeamAccessErrorCode.InvalidHandle);
        }

        var teamId = await writer.Teams.FindIdByHandleAsync(handle!, cancellationToken).ConfigureAwait(false);
        return teamId is { } id
            ? await SignInAsync(credential, id, cancellationToken).ConfigureAwait(false)
            : Result<Session>.Failed(TeamAccessErrorCode.NotFound);
    }

    /// <summary>A new session (new id, sign-in time now) for a membership whose user has just proven who they are.</summary>
    private async ValueTask<Result<Session>> SignInIssueAsync(Membership membership, string provider, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(membership.UserId!.Value, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.NotFound);
        }

        var now = writer.Time.GetUtcNow();
        var authenticatedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        return Result<Session>.Ok(Issue(membership, provider, Guid.NewGuid(), authenticatedAt, user.SessionStamp));
    }

    public async ValueTask<Result<SessionInfo>> ValidateAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var validated = await ValidateCoreAsync(accessToken, teamId, cancellationToken).ConfigureAwait(false);
        return validated.TryGetValue(out var session) ? Result<SessionInfo>.Ok(session.Claims) : Result<SessionInfo>.Failed(validated.Error!);
    }

    /// <summary>
    /// The whole validation, in this order: the token's signature, issuer, audience, lifetime and maximum age from the
    /// original sign-in (no store); the team binding; the membership (same user, Active, same security stamp); the
    /// user's session state (the token's user stamp is the current one, and its session id is not signed out); the
    /// team still accepts the session's provider.
    /// </summary>
    private async ValueTask<Result<Claimed>> ValidateCoreAsync(string? accessToken, TeamId? teamId, CancellationToken cancellationToken)
    {
        if (accessToken is null)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var claimed = await ReadAsync(accessToken).ConfigureAwait(false);
        if (!claimed.TryGetValue(out var info))
        {
            return claimed;
        }

        if (teamId is { } expected && expected != info.Claims.TeamId)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.WrongTeam);
        }

        // From memory when the index confirms the membership and this instance knows the user's session state: a
        // signature check and two lookups, no query. Both follow other instances' writes within the change feed's
        // staleness bound. When either cannot confirm (the index may be behind a join made elsewhere, the state may be
        // older than a stamp the token names), the store decides, and a session the store accepts refreshes both.
        if (!Options.ValidateAgainstStore
            && engine.CheckSession(info.Claims.UserId, info.Claims.TeamId, info.Claims.MembershipId, info.Stamp, out var indexedRole, out var indexedPolicy) == SessionCheck.Valid
            && await sessionStates.GetAsync(info.Claims.UserId, info.Claims.SessionId, cancellationToken).ConfigureAwait(false) is { } known
            && known.SessionStamp == info.UserStamp && !known.SessionRevoked)
        {
            var accepts = policies is StoredTeamSignInPolicyProvider
                ? providers.Accepts(indexedPolicy!, info.Claims.Provider)
                : providers.Accepts(await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false), info.Claims.Provider);
            return accepts
                ? Result<Claimed>.Ok(info with { Claims = info.Claims with { Role = indexedRole! } })
                : Result<Claimed>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        var membership = await writer.Teams.FindMembershipAsync(info.Claims.TeamId, info.Claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.UserId != info.Claims.UserId || membership.Status != MembershipStatus.Active || membership.SecurityStamp != info.Stamp)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        var state = await sessionStore.FindSessionStateAsync(info.Claims.UserId, info.Claims.SessionId, cancellationToken).ConfigureAwait(false);
        if (state is not { } current || current.SessionStamp != info.UserStamp || current.SessionRevoked)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        if (!Options.ValidateAgainstStore)
        {
            sessionStates.Evict(info.Claims.UserId);
            await follower.ReloadAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        }

        // A team that has since stopped accepting the session's provider (it now requires its SSO) ends the session.
        var policy = await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        if (!providers.Accepts(policy, info.Claims.Provider))
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.ReauthenticationRequired);
        }

        return Result<Claimed>.Ok(info with { Claims = info.Claims with { Role = membership.Role } });
    }

    public async ValueTask<Result> SignOutAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var claimed = accessToken is null ? Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken) : await ReadAsync(accessToken).ConfigureAwait(false);
        if (!claimed.TryGetValue(out var session))
        {
            // An expired session has already ended: signing it out is done.
            return claimed.Code == TeamAccessErrorCode.SessionExpired ? Result.Success : Result.Failed(claimed.Error!);
        }

        var userId = session.Claims.UserId;
        var state = await sessionStore.FindSessionStateAsync(userId, session.Claims.SessionId, cancellationToken).ConfigureAwait(false);
        if (state is null or { SessionRevoked: true })
        {
            return Result.Success;
        }

        var revoked = await writer.RunAsync(userId, "SignOut", (changes, _) =>
        {
            // Kept until no token of the session could validate anyway: the later of its expiry and its maximum age.
            var end = session.Claims.AuthenticatedAt + Options.MaxAge;
            var expiresAt = (end > session.Claims.ExpiresAt ? end : session.Claims.ExpiresAt) + Options.ClockSkew;
            changes.RevokeSession(new RevokedSession(session.Claims.SessionId, userId, changes.Now, expiresAt));
            return ValueTask.FromResult(Result<bool>.Ok(true));
        }, cancellationToken).ConfigureAwait(false);

        // A racing sign-out of the same session got there first: the session has ended all the same.
        if (!revoked.Succeeded && revoked.Code != TeamAccessErrorCode.SessionRevoked)
        {
            return Result.Failed(revoked.Error!);
        }

        _logger.LogInformation("TeamAccess signed out session {SessionId} of user {UserId}", session.Claims.SessionId, userId);
        return Result.Success;
    }

    public async ValueTask<Result> SignOutEverywhereAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var validated = await ValidateCoreAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var done = await writer.RunAsync(userId, "SignOutEverywhere", async (changes, ct) =>
        {
            var user = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (user is null)
            {
                return Result<bool>.Failed(TeamAccessErrorCode.SessionRevoked);
            }

            changes.UpdateUser(user, user with { SessionStamp = Guid.NewGuid() }, AuditActions.UserSignedOutEverywhere);
            return Result<bool>.Ok(true);
        }, cancellationToken).ConfigureAwait(false);
        if (!done.Succeeded)
        {
            return Result.Failed(done.Error!);
        }

        _logger.LogInformation("TeamAccess signed out every session of user {UserId}", userId);
        return Result.Success;
    }

    public async ValueTask<Result<Session>> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword, CancellationToken cancellationToken = default)
    {
        var validated = await ValidateCoreAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!validated.TryGetValue(out var session))
        {
            return Result<Session>.Failed(validated.Error!);
        }

        var userId = session.Claims.UserId;
        var user = await users.FindByIdAsync(userId, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        var failed = await passwordPolicy.CheckAsync(newPassword, user.Email, cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            return Result<Session>.Failed(PasswordPolicy.Refusal(failed));
        }

        // The current password is judged as a sign-in is: counted first, so a stolen session cannot guess it past the lockout.
        var proven = await passwords.SignInAsync(user.Email, currentPassword ?? "", cancellationToken).ConfigureAwait(false);
        if (!proven.TryGetValue(out var signedIn) || signedIn.Id != userId)
        {
            return Result<Session>.Failed(proven.Succeeded ? TeamAccessErrorCode.InvalidCredentials : proven.Code);
        }

        var hash = passwordHasher.Hash(newPassword);
        var changed = await writer.RunAsync(userId, "ChangePassword", async (changes, ct) =>
        {
            var current = await users.FindByIdAsync(userId, ct).ConfigureAwait(false);
            if (current is null || !string.Equals(current.PasswordHash, signedIn.PasswordHash, StringComparison.Ordinal))
            {
                // The password changed (a reset) between the proof and this write: the proof is of an old password.
                return Result<User>.Failed(TeamAccessErrorCode.InvalidCredentials);
            }

            var after = current with { PasswordHash = hash, SessionStamp = Guid.NewGuid(), PasswordResetTokenHash = null, PasswordResetExpiresAt = null };
            changes.UpdateUser(current, after, AuditActions.UserPasswordChanged);
            return Result<User>.Ok(after);
        }, cancellationToken).ConfigureAwait(false);
        if (!changed.TryGetValue(out var updated))
        {
            return Result<Session>.Failed(changed.Error!);
        }

        _logger.LogInformation("TeamAccess changed the password of user {UserId}; their other sessions ended", userId);
        var membership = await writer.Teams.FindMembershipAsync(session.Claims.TeamId, session.Claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.Status != MembershipStatus.Active)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        var now = writer.Time.GetUtcNow();
        return Result<Session>.Ok(Issue(membership, session.Claims.Provider, Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), updated.SessionStamp));
    }

    public async ValueTask<Result<Session>> SwitchTeamAsync(string accessToken, TeamId teamId, CancellationToken cancellationToken = default)
    {
        var current = await ValidateCoreAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var claimed))
        {
            return Result<Session>.Failed(current.Error!);
        }

        var session = claimed.Claims;

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

        // The same session in another team: its id, original sign-in time and user stamp carry over, so switching
        // (even to the session's own team) never extends its maximum age and a sign-out reaches every token of it.
        _logger.LogInformation("TeamAccess switched user {UserId} from team {From} to team {To}", session.UserId, session.TeamId, teamId);
        return Result<Session>.Ok(Issue(active, session.Provider, session.SessionId, session.AuthenticatedAt, claimed.UserStamp));
    }

    public async ValueTask<Result<IReadOnlyList<SwitchableTeam>>> ListSwitchableTeamsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var current = await ValidateCoreAsync(accessToken, null, cancellationToken).ConfigureAwait(false);
        if (!current.TryGetValue(out var claimed))
        {
            return Result<IReadOnlyList<SwitchableTeam>>.Failed(current.Error!);
        }

        var session = claimed.Claims;

        var teams = new List<SwitchableTeam>();
        foreach (var id in await writer.Teams.ListTeamIdsForUserToEndAsync(session.UserId, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// The user's Active membership. Membership is asked first: to someone with none the team does not exist, deleted or
    /// not, so a deleted team's id tells a stranger nothing.
    /// </summary>
    private static Result<Membership> ActiveMembership(TeamSnapshot team, UserId userId)
    {
        var membership = team.FindCurrentMembership(userId);
        if (membership is not null && team.Team.Status == TeamStatus.Deleted)
        {
            return Result<Membership>.Failed(TeamAccessErrorCode.TeamDeleted);
        }

        return membership switch
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
            var aggregate = changes.Edit(stored);
            var team = aggregate.Current;

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

            return aggregate.JoinJustInTime(user, joinsJustInTime);
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
        foreach (var teamId in await writer.Teams.ListTeamIdsForUserToEndAsync(user.Id, cancellationToken).ConfigureAwait(false))
        {
            var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (snapshot?.FindCurrentMembership(user.Id) is { } membership)
            {
                changes.Edit(snapshot).EndSessions(membership.Id);
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

    private Session Issue(Membership membership, string provider, Guid sessionId, DateTimeOffset authenticatedAt, Guid userStamp)
    {
        var now = writer.Time.GetUtcNow();
        var maxEnd = authenticatedAt + Options.MaxAge;
        var expires = now + Options.Lifetime < maxEnd ? now + Options.Lifetime : maxEnd;
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
                [SessionIdClaim] = sessionId.ToString("N"),
                [AuthTimeClaim] = authenticatedAt.ToUnixTimeSeconds(),
                [UserStampClaim] = userStamp.ToString("N"),
            },
        };
        var info = new SessionInfo(membership.UserId.Value, membership.TeamId, membership.Id, membership.Role, provider, expires) { SessionId = sessionId, AuthenticatedAt = authenticatedAt };
        return new Session(_handler.CreateToken(descriptor), info);
    }

    private sealed record Claimed(SessionInfo Claims, Guid Stamp, Guid UserStamp);

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
        if (now >= jwt.ValidTo + Options.ClockSkew || now >= (claimed.Claims.AuthenticatedAt + Options.MaxAge).UtcDateTime + Options.ClockSkew)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.SessionExpired);
        }

        if (now < claimed.Claims.AuthenticatedAt.UtcDateTime - Options.ClockSkew)
        {
            return Result<Claimed>.Failed(TeamAccessErrorCode.InvalidToken);
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
            || !jwt.TryGetPayloadValue<string>(RoleClaim, out var role) || role is null
            || !jwt.TryGetPayloadValue<string>(SessionIdClaim, out var sid) || !Guid.TryParseExact(sid, "N", out var sessionId)
            || !jwt.TryGetPayloadValue<string>(UserStampClaim, out var userStamp) || !Guid.TryParseExact(userStamp, "N", out var userStampValue)
            || !jwt.TryGetPayloadValue<long>(AuthTimeClaim, out var authTime) || authTime is < 0 or > 253_402_300_799)
        {
            return false;
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        var info = new SessionInfo(new UserId(user), new TeamId(teamId), new MembershipId(membershipId), role, provider, expires)
        {
            SessionId = sessionId,
            AuthenticatedAt = DateTimeOffset.FromUnixTimeSeconds(authTime),
        };
        claimed = new Claimed(info, stampValue, userStampValue);
        return true;
    }
}
