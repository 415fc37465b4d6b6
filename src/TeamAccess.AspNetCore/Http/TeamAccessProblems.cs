using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TeamAccess.AspNetCore;

/// <summary>
/// The one mapping from <see cref="TeamAccessErrorCode"/> to an HTTP status and an RFC 9457 problem: a stable
/// <c>type</c> per code (<c>urn:teamaccess:error:last-guardian</c>), the code's name in the <c>code</c> extension member,
/// the refusal's message as the detail, and its details (e.g. failed password criteria) in <c>details</c>.
/// </summary>
public static class TeamAccessProblems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:teamaccess:error:";

    /// <summary>The HTTP status of a refusal; 0 for <see cref="TeamAccessErrorCode.None"/> and for an unmapped code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The status.</returns>
    public static int StatusCodeFor(TeamAccessErrorCode code) => code switch
    {
        TeamAccessErrorCode.NotFound or TeamAccessErrorCode.OwnershipOfferNotFound or TeamAccessErrorCode.UnknownTeam
            or TeamAccessErrorCode.UnknownGroup or TeamAccessErrorCode.NotADirectoryMember => StatusCodes.Status404NotFound,
        TeamAccessErrorCode.TeamDeleted => StatusCodes.Status404NotFound,

        TeamAccessErrorCode.InvalidEmail or TeamAccessErrorCode.InvalidHandle or TeamAccessErrorCode.InvalidName or TeamAccessErrorCode.InvalidPasskeyName or TeamAccessErrorCode.InvalidRole
            or TeamAccessErrorCode.InvalidPermission or TeamAccessErrorCode.InvalidResource or TeamAccessErrorCode.InvalidToken
            or TeamAccessErrorCode.PasswordPolicy or TeamAccessErrorCode.InvalidLifetime or TeamAccessErrorCode.UnknownProvider
            or TeamAccessErrorCode.NoChange or TeamAccessErrorCode.InvalidTier or TeamAccessErrorCode.InvalidCursor
            or TeamAccessErrorCode.InvalidPasswordHash or TeamAccessErrorCode.FieldTooLong or TeamAccessErrorCode.MissingField
            or TeamAccessErrorCode.MalformedRow or TeamAccessErrorCode.PasswordWithInvitation
            or TeamAccessErrorCode.InvalidRoleName or TeamAccessErrorCode.InvalidApiKeyLifetime
            or TeamAccessErrorCode.InvalidDescription or TeamAccessErrorCode.NotAServiceAccount or TeamAccessErrorCode.InvalidDirectoryFilter
            or TeamAccessErrorCode.InvalidDirectoryValue or TeamAccessErrorCode.DirectoryAttributeImmutable or TeamAccessErrorCode.InvalidDirectoryPatch
            or TeamAccessErrorCode.InvalidTeamProvider or TeamAccessErrorCode.IssuerNotAllowed or TeamAccessErrorCode.IssuerMismatch => StatusCodes.Status400BadRequest,
        TeamAccessErrorCode.BatchTooLarge => StatusCodes.Status413PayloadTooLarge,

        TeamAccessErrorCode.PermissionDenied or TeamAccessErrorCode.RoleRankTooHigh or TeamAccessErrorCode.GuardianRequired
            or TeamAccessErrorCode.ReadOnlyRole or TeamAccessErrorCode.ExceedsGranterPermissions or TeamAccessErrorCode.EmailMismatch
            or TeamAccessErrorCode.InviterLostRight or TeamAccessErrorCode.SsoRequired or TeamAccessErrorCode.ProviderNotAccepted
            or TeamAccessErrorCode.WrongTeam or TeamAccessErrorCode.EmailNotVerified or TeamAccessErrorCode.DomainNotVerified
            or TeamAccessErrorCode.ProviderNotAuthoritative or TeamAccessErrorCode.EmailNotConfirmed
            or TeamAccessErrorCode.PermissionNotAllowed or TeamAccessErrorCode.PasswordHashNeedsHost
            or TeamAccessErrorCode.NamesAreTheUsers or TeamAccessErrorCode.SecondFactorEnrolmentRequired
            or TeamAccessErrorCode.GuardianRoleNotForServiceAccounts or TeamAccessErrorCode.DirectoryProvisionNeedsGuardian or TeamAccessErrorCode.TeamSsoDisabled
            or TeamAccessErrorCode.PasskeyRequired or TeamAccessErrorCode.PasskeyEnrolmentRequired or TeamAccessErrorCode.PersonalKeysDisabled
            or TeamAccessErrorCode.PersonalKeyNeedsActiveMembership => StatusCodes.Status403Forbidden,

        TeamAccessErrorCode.SignInRequired or TeamAccessErrorCode.InvalidCredentials or TeamAccessErrorCode.LockedOut
            or TeamAccessErrorCode.ReauthenticationRequired or TeamAccessErrorCode.SessionExpired
            or TeamAccessErrorCode.SessionRevoked or TeamAccessErrorCode.SecondFactorRequired or TeamAccessErrorCode.InvalidSecondFactor
            or TeamAccessErrorCode.RecentSecondFactorRequired or TeamAccessErrorCode.InvalidApiKey or TeamAccessErrorCode.ApiKeyExpired
            or TeamAccessErrorCode.ApiKeyRevoked or TeamAccessErrorCode.InvalidPasskey or TeamAccessErrorCode.PasskeyCounterRegressed => StatusCodes.Status401Unauthorized,

        TeamAccessErrorCode.LastGuardian or TeamAccessErrorCode.UserIsLastGuardian or TeamAccessErrorCode.DuplicateEmail
            or TeamAccessErrorCode.DuplicateHandle or TeamAccessErrorCode.AlreadyMember or TeamAccessErrorCode.AlreadyInvited
            or TeamAccessErrorCode.InvalidTransition or TeamAccessErrorCode.ConcurrencyFailure or TeamAccessErrorCode.AlreadyInGroup
            or TeamAccessErrorCode.NotInGroup or TeamAccessErrorCode.InvitationAlreadyAccepted
            or TeamAccessErrorCode.LoginAlreadyLinked or TeamAccessErrorCode.OwnershipOfferPending or TeamAccessErrorCode.RoleNameTaken
            or TeamAccessErrorCode.CatalogRole or TeamAccessErrorCode.RoleInUse or TeamAccessErrorCode.TeamRoleLimitReached
            or TeamAccessErrorCode.AuthenticatorAlreadyEnrolled or TeamAccessErrorCode.NoSecondFactor or TeamAccessErrorCode.DirectoryExternalIdTaken
            or TeamAccessErrorCode.TeamProviderLimitReached or TeamAccessErrorCode.TeamProviderStateConflict or TeamAccessErrorCode.TeamProviderInUse
            or TeamAccessErrorCode.DomainAlreadyClaimed or TeamAccessErrorCode.DomainVerifiedElsewhere or TeamAccessErrorCode.DuplicatePasskey => StatusCodes.Status409Conflict,
        TeamAccessErrorCode.DirectoryVersionMismatch => StatusCodes.Status412PreconditionFailed,

        TeamAccessErrorCode.InvitationExpired or TeamAccessErrorCode.InvitationRevoked or TeamAccessErrorCode.InvitationDeclined
            or TeamAccessErrorCode.EmailConfirmationExpired or TeamAccessErrorCode.OwnershipOfferExpired => StatusCodes.Status410Gone,
        TeamAccessErrorCode.InvitationLocked => StatusCodes.Status423Locked,
        TeamAccessErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        TeamAccessErrorCode.IndexStale => StatusCodes.Status503ServiceUnavailable,

        // The issuer or the DNS resolver the request depends on did not answer as needed; the host has no secret key.
        TeamAccessErrorCode.DiscoveryFailed or TeamAccessErrorCode.DomainCheckUnavailable => StatusCodes.Status424FailedDependency,
        TeamAccessErrorCode.SecretProtectorMissing => StatusCodes.Status403Forbidden,
        TeamAccessErrorCode.PasskeysUnavailable => StatusCodes.Status404NotFound,
        _ => 0,
    };

    /// <summary>The problem type of a code: <c>urn:teamaccess:error:</c> and the code's name in kebab case.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The type URI.</returns>
    public static string TypeFor(TeamAccessErrorCode code)
    {
        var name = code.ToString();
        var kebab = new StringBuilder(TypePrefix, TypePrefix.Length + name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }

    /// <summary>The problem details of a refusal.</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The problem.</returns>
    public static ProblemDetails ToProblemDetails(TeamAccessError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = StatusCodeFor(error.Code);
        var problem = new ProblemDetails
        {
            Type = TypeFor(error.Code),
            Title = error.Code.ToString(),
            Status = status == 0 ? StatusCodes.Status400BadRequest : status,
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code.ToString();
        if (error.Details is { Count: > 0 } details)
        {
            problem.Extensions["details"] = details;
        }

        return problem;
    }

    /// <summary>The answer to a cookie-authenticated unsafe request without a valid antiforgery token: 400, <c>antiforgery-failed</c>.</summary>
    internal static IResult AntiforgeryFailed() => BadRequest("AntiforgeryFailed", "antiforgery-failed", "A request that the session cookie authenticates with an unsafe method needs a valid antiforgery token.");

    /// <summary>A 400 problem for request input that no service judged (a malformed query parameter), in the same shape.</summary>
    internal static IResult BadRequest(string code, string kebab, string detail)
    {
        var problem = new ProblemDetails
        {
            Type = TypePrefix + kebab,
            Title = code,
            Status = StatusCodes.Status400BadRequest,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }
}
