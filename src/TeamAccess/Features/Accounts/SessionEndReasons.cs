namespace TeamAccess.Accounts;

/// <summary>
/// Why a session was refused with <see cref="TeamAccessErrorCode.SessionRevoked"/>: the one entry of the refusal's
/// <see cref="TeamAccessError.Details"/>, so that a sign-in page can tell the person what happened. The code stays
/// SessionRevoked for programs; the detail says nothing the session's holder may not know.
/// </summary>
internal static class SessionEndReasons
{
    /// <summary>The member's role in the team changed since the session was issued.</summary>
    public const string RoleChanged = "RoleChanged";

    /// <summary>The membership was deactivated (or is otherwise no longer Active, but not removed).</summary>
    public const string Deactivated = "Deactivated";

    /// <summary>The member was removed from the team, or left it.</summary>
    public const string Removed = "Removed";

    /// <summary>The team ended the member's sessions (an administrator signed them out), or changed the membership otherwise.</summary>
    public const string EndedByTeam = "EndedByTeam";

    /// <summary>This session was signed out, from another of the person's sessions or by an administrator.</summary>
    public const string SignedOut = "SignedOut";

    /// <summary>Every session of the person ended: a password change or reset, or a sign-out everywhere.</summary>
    public const string SignedOutEverywhere = "SignedOutEverywhere";

    /// <summary>A SessionRevoked refusal carrying <paramref name="reason"/>.</summary>
    /// <param name="reason">One of the reasons above.</param>
    /// <returns>The refusal.</returns>
    public static Result<ClaimedSession> Revoked(string reason) =>
        Result<ClaimedSession>.Failed(new TeamAccessError(TeamAccessErrorCode.SessionRevoked, ErrorMessages.For(TeamAccessErrorCode.SessionRevoked)) { Details = [reason] });
}
