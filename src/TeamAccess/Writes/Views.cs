namespace TeamAccess.Writes;

/// <summary>
/// Turns what the services decided on stored records into the host's views at the service boundary, so no stored
/// secret, stamp or counter leaves the library.
/// </summary>
internal static class Views
{
    public static Result<Membership> AsView(this Result<StoredMembership> result) =>
        Carry(result, result.Succeeded ? Result<Membership>.Ok(result.Value!.ToView()) : Result<Membership>.Failed(result.Error));

    public static Result<User> AsView(this Result<StoredUser> result) =>
        Carry(result, result.Succeeded ? Result<User>.Ok(result.Value!.ToView()) : Result<User>.Failed(result.Error));

    public static async ValueTask<Result<Membership>> AsView(this ValueTask<Result<StoredMembership>> pending) =>
        (await pending.ConfigureAwait(false)).AsView();

    public static async ValueTask<Result<User>> AsView(this ValueTask<Result<StoredUser>> pending) =>
        (await pending.ConfigureAwait(false)).AsView();

    public static async ValueTask<User?> AsView(this ValueTask<StoredUser?> pending) =>
        (await pending.ConfigureAwait(false))?.ToView();

    public static Membership ToView(this StoredMembership stored) =>
        new(stored.Id, stored.TeamId, stored.UserId, stored.Email, stored.Role, stored.Status, stored.CreatedAt, stored.CreatedBy, stored.Invitation, stored.UpdatedAt);

    public static User ToView(this StoredUser stored) =>
        new(
            stored.Id,
            stored.Email,
            stored.FirstName,
            stored.LastName,
            stored.CreatedAt,
            stored.EmailConfirmed,
            stored.AuthenticatorConfirmedAt is not null,
            stored.RecoveryCodeHashes is { } hashes ? hashes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : 0);

    // The view answers as fresh as the write it shows: the write's consistency token goes with it.
    private static Result<T> Carry<T>(Result written, Result<T> view)
    {
        if (written.ConsistencyToken is { } token)
        {
            view.SetConsistencyToken(token);
        }

        return view;
    }
}
