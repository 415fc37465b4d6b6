using System.Diagnostics.CodeAnalysis;

namespace TeamAccess;

/// <summary>
/// The outcome of an operation that can be refused for an expected reason, in the manner of ASP.NET Core Identity's
/// <c>IdentityResult</c>: refusals are returned, not thrown.
/// </summary>
public class Result
{
    private static readonly Result SuccessInstance = new(null);

    /// <summary>Creates a result; <paramref name="error"/> is <see langword="null"/> for success.</summary>
    /// <param name="error">The refusal, or <see langword="null"/>.</param>
    protected Result(TeamAccessError? error) => Error = error;

    /// <summary>Gets whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>Gets the refusal, or <see langword="null"/> when the operation succeeded.</summary>
    public TeamAccessError? Error { get; }

    /// <summary>Gets the refusal's code, or <see cref="TeamAccessErrorCode.None"/> on success.</summary>
    public TeamAccessErrorCode Code => Error?.Code ?? TeamAccessErrorCode.None;

    /// <summary>
    /// Gets, on a write that committed a change to a team, the team and its version after the write: pass it (as its
    /// string form) to the next request, whose <see cref="IAccessChecker.CatchUpAsync"/> then answers at least as freshly
    /// on any instance. <see langword="null"/> on refusals, reads, and writes that changed no team.
    /// </summary>
    public ConsistencyToken? ConsistencyToken { get; private set; }

    /// <summary>Stamps a result made for this write alone (never the shared <see cref="Success"/>) with its token.</summary>
    internal void SetConsistencyToken(ConsistencyToken token)
    {
        if (ReferenceEquals(this, SuccessInstance))
        {
            throw new InvalidOperationException("The shared success result cannot carry a consistency token.");
        }

        ConsistencyToken = token;
    }

    /// <summary>Gets the successful result.</summary>
    public static Result Success => SuccessInstance;

    /// <summary>Creates a refused result.</summary>
    /// <param name="code">The refusal's code.</param>
    /// <param name="message">A human-readable message; defaults to the code's standard message.</param>
    /// <returns>The refused result.</returns>
    public static Result Failed(TeamAccessErrorCode code, string? message = null) =>
        new(new TeamAccessError(code, message ?? ErrorMessages.For(code)));

    /// <summary>Creates a refused result from an error.</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The refused result.</returns>
    public static Result Failed(TeamAccessError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error);
    }

    /// <inheritdoc />
    public override string ToString() => Succeeded ? "Succeeded" : $"Failed: {Error}";
}
