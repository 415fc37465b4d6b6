namespace TeamAccess.Accounts;

/// <summary>What signing up created.</summary>
public sealed class SignUpResult
{
    /// <summary>Initializes a new instance of the <see cref="SignUpResult"/> class.</summary>
    /// <param name="user">The new user.</param>
    /// <param name="team">The new team.</param>
    /// <param name="membership">The user's Active membership in the guardian role.</param>
    internal SignUpResult(User user, Team team, Membership membership)
    {
        User = user;
        Team = team;
        Membership = membership;
    }

    /// <summary>Gets the new user.</summary>
    public User User { get; }

    /// <summary>Gets the new team.</summary>
    public Team Team { get; }

    /// <summary>Gets the user's Active membership in the guardian role.</summary>
    public Membership Membership { get; }
}
