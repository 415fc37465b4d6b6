using System.Diagnostics.CodeAnalysis;

namespace TeamAccess;

/// <summary>The outcome of an operation that returns a value when it succeeds.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Result<T> : Result
{
    private Result(T? value, TeamAccessError? error)
        : base(error) => Value = value;

    /// <summary>Gets the value; <see langword="default"/> when the operation was refused.</summary>
    public T? Value { get; }

    /// <summary>Gets whether the operation succeeded, and its value when it did.</summary>
    /// <param name="value">The value on success.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = Value!;
        return Succeeded;
    }

    /// <summary>Creates a successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The successful result.</returns>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>Creates a refused result.</summary>
    /// <param name="code">The refusal's code.</param>
    /// <param name="message">A human-readable message; defaults to the code's standard message.</param>
    /// <returns>The refused result.</returns>
    public static new Result<T> Failed(TeamAccessErrorCode code, string? message = null) =>
        new(default, new TeamAccessError(code, message ?? ErrorMessages.For(code)));

    /// <summary>Creates a refused result from an error.</summary>
    /// <param name="error">The refusal.</param>
    /// <returns>The refused result.</returns>
    public static new Result<T> Failed(TeamAccessError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }
}
