namespace TeamAccess.Invitations;

/// <summary>The outcomes of an invite, one per address, in the order given.</summary>
public sealed class InviteBatchResult
{
    /// <summary>Initializes a new instance of the <see cref="InviteBatchResult"/> class.</summary>
    /// <param name="outcomes">The outcomes.</param>
    internal InviteBatchResult(IReadOnlyList<InviteOutcome> outcomes)
    {
        Outcomes = outcomes;
    }

    /// <summary>Gets the outcomes.</summary>
    public IReadOnlyList<InviteOutcome> Outcomes { get; }
}
