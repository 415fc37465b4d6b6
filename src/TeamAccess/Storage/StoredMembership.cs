using System.Text.Json.Serialization;

namespace TeamAccess.Storage;

/// <summary>
/// A membership as a store keeps it, with its security stamp. Hosts see the <see cref="Membership"/> view, which
/// carries no stamp.
/// </summary>
/// <param name="Id">The membership's id.</param>
/// <param name="TeamId">The team.</param>
/// <param name="UserId">The user; <see langword="null"/> while an invited address has no account.</param>
/// <param name="Email">The normalized email address of the user or of the invited address.</param>
/// <param name="Role">The role's name, as in the role catalog.</param>
/// <param name="Status">The lifecycle state.</param>
/// <param name="CreatedAt">When the membership was created.</param>
public sealed record StoredMembership(
    MembershipId Id,
    TeamId TeamId,
    UserId? UserId,
    string Email,
    string Role,
    MembershipStatus Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>Gets the host's view of the membership, without its security stamp.</summary>
    /// <returns>The view.</returns>

    /// <summary>
    /// Gets the security stamp: replaced whenever the role or status changes, so that a session issued before the
    /// change is refused after it: an Inactive, Invited, Removed or Expired membership has no permissions, and no
    /// session outlives a change of role or status.
    /// </summary>
    public Guid SecurityStamp { get; init; } = Guid.NewGuid();

    /// <summary>Gets who created the membership (the inviter, or the user who created the team).</summary>
    public UserId? CreatedBy { get; init; }

    /// <summary>Gets the invitation that created the membership, if it was invited (audited; its secret is kept apart).</summary>
    public Invitation? Invitation { get; init; }

    /// <summary>Gets when the membership last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Gets the service account's name when the membership is a service account's (a principal of this team alone, with
    /// no email, password, session or sign-in, whose <see cref="UserId"/> is its principal id and whose
    /// <see cref="Email"/> is a reserved address no mail reaches); <see langword="null"/> for a person's membership.
    /// </summary>
    public string? ServiceAccountName { get; init; }

    /// <summary>Gets the service account's description; <see langword="null"/> for a person's membership.</summary>
    public string? Description { get; init; }

    /// <summary>Gets where the membership came from: the team, or its directory (SCIM).</summary>
    public MembershipOrigin Origin { get; init; }

    /// <summary>Gets the directory's id of the person (SCIM <c>externalId</c>); <see langword="null"/> when the directory named none or the membership is not the directory's.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets whether the membership is a service account's.</summary>
    [JsonIgnore]
    public bool IsServiceAccount => ServiceAccountName is not null;
}
