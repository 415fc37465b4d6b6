namespace TeamAccess;

/// <summary>A person who signs in, identified by a normalized email address that editing never changes.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Email">The normalized email address (see <see cref="EmailAddress"/>), unique across users.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="LastName">The last name.</param>
/// <param name="CreatedAt">When the user was created.</param>
public sealed record User(UserId Id, string Email, string FirstName, string LastName, DateTimeOffset CreatedAt)
{
    /// <summary>Gets the stamp that changes on every write; a store refuses a write whose stamp is stale.</summary>
    public Guid ConcurrencyStamp { get; init; } = Guid.NewGuid();
}
