namespace TeamAccess.AspNetCore;

/// <summary>
/// How the HTTP bodies print a secret (a password, a token, a code, a nonce) in their <c>ToString</c>: never its value,
/// only whether one was there, so that a host logging a body (an exception filter that logs arguments) leaks nothing.
/// </summary>
internal static class Redacted
{
    public static string Of(string? secret) => secret is null ? "null" : "***";
}
