using DnsClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Writes;

namespace TeamAccess.TeamSso;

/// <summary>
/// One DNS check of a domain claim, on demand (by the team's guardian) or on the schedule (by the host's loop): the TXT
/// record is looked up, and the finding is recorded through the team's own write. A domain another team holds verified
/// is not verified a second time: the check says so and records nothing (the store's unique index settles a race).
/// </summary>
internal sealed class TeamDomainChecker(
    IDomainTxtLookup lookup,
    ITeamDomainStore domains,
    TeamWriter writer,
    IOptions<TeamAccessOptions> options,
    ILogger<TeamDomainChecker>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamDomainChecker>.Instance;

    /// <summary>Checks the claim and records the finding; <paramref name="actor"/> <see langword="null"/> is the host's loop.</summary>
    public async ValueTask<Result<StoredTeamDomain>> CheckAsync(StoredTeamDomain claim, UserId? actor, CancellationToken cancellationToken)
    {
        bool? found;
        try
        {
            var records = await lookup.LookupTxtAsync(claim.Domain, cancellationToken).ConfigureAwait(false);
            var expected = TeamDomainView.RecordPrefix + claim.Challenge;
            found = records.Any(r => string.Equals(r.Trim(), expected, StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is DnsResponseException or TimeoutException or System.Net.Sockets.SocketException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.TxtLookupFailed(claim.Domain, ex.GetType().Name);
            found = null;
        }

        // The record proves control of the domain, but another team holds it verified: this claim fails until that one lapses.
        var elsewhere = found == true && await domains.FindVerifiedDomainAsync(claim.Domain, cancellationToken).ConfigureAwait(false) is { } holder && holder.TeamId != claim.TeamId;
        if (elsewhere)
        {
            found = false;
        }

        var next = writer.Time.GetUtcNow() + options.Value.TeamSso.DomainRecheckInterval;
        var recorded = actor is { } member
            ? await writer.RunOnTeamAsync(member, claim.TeamId, Permissions.TeamSignInPolicy, "CheckTeamDomain", team => team.RecordDomainCheck(claim.Id, found, next), cancellationToken).ConfigureAwait(false)
            : await writer.RunOnTeamAsHostAsync(claim.TeamId, "CheckTeamDomain", team => team.RecordDomainCheck(claim.Id, found, next), cancellationToken).ConfigureAwait(false);
        if (recorded.Succeeded && (elsewhere || (found is null && actor is not null)))
        {
            // Told to the guardian who asked: the domain is another team's, or the lookup did not answer (state unchanged).
            return Result<StoredTeamDomain>.Failed(elsewhere ? TeamAccessErrorCode.DomainVerifiedElsewhere : TeamAccessErrorCode.DomainCheckUnavailable);
        }

        return recorded;
    }
}
