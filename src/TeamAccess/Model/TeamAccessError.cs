namespace TeamAccess;

/// <summary>An expected refusal: a stable <see cref="Code"/> for programs and a <see cref="Message"/> for people.</summary>
public sealed class TeamAccessError
{
    /// <summary>Initializes a new instance of the <see cref="TeamAccessError"/> class.</summary>
    /// <param name="code">The machine-readable code.</param>
    /// <param name="message">A human-readable explanation that reveals nothing the actor may not know.</param>
    public TeamAccessError(TeamAccessErrorCode code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>Gets the machine-readable code.</summary>
    public TeamAccessErrorCode Code { get; }

    /// <summary>Gets a human-readable explanation that reveals nothing the actor may not know.</summary>
    public string Message { get; }

    /// <summary>
    /// The detail of a <see cref="TeamAccessErrorCode.LastGuardian"/> refusal: the team's last Active guardian hands the
    /// guardian role over first (<see cref="TeamAccess.Ownership.IOwnershipService.OfferAsync"/>, which the member accepts), then steps down or leaves.
    /// </summary>
    public const string TransferOwnershipFirst = "TransferOwnershipFirst";

    /// <summary>
    /// Gets machine-readable details, when the code has them: for <see cref="TeamAccessErrorCode.PasswordPolicy"/>, the
    /// names of the failed <see cref="TeamAccess.Accounts.PasswordCriterion"/> values; for <see cref="TeamAccessErrorCode.LastGuardian"/>, the
    /// way out, <see cref="TransferOwnershipFirst"/>; for <see cref="TeamAccessErrorCode.RoleInUse"/>, the membership ids
    /// of up to five of the role's holders.
    /// </summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Details.Count == 0 ? $"{Code}: {Message}" : $"{Code}: {Message} ({string.Join(", ", Details)})";
}
