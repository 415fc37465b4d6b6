namespace TeamAccess;

/// <summary>An expected refusal: a stable <see cref="Code"/> for programs and a <see cref="Message"/> for people.</summary>
/// <param name="Code">The machine-readable code.</param>
/// <param name="Message">A human-readable explanation that reveals nothing the actor may not know.</param>
public sealed record TeamAccessError(TeamAccessErrorCode Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
