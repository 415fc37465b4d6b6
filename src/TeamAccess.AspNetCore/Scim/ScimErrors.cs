using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TeamAccess.AspNetCore.Scim;

/// <summary>SCIM error responses (RFC 7644 3.12): the Error schema, the HTTP status as a string, a <c>scimType</c> for a 400, a detail naming the TeamAccess code.</summary>
internal static class ScimErrors
{
    public static ScimResult Of(TeamAccessError error) => Of(error.Code, error.Message);

    public static ScimResult Of(TeamAccessErrorCode code, string? message = null)
    {
        var (status, scimType) = code switch
        {
            TeamAccessErrorCode.NotFound or TeamAccessErrorCode.NotADirectoryMember or TeamAccessErrorCode.TeamDeleted => (StatusCodes.Status404NotFound, null),
            TeamAccessErrorCode.PermissionDenied or TeamAccessErrorCode.RoleRankTooHigh or TeamAccessErrorCode.ExceedsGranterPermissions
                or TeamAccessErrorCode.GuardianRequired or TeamAccessErrorCode.DirectoryProvisionNeedsGuardian => (StatusCodes.Status403Forbidden, null),
            TeamAccessErrorCode.InvalidDirectoryFilter => (StatusCodes.Status400BadRequest, "invalidFilter"),
            TeamAccessErrorCode.InvalidDirectoryPatch => (StatusCodes.Status400BadRequest, "invalidPath"),
            TeamAccessErrorCode.DirectoryAttributeImmutable => (StatusCodes.Status400BadRequest, "mutability"),
            TeamAccessErrorCode.AlreadyMember or TeamAccessErrorCode.AlreadyInvited or TeamAccessErrorCode.DirectoryExternalIdTaken
                or TeamAccessErrorCode.DuplicateHandle or TeamAccessErrorCode.DuplicateEmail => (StatusCodes.Status409Conflict, "uniqueness"),
            TeamAccessErrorCode.DirectoryVersionMismatch => (StatusCodes.Status412PreconditionFailed, null),

            // The team's own rules refuse the change as it stands (the last Active guardian): a conflict with the team's state.
            TeamAccessErrorCode.LastGuardian or TeamAccessErrorCode.ConcurrencyFailure or TeamAccessErrorCode.InvalidTransition => (StatusCodes.Status409Conflict, null),
            TeamAccessErrorCode.RateLimited => (StatusCodes.Status429TooManyRequests, null),
            _ => (StatusCodes.Status400BadRequest, "invalidValue"),
        };
        return Error(status, scimType, $"{code}: {message ?? Result.Failed(code).Error!.Message}");
    }

    public static ScimResult Syntax(string detail) => Error(StatusCodes.Status400BadRequest, "invalidSyntax", detail);

    public static ScimResult Value(string detail) => Error(StatusCodes.Status400BadRequest, "invalidValue", $"{TeamAccessErrorCode.InvalidDirectoryValue}: {detail}");

    public static ScimResult Path(string detail) => Error(StatusCodes.Status400BadRequest, "invalidPath", $"{TeamAccessErrorCode.InvalidDirectoryPatch}: {detail}");

    public static ScimResult NoTarget(string detail) => Error(StatusCodes.Status400BadRequest, "noTarget", $"{TeamAccessErrorCode.InvalidDirectoryPatch}: {detail}");

    public static ScimResult Mutability(string detail) => Error(StatusCodes.Status400BadRequest, "mutability", $"{TeamAccessErrorCode.DirectoryAttributeImmutable}: {detail}");

    public static ScimResult Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimJson.ErrorSchema),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        return new ScimResult(status, body);
    }
}
