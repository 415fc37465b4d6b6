using System.Runtime.CompilerServices;
using TeamAccess.Domain;

namespace TeamAccess.Index;

/// <summary>
/// Resolves an API key to its service account from the permission index alone: no store read, ever. A malformed key
/// (prefix, length, alphabet, checksum) is refused before its secret is hashed; an unknown key, team or secret is
/// refused alike; a revoked or expired key, or one whose service account holds nothing, is refused with its own code.
/// Revocation arrives as any team change does, through the change feed, within its staleness bound.
/// </summary>
internal sealed class ApiKeyResolver(AccessEngine engine)
{
    public TeamAccessErrorCode Resolve(ReadOnlySpan<char> key, DateTimeOffset now, out CompiledTeam? team, out CompiledApiKey? apiKey)
    {
        team = null;
        apiKey = null;
        Span<byte> hash = stackalloc byte[ApiKeyFormat.HashBytes];
        if (!ApiKeyFormat.TryRead(key, out var teamId, out var keyId, hash))
        {
            return TeamAccessErrorCode.InvalidApiKey;
        }

        if (engine.Refusing)
        {
            return TeamAccessErrorCode.IndexStale;
        }

        var compiled = engine.FindTeam(teamId);
        var found = compiled?.FindApiKey(keyId);
        if (found is null || !found.Matches(hash))
        {
            return TeamAccessErrorCode.InvalidApiKey;
        }

        if (found.Revoked || compiled!.Status != TeamStatus.Active)
        {
            return TeamAccessErrorCode.ApiKeyRevoked;
        }

        if (now >= found.ExpiresAt)
        {
            return TeamAccessErrorCode.ApiKeyExpired;
        }

        ref readonly var entry = ref compiled.Find(found.Principal.Value);
        if (Unsafe.IsNullRef(in entry) || !entry.Holds)
        {
            return TeamAccessErrorCode.PermissionDenied;
        }

        team = compiled;
        apiKey = found;
        return TeamAccessErrorCode.None;
    }
}
