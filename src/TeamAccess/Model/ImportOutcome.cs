namespace TeamAccess;

/// <summary>The outcome of one row of an import, reported once its batch is committed.</summary>
public sealed class ImportOutcome
{
    internal ImportOutcome(long rowNumber, ImportOutcomeKind kind, TeamAccessErrorCode code, string? email, string? teamHandle, MembershipId? membershipId)
    {
        RowNumber = rowNumber;
        Kind = kind;
        Code = code;
        Email = email;
        TeamHandle = teamHandle;
        MembershipId = membershipId;
    }

    /// <summary>Gets the row's number in the stream, from 1.</summary>
    public long RowNumber { get; }

    /// <summary>Gets what became of the row.</summary>
    public ImportOutcomeKind Kind { get; }

    /// <summary>Gets why the row was refused, or <see cref="TeamAccessErrorCode.None"/>.</summary>
    public TeamAccessErrorCode Code { get; }

    /// <summary>Gets the normalized email address, when it was valid.</summary>
    public string? Email { get; }

    /// <summary>Gets the team's handle, when it was valid.</summary>
    public string? TeamHandle { get; }

    /// <summary>Gets the membership the row created, changed or found, unless it was refused.</summary>
    public MembershipId? MembershipId { get; }

    /// <inheritdoc />
    public override string ToString() => Code is TeamAccessErrorCode.None ? $"{RowNumber}: {Kind}" : $"{RowNumber}: {Kind} ({Code})";
}
