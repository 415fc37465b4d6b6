namespace TeamAccess.Invitations;

/// <summary>What accepting with a new account created.</summary>
public sealed class AcceptResult
{
    /// <summary>Initializes a new instance of the <see cref="AcceptResult"/> class.</summary>
    /// <param name="user">The new user, with the invited email.</param>
    /// <param name="membership">The Active membership.</param>
    internal AcceptResult(User user, Membership membership)
    {
        User = user;
        Membership = membership;
    }

    /// <summary>Gets the new user, with the invited email.</summary>
    public User User { get; }

    /// <summary>Gets the Active membership.</summary>
    public Membership Membership { get; }
}
