using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TeamAccess.Accounts;

/// <summary>
/// The keys that sign and validate session tokens: the first configured key signs, all validate (rotation without
/// signing anybody out). Each key's algorithm follows from its type, so a token can only validate under the algorithm
/// its key was meant for.
/// </summary>
internal sealed class SessionKeys
{
    public SessionKeys(IOptions<TeamAccessOptions> options, ILogger<SessionKeys>? logger = null)
    {
        var configured = options.Value.Sessions.SigningKeys.ToList();
        if (configured.Count == 0)
        {
            (logger ?? NullLogger<SessionKeys>.Instance).EphemeralSigningKey();
            configured.Add(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ephemeral-" + Guid.NewGuid().ToString("N")[..8] });
        }

        Signing = new SigningCredentials(configured[0], AlgorithmFor(configured[0]) ?? throw new InvalidOperationException("The first session signing key cannot sign."));
        ValidationKeys = configured;
        Algorithms = [.. configured.Select(AlgorithmFor).OfType<string>().Distinct()];
    }

    public SigningCredentials Signing { get; }

    public IReadOnlyList<SecurityKey> ValidationKeys { get; }

    public IReadOnlyList<string> Algorithms { get; }

    /// <summary>The one algorithm a key signs sessions with, or <see langword="null"/> when it is not fit to.</summary>
    public static string? AlgorithmFor(SecurityKey key) => SessionOptions.SigningAlgorithmFor(key);
}
