using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TeamAccess;

/// <summary>
/// What a write returns so that a later check, on any instance, can ask to be at least that fresh: the team the write
/// changed and that team's version after it. Pass it between requests as its string form (<see cref="ToString"/>,
/// <see cref="TryParse"/>); <see cref="IAccessChecker.CatchUpAsync"/> brings the instance's index up to it.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="Version">The team's version after the write.</param>
public readonly record struct ConsistencyToken(TeamId TeamId, long Version)
{
    /// <summary>The longest string form a token has (a Guid in 32 hex digits, a dot, a version).</summary>
    public const int MaxLength = 32 + 1 + 20;

    /// <summary>Formats the token as <c>{team id in 32 hex digits}.{version}</c>.</summary>
    /// <returns>The string form.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TeamId.Value:N}.{Version}");

    /// <summary>Reads a token from its string form; anything else, including a negative version, is refused.</summary>
    /// <param name="text">The string form, or <see langword="null"/>.</param>
    /// <param name="token">The token.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a token.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ConsistencyToken token)
    {
        token = default;
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(text.AsSpan(0, dot), "N", out var team)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            return false;
        }

        token = new ConsistencyToken(new TeamId(team), version);
        return true;
    }
}
