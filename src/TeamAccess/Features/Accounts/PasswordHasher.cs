using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TeamAccess;

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
    private const int MinImportedIterations = 1_000;
    private const int MaxImportedIterations = 10_000_000;

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
    /// Whether a hash from elsewhere (an import) is in this hasher's format with a work factor a sign-in can afford to
    /// verify: at least <see cref="MinImportedIterations"/> and at most <see cref="MaxImportedIterations"/> iterations.
    /// </summary>
    internal static bool IsImportable(string hash) =>
        TryParse(hash, out var iterations, out _, out _) && iterations is >= MinImportedIterations and <= MaxImportedIterations;

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
