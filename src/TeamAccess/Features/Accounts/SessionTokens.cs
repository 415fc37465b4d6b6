using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TeamAccess.Index;
using TeamAccess.Writes;

namespace TeamAccess.Accounts;

/// <summary>
/// Issues and validates session tokens. A session token is a JWT naming the user, the team, the membership, the
/// membership's security stamp, the user's session stamp, the session id, the original sign-in time and the provider;
/// validating it checks the signature, the lifetime and the maximum age from the original sign-in, and then the stored
/// membership and the user's session state, so a change of role or status (which replaces the membership's stamp), a
/// sign-out, a password change or reset (which replace the user's stamp) or the user's deletion ends every session
/// issued before it.
/// </summary>
internal sealed class SessionTokens(
    ISessionStore sessionStore,
    TeamWriter writer,
    IdentityProviderRegistry providers,
    ITeamSignInPolicyProvider policies,
    SessionKeys keys,
    AccessEngine engine,
    ChangeFeedFollower follower,
    SessionStateCache sessionStates,
    ISessionRecordStore records,
    SessionActivityRecorder activity,
    IOptions<TeamAccessOptions> options,
    ISessionClientAccessor? client = null,
    TeamAccessTelemetry? telemetry = null)
{
    private readonly TeamAccessTelemetry _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;

    private const int MaxTokenLength = 8 * 1024;

    /// <summary>The longest client address recorded (an IPv6 address with a zone fits).</summary>
    private const int MaxAddressLength = 64;
    internal const string TeamClaim = "tid";
    internal const string MembershipClaim = "mid";
    private const string StampClaim = "sst";
    internal const string ProviderClaim = "idp";
    private const string RoleClaim = "role";
    private const string SessionIdClaim = "sid";
    private const string AuthTimeClaim = "auth_time";
    internal const string UserStampClaim = "ust";
    private const string MethodsClaim = "amr";
    private const string SecondFactorAtClaim = "mfa_time";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    private SessionOptions Options => options.Value.Sessions;

    /// <summary>
    /// A new session (new id, sign-in time now) under the user's current session stamp, recorded for the user's list of
    /// sessions with the device and address of the sign-in's client.
    /// </summary>
    public async ValueTask<Session> IssueNewAsync(StoredMembership membership, string provider, Guid userStamp, SessionProof proof, CancellationToken cancellationToken)
    {
        var now = writer.Time.GetUtcNow();
        var session = Issue(membership, provider, Guid.NewGuid(), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), userStamp, proof);
        var who = client?.Current;
        var ip = who?.IpAddress is { Length: > 0 and <= MaxAddressLength } address ? address : null;
        await records.SaveSessionAsync(Record(session, membership, userStamp, DeviceLabel.From(who?.UserAgent), ip), cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>A new token of the existing session <paramref name="sessionId"/>, its record moved to the token's team, stamps, methods and expiry.</summary>
    public async ValueTask<Session> IssueAsync(StoredMembership membership, string provider, Guid sessionId, DateTimeOffset authenticatedAt, Guid userStamp, SessionProof proof, CancellationToken cancellationToken)
    {
        var session = Issue(membership, provider, sessionId, authenticatedAt, userStamp, proof);
        await records.SaveSessionAsync(Record(session, membership, userStamp, DeviceLabel.Unknown, null), cancellationToken).ConfigureAwait(false);
        return session;
    }

    private static StoredSession Record(Session session, StoredMembership membership, Guid userStamp, string device, string? ipAddress) =>
        new(session.Info.SessionId, session.Info.UserId, membership.TeamId, membership.Id, membership.SecurityStamp, userStamp,
            session.Info.AuthenticationMethods, device, ipAddress, session.Info.AuthenticatedAt, session.Info.ExpiresAt);

    /// <summary>
    /// The whole validation, in this order: the token's signature, issuer, audience, lifetime and maximum age from the
    /// original sign-in (no store); the team binding; the membership (same user, Active, same security stamp); the
    /// user's session state (the token's user stamp is the current one, and its session id is not signed out); the
    /// team still accepts the session's provider, and the session proved a second factor if the team requires one (unless
    /// <paramref name="secondFactorPolicy"/> is off: a step-up, which proves one, validates the session without it).
    /// </summary>
    public async ValueTask<Result<ClaimedSession>> ValidateAsync(string? accessToken, TeamId? teamId, CancellationToken cancellationToken, bool secondFactorPolicy = true)
    {
        var validated = await ValidateSessionAsync(accessToken, teamId, secondFactorPolicy, cancellationToken).ConfigureAwait(false);
        if (!validated.Succeeded)
        {
            // The reason is the code (SessionRevoked, WrongTeam, IndexStale, SecondFactorRequired, InvalidToken, ...).
            _telemetry.SessionsRefused.Add(1, new KeyValuePair<string, object?>(TeamAccessTelemetry.ErrorType, TeamAccessTelemetry.ErrorTypeOf(validated.Code)));
        }

        return validated;
    }

    private async ValueTask<Result<ClaimedSession>> ValidateSessionAsync(string? accessToken, TeamId? teamId, bool secondFactorPolicy, CancellationToken cancellationToken)
    {
        if (accessToken is null)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var claimed = await ReadAsync(accessToken).ConfigureAwait(false);
        if (!claimed.TryGetValue(out var info))
        {
            return claimed;
        }

        if (teamId is { } expected && expected != info.Claims.TeamId)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.WrongTeam);
        }

        // Past the staleness bound this instance may have missed a sign-out, a reset or a removal made elsewhere: failing
        // closed, it vouches for no session; failing open, the store decides every session until the feed is read again.
        if (engine.Refusing)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.IndexStale);
        }

        var fromIndex = !Options.ValidateAgainstStore && !follower.IsStale;

        // From memory when the index confirms the membership and this instance knows the user's session state: a
        // signature check and two lookups, no query. Both follow other instances' writes within the change feed's
        // staleness bound. When either cannot confirm (the index may be behind a join made elsewhere, the state may be
        // older than a stamp the token names), the store decides, and a session the store accepts refreshes both.
        if (fromIndex
            && engine.CheckSession(info.Claims.UserId, info.Claims.TeamId, info.Claims.MembershipId, info.Stamp, out var indexedRole, out var indexedPolicy) == SessionCheck.Valid
            && await sessionStates.GetAsync(info.Claims.UserId, info.Claims.SessionId, cancellationToken).ConfigureAwait(false) is { } known
            && known.SessionStamp == info.UserStamp && !known.SessionRevoked)
        {
            var indexed = policies is StoredTeamSignInPolicyProvider
                ? indexedPolicy!
                : await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
            var refusal = Refusal(indexed, info.Claims, secondFactorPolicy);
            return refusal is { } code
                ? Result<ClaimedSession>.Failed(code)
                : Seen(info with { Claims = info.Claims.WithRole(indexedRole!) });
        }

        // A refused session says why in the refusal's detail (SessionEndReasons), for the page that asks the person to sign in again.
        // Only a validation that goes to the store is traced: the ones answered from memory are the fast path.
        using var span = TeamAccessTelemetry.Start("ValidateSessionFromStore");
        span?.SetTag(TeamAccessTelemetry.TeamId, info.Claims.TeamId.Value);
        var membership = await writer.Teams.FindMembershipAsync(info.Claims.TeamId, info.Claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.UserId != info.Claims.UserId || membership.Status != MembershipStatus.Active || membership.SecurityStamp != info.Stamp)
        {
            return SessionEndReasons.Revoked(
                membership is null || membership.UserId != info.Claims.UserId || membership.Status == MembershipStatus.Removed ? SessionEndReasons.Removed
                : membership.Status != MembershipStatus.Active ? SessionEndReasons.Deactivated
                : !string.Equals(membership.Role, info.Claims.Role, StringComparison.Ordinal) ? SessionEndReasons.RoleChanged
                : SessionEndReasons.EndedByTeam);
        }

        var state = await sessionStore.FindSessionStateAsync(info.Claims.UserId, info.Claims.SessionId, cancellationToken).ConfigureAwait(false);
        if (state is not { } current || current.SessionStamp != info.UserStamp || current.SessionRevoked)
        {
            return SessionEndReasons.Revoked(state is { SessionRevoked: false } ? SessionEndReasons.SignedOutEverywhere : SessionEndReasons.SignedOut);
        }

        if (fromIndex)
        {
            sessionStates.Evict(info.Claims.UserId);
            await follower.ReloadAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        }

        // A team that has since stopped accepting the session's provider (it now requires its SSO) ends the session.
        var policy = await policies.GetAsync(info.Claims.TeamId, cancellationToken).ConfigureAwait(false);
        return Refusal(policy, info.Claims, secondFactorPolicy) is { } refused
            ? Result<ClaimedSession>.Failed(refused)
            : Seen(info with { Claims = info.Claims.WithRole(membership.Role) });
    }

    /// <summary>A session found valid: its use goes to the batch of last-seen times (memory only; the flush loop writes it).</summary>
    private Result<ClaimedSession> Seen(ClaimedSession session)
    {
        activity.Record(session.Claims.SessionId, writer.Time.GetUtcNow());
        return Result<ClaimedSession>.Ok(session);
    }

    /// <summary>
    /// What the team's policy says of a session that is otherwise valid: a provider the team no longer accepts ends it; a
    /// team that now requires a second factor refuses a session that proved none (a step-up proves one, and
    /// <paramref name="secondFactorPolicy"/> is off only for that).
    /// </summary>
    private TeamAccessErrorCode? Refusal(TeamSignInPolicy policy, SessionInfo session, bool secondFactorPolicy)
    {
        if (!providers.Accepts(policy, session.Provider))
        {
            return TeamAccessErrorCode.ReauthenticationRequired;
        }

        return secondFactorPolicy ? SecondFactorGate.Unmet(policy, session) : null;
    }

    /// <summary>A new token of the session, in its team, under <paramref name="userStamp"/> and with <paramref name="proof"/>: SessionRevoked when the membership is no longer Active.</summary>
    public async ValueTask<Result<Session>> RenewAsync(ClaimedSession session, Guid userStamp, SessionProof proof, CancellationToken cancellationToken)
    {
        var claims = session.Claims;
        var membership = await writer.Teams.FindMembershipAsync(claims.TeamId, claims.MembershipId, cancellationToken).ConfigureAwait(false);
        if (membership is null || membership.Status != MembershipStatus.Active)
        {
            return Result<Session>.Failed(TeamAccessErrorCode.SessionRevoked);
        }

        return Result<Session>.Ok(await IssueAsync(membership, claims.Provider, claims.SessionId, claims.AuthenticatedAt, userStamp, proof, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A token of the session <paramref name="sessionId"/>, which began at <paramref name="authenticatedAt"/>: it expires after the lifetime, and never after the maximum age.</summary>
    private Session Issue(StoredMembership membership, string provider, Guid sessionId, DateTimeOffset authenticatedAt, Guid userStamp, SessionProof proof)
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
                [MethodsClaim] = proof.Methods.ToArray(),
            },
        };
        if (proof.SecondFactorAt is { } secondFactorAt)
        {
            descriptor.Claims[SecondFactorAtClaim] = secondFactorAt.ToUnixTimeSeconds();
        }

        var info = new SessionInfo(membership.UserId.Value, membership.TeamId, membership.Id, membership.Role, provider, expires)
        {
            SessionId = sessionId,
            AuthenticatedAt = authenticatedAt,
            AuthenticationMethods = proof.Methods,
            SecondFactorAt = proof.SecondFactorAt,
        };
        return new Session(_handler.CreateToken(descriptor), info);
    }

    /// <summary>Checks the signature, issuer, audience and lifetime, and reads the claims; no store is touched.</summary>
    public async ValueTask<Result<ClaimedSession>> ReadAsync(string token)
    {
        if (token.Length > MaxTokenLength || !IsCanonical(token) || !_handler.CanReadToken(token))
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
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
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        if (jwt.ValidTo == DateTime.MinValue || jwt.ValidFrom == DateTime.MinValue)
        {
            // This service always writes both; a token without them was not made here.
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        var now = writer.Time.GetUtcNow().UtcDateTime;
        if (now >= jwt.ValidTo + Options.ClockSkew || now >= (claimed.Claims.AuthenticatedAt + Options.MaxAge).UtcDateTime + Options.ClockSkew)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.SessionExpired);
        }

        if (now < claimed.Claims.AuthenticatedAt.UtcDateTime - Options.ClockSkew)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        if (now < jwt.ValidFrom - Options.ClockSkew)
        {
            return Result<ClaimedSession>.Failed(TeamAccessErrorCode.InvalidToken);
        }

        return Result<ClaimedSession>.Ok(claimed);
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

    private static bool TryReadClaims(JsonWebToken jwt, out ClaimedSession claimed)
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

        // Every token this service issues names its methods (the time of a second factor only once one was proven); a token
        // issued before sessions named them (a rolling upgrade) proved its provider's first factor alone.
        IReadOnlyList<string> methods;
        if (!jwt.TryGetPayloadValue<string[]>(MethodsClaim, out var named))
        {
            if (jwt.TryGetPayloadValue<object>(MethodsClaim, out _))
            {
                return false;
            }

            methods = SessionProof.FirstFactor(provider).Methods;
        }
        else if (named is null || named.Length == 0 || named.Any(string.IsNullOrEmpty))
        {
            return false;
        }
        else
        {
            methods = named;
        }

        DateTimeOffset? secondFactorAt = null;
        if (jwt.TryGetPayloadValue<object>(SecondFactorAtClaim, out _))
        {
            if (!jwt.TryGetPayloadValue<long>(SecondFactorAtClaim, out var mfaTime) || mfaTime is < 0 or > 253_402_300_799)
            {
                return false;
            }

            secondFactorAt = DateTimeOffset.FromUnixTimeSeconds(mfaTime);
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
        var info = new SessionInfo(new UserId(user), new TeamId(teamId), new MembershipId(membershipId), role, provider, expires)
        {
            SessionId = sessionId,
            AuthenticatedAt = DateTimeOffset.FromUnixTimeSeconds(authTime),
            AuthenticationMethods = methods,
            SecondFactorAt = secondFactorAt,
        };
        claimed = new ClaimedSession(info, stampValue, userStampValue);
        return true;
    }
}
