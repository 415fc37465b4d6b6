using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TeamAccess.Provisioning;

/// <summary>
/// Counts, per team, the people this instance's directory calls provisioned, and logs a line every
/// <see cref="DirectoryOptions.ProgressEvery"/> of them, so that a large sync shows its progress. A line names the team
/// and the count, never an address or a secret.
/// </summary>
internal sealed class DirectoryProgress(IOptions<TeamAccessOptions> options, ILogger<DirectoryProgress>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DirectoryProgress>.Instance;

    private readonly ConcurrentDictionary<TeamId, long> _provisioned = new();

    public void Provisioned(TeamId teamId, bool invited)
    {
        var count = _provisioned.AddOrUpdate(teamId, 1, (_, seen) => seen + 1);
        _logger.DirectoryProvisioned(teamId, invited ? "invited" : "joined");
        if (count % options.Value.Directory.ProgressEvery == 0)
        {
            _logger.DirectoryProgress(teamId, count);
        }
    }
}
