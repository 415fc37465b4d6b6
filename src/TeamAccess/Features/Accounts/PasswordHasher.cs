using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess.Accounts;

/// <summary>
/// Hashes native passwords with the BCL's PBKDF2 (<see cref="Rfc2898DeriveBytes.Pbkdf2(byte[], byte[], int, HashAlgorithmName, int)"/>),
/// HMAC-SHA512, a 16-byte random salt and a 32-byte key, in a versioned text format
/// (<c>v1.pbkdf2-sha512.{iterations}.{salt}.{key}</c>, base64url) so the work factor can rise and old hashes be
/// recognised and rehashed.
/// </summary>
internal sealed class PasswordHasher(IOptions<TeamAccessOptions> options)
{
    private const string Prefix = "v1.pbkdf2-sha512.";
    private const int SaltBytes = 16;
    private const int KeyBytes = 32;

    /// <summary>
    /// The fewest iterations an imported hash may have: a quarter of <see cref="PasswordOptions.MinimumIterations"/>
    /// (52,500). A weaker hash would sit at rest until its user's first sign-in rehashes it. ASP.NET Core Identity's V3
    /// format since .NET 7 (PBKDF2-HMAC-SHA512, 100,000 iterations, 16-byte salt, 32-byte key) rewritten into this
    /// format passes; its older formats (HMAC-SHA1, or HMAC-SHA256 at 10,000 iterations) are another function and are
    /// not importable at any count: those users choose a password through the reset link.
    /// </summary>
    internal const int MinImportedIterations = PasswordOptions.MinimumIterations / 4;

    /// <summary>How many times the host's work factor an imported hash may cost to verify (each judged attempt, anonymous ones included).</summary>
    internal const int MaxImportedFactor = 4;

    private long _derivations;
    private string? _decoy;

    /// <summary>
    /// Gets a hash of a password nobody has, made once per process (not per request), against which refusals that have
    /// nothing to judge spend the same work as a judged password.
    /// </summary>
    internal string DecoyHash => LazyInitializer.EnsureInitialized(ref _decoy, () => Hash("a password nobody has, hashed only to spend the same work"));

    /// <summary>Gets how many PBKDF2 derivations this hasher ran, so tests can prove that refusals spend the same work.</summary>
    internal long Derivations => Interlocked.Read(ref _derivations);

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var iterations = options.Value.Passwords.Iterations;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        Interlocked.Increment(ref _derivations);
        var key = Derive(password, salt, iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}.{UrlSafeBase64.Encode(salt)}.{UrlSafeBase64.Encode(key)}");
    }

    /// <summary>Verifies in constant time; a malformed stored hash never verifies.</summary>
    public PasswordVerification Verify(string storedHash, string password)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
        {
            return PasswordVerification.Failed;
        }

        Interlocked.Increment(ref _derivations);
        var actual = Derive(password, salt, iterations);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }

        return iterations < options.Value.Passwords.Iterations ? PasswordVerification.SucceededRehashNeeded : PasswordVerification.Succeeded;
    }

    /// <summary>
    /// Whether a hash from elsewhere (an import) is in this hasher's format with a work factor that is neither weak at
    /// rest nor costly to verify: at least <see cref="MinImportedIterations"/> and at most <see cref="MaxImportedFactor"/>
    /// times the host's <see cref="PasswordOptions.Iterations"/>. A hash below the host's count verifies and is rehashed
    /// at its user's first sign-in.
    /// </summary>
    /// <param name="hash">The imported hash.</param>
    /// <param name="passwords">The host's password options.</param>
    /// <returns>Whether the import may store it.</returns>
    internal static bool IsImportable(string hash, PasswordOptions passwords) =>
        TryParse(hash, out var iterations, out _, out _) && iterations >= MinImportedIterations && iterations <= MaxImportedIterations(passwords);

    /// <summary>The most iterations an imported hash may have under the host's options.</summary>
    /// <param name="passwords">The host's password options.</param>
    /// <returns><see cref="MaxImportedFactor"/> times <see cref="PasswordOptions.Iterations"/>, at most <see cref="int.MaxValue"/>.</returns>
    internal static int MaxImportedIterations(PasswordOptions passwords) => (int)Math.Min(int.MaxValue, (long)MaxImportedFactor * passwords.Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations)
    {
        var normalized = PasswordPolicy.Normalize(password) ?? password;
        var bytes = Encoding.UTF8.GetBytes(normalized);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(bytes, salt, iterations, HashAlgorithmName.SHA512, KeyBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] key)
    {
        iterations = 0;
        salt = [];
        key = [];
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = stored[Prefix.Length..].Split('.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations <= 0
            || !UrlSafeBase64.TryDecode(parts[1], out var storedSalt) || storedSalt.Length != SaltBytes
            || !UrlSafeBase64.TryDecode(parts[2], out var storedKey) || storedKey.Length != KeyBytes)
        {
            return false;
        }

        salt = storedSalt;
        key = storedKey;
        return true;
    }
}
