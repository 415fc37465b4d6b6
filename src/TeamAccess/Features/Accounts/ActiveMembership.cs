namespace TeamAccess.Accounts;

/// <summary>The membership a session may be for: the user's Active membership in the team.</summary>
internal static class ActiveMembership
{
    /// <summary>
    /// The user's Active membership. Membership is asked first: to someone with none the team does not exist, deleted or
    /// not, so a deleted team's id tells a stranger nothing.
    /// </summary>
    public static Result<StoredMembership> Of(TeamSnapshot team, UserId userId)
    {
        var membership = team.FindCurrentMembership(userId);
        if (membership is not null && team.Team.Status == TeamStatus.Deleted)
        {
            return Result<StoredMembership>.Failed(TeamAccessErrorCode.TeamDeleted);
        }

        return membership switch
        {
            null => Result<StoredMembership>.Failed(TeamAccessErrorCode.NotFound),
            { Status: MembershipStatus.Active } active => Result<StoredMembership>.Ok(active),
            _ => Result<StoredMembership>.Failed(TeamAccessErrorCode.PermissionDenied),
        };
    }
}
