using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>
/// The ticket of a sign-in whose first factor was accepted and whose second is owed: a short-lived JWT signed with the
/// session keys, for another audience than sessions (so it never passes as one), naming the user, the team, the
/// membership, the provider and the user's session stamp (a reset or sign-out everywhere since kills it). A passkey-only
/// team's member who has no passkey gets an enrolment ticket instead: another type and audience, so neither kind passes
/// as the other; it serves only <see cref="IPasskeyService.BeginEnrolmentAsync"/> and its completion.
/// </summary>
internal sealed class SignInTickets(SessionKeys keys, TimeProvider time, IOptions<TeamAccessOptions> options)
{
    // A ticket names the team, membership, provider and user stamp with the session's own claim names.
    private const string TeamClaim = SessionTokens.TeamClaim;
    private const string MembershipClaim = SessionTokens.MembershipClaim;
    private const string ProviderClaim = SessionTokens.ProviderClaim;
    private const string UserStampClaim = SessionTokens.UserStampClaim;
    private const string TicketType = "ta-second-factor+jwt";
    private const string EnrolmentTicketType = "ta-passkey-enrolment+jwt";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    private string Audience => options.Value.Sessions.Audience + "#second-factor";

    private string EnrolmentAudience => options.Value.Sessions.Audience + "#passkey-enrolment";

    /// <summary>Issues the ticket of a sign-in that owes <paramref name="demand"/>: an enrolment ticket when a passkey's enrolment is owed.</summary>
    public (string Ticket, DateTimeOffset ExpiresAt) Issue(ProvenFirstFactor proven, TeamAccessErrorCode demand)
    {
        var enrolment = demand == TeamAccessErrorCode.PasskeyEnrolmentRequired;
        var now = time.GetUtcNow();
        var expires = now + options.Value.SecondFactors.SignInTicketLifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Value.Sessions.Issuer,
            Audience = enrolment ? EnrolmentAudience : Audience,
            TokenType = enrolment ? EnrolmentTicketType : TicketType,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = keys.Signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = proven.User.Id.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [TeamClaim] = proven.Membership.TeamId.ToString(),
                [MembershipClaim] = proven.Membership.Id.ToString(),
                [ProviderClaim] = proven.Provider,
                [UserStampClaim] = proven.User.SessionStamp.ToString("N"),
            },
        };
        return (_handler.CreateToken(descriptor), expires);
    }

    /// <summary>Checks the signature, audience, type and lifetime (on the injected clock), and reads the ticket's claims.</summary>
    public ValueTask<SignInTicket?> ReadAsync(string? ticket) => ReadAsync(ticket, Audience, TicketType);

    /// <summary>Reads an enrolment ticket as <see cref="ReadAsync(string?)"/> reads a sign-in ticket; a sign-in ticket is refused.</summary>
    public ValueTask<SignInTicket?> ReadEnrolmentAsync(string? ticket) => ReadAsync(ticket, EnrolmentAudience, EnrolmentTicketType);

    private async ValueTask<SignInTicket?> ReadAsync(string? ticket, string audience, string type)
    {
        if (ticket is null || ticket.Length > 4096 || !_handler.CanReadToken(ticket))
        {
            return null;
        }

        var validated = await _handler.ValidateTokenAsync(ticket, new TokenValidationParameters
        {
            ValidIssuer = options.Value.Sessions.Issuer,
            ValidAudience = audience,
            ValidTypes = [type],
            IssuerSigningKeys = keys.ValidationKeys,
            ValidAlgorithms = keys.Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            TryAllIssuerSigningKeys = true,
            ValidateLifetime = false,
        }).ConfigureAwait(false);
        if (!validated.IsValid || validated.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo == DateTime.MinValue || now >= jwt.ValidTo || now < jwt.ValidFrom - options.Value.Sessions.ClockSkew)
        {
            return null;
        }

        return Guid.TryParse(jwt.Subject, out var user)
            && jwt.TryGetPayloadValue<string>(TeamClaim, out var team) && Guid.TryParse(team, out var teamId)
            && jwt.TryGetPayloadValue<string>(MembershipClaim, out var membership) && Guid.TryParse(membership, out var membershipId)
            && jwt.TryGetPayloadValue<string>(ProviderClaim, out var provider) && !string.IsNullOrEmpty(provider)
            && jwt.TryGetPayloadValue<string>(UserStampClaim, out var stamp) && Guid.TryParseExact(stamp, "N", out var userStamp)
            ? new SignInTicket(new UserId(user), new TeamId(teamId), new MembershipId(membershipId), provider, userStamp)
            : null;
    }
}
