namespace TeamAccess;

/// <summary>The standard human message of each code; one place, so wording stays consistent.</summary>
internal static class ErrorMessages
{
    public static string For(TeamAccessErrorCode code) => code switch
    {
        TeamAccessErrorCode.None => "No error.",
        TeamAccessErrorCode.NotFound => "Not found.",
        TeamAccessErrorCode.PermissionDenied => "You do not have permission to do this in this team.",
        TeamAccessErrorCode.LastGuardian => "The team must keep at least one active holder of its guardian role.",
        TeamAccessErrorCode.RoleRankTooHigh => "You cannot give or manage a role ranked above your own.",
        TeamAccessErrorCode.GuardianRequired => "Only a holder of the team's guardian role can do this.",
        TeamAccessErrorCode.InvalidEmail => "The email address is not valid.",
        TeamAccessErrorCode.InvalidHandle => "A handle has 3 to 63 lower-case letters, digits and hyphens, and starts and ends with a letter or digit.",
        TeamAccessErrorCode.InvalidName => "A name must have 1 to 100 characters and no control characters.",
        TeamAccessErrorCode.InvalidRole => "The role is not defined.",
        TeamAccessErrorCode.InvalidPermission => "The permission is not registered.",
        TeamAccessErrorCode.InvalidResource => "A resource id must have 1 to 200 characters and no control characters.",
        TeamAccessErrorCode.DuplicateEmail => "The email address is already taken.",
        TeamAccessErrorCode.DuplicateHandle => "The handle is already taken.",
        TeamAccessErrorCode.AlreadyMember => "This user is already a member of the team.",
        TeamAccessErrorCode.AlreadyInvited => "This address already has a pending invitation to the team.",
        TeamAccessErrorCode.InvalidTransition => "The current status does not allow this change.",
        TeamAccessErrorCode.ConcurrencyFailure => "The team was changed by someone else at the same time; try again.",
        TeamAccessErrorCode.TeamDeleted => "The team has been deleted.",
        TeamAccessErrorCode.ReadOnlyRole => "A read-only role cannot hold a write permission.",
        TeamAccessErrorCode.ExceedsGranterPermissions => "You cannot give a permission you do not hold yourself.",
        TeamAccessErrorCode.AlreadyInGroup => "The member is already in the group.",
        TeamAccessErrorCode.NotInGroup => "The member is not in the group.",
        TeamAccessErrorCode.UserIsLastGuardian => "The user is the last active guardian of a team; hand the role to someone else or delete the team first.",
        TeamAccessErrorCode.NoChange => "Nothing to change.",
        TeamAccessErrorCode.BatchTooLarge => "The batch is larger than the configured limit.",
        TeamAccessErrorCode.InvalidToken => "The invitation link or code is not valid.",
        TeamAccessErrorCode.InvitationExpired => "The invitation has expired; ask for a new one.",
        TeamAccessErrorCode.InvitationRevoked => "The invitation was withdrawn.",
        TeamAccessErrorCode.InvitationDeclined => "The invitation was declined.",
        TeamAccessErrorCode.InvitationAlreadyAccepted => "The invitation has already been accepted.",
        TeamAccessErrorCode.EmailMismatch => "This invitation was sent to another email address; sign in with that address to accept it.",
        TeamAccessErrorCode.PasswordPolicy => "The password does not meet the policy.",
        TeamAccessErrorCode.InviterLostRight => "The person who invited you can no longer grant this role; ask for a new invitation.",
        TeamAccessErrorCode.InvitationLocked => "Too many wrong codes were tried; use the link in the message or ask for a new invitation.",
        TeamAccessErrorCode.RateLimited => "This was done too recently; try again later.",
        TeamAccessErrorCode.InvalidLifetime => "The invitation lifetime is outside the allowed range.",
        TeamAccessErrorCode.SsoRequired => "This team requires its single sign-on provider; continue with it to accept.",
        TeamAccessErrorCode.SignInRequired => "Sign in with the invited address to accept.",
        _ => code.ToString(),
    };
}
