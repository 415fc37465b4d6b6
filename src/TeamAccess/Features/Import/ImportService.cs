using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamAccess.Domain;
using TeamAccess.Invitations;
using TeamAccess.Writes;

namespace TeamAccess.Import;

/// <summary>
/// The default <see cref="IImportService"/>: reads the rows in batches, checks each row, finds the batch's users in one
/// read, and runs one write per team of the batch (<see cref="TeamAggregate.Import"/>) through <see cref="TeamWriter"/>;
/// after the commits it sends the invitations, stores the checkpoint and reports the outcomes and the progress.
/// </summary>
internal sealed class ImportService(
    IUserStore users,
    IChangeFeedCheckpoints checkpoints,
    TeamWriter writer,
    TeamInvitations invitations,
    IOptions<TeamAccessOptions> options,
    ILogger<ImportService>? logger = null,
    TeamAccessTelemetry? telemetry = null) : IImportService
{
    private readonly TeamAccessTelemetry _telemetry = telemetry ?? TeamAccessTelemetry.Unregistered;

    /// <summary>The checkpoint of an import is kept beside the change feed's, under this prefix and the import's id.</summary>
    internal const string CheckpointPrefix = "teamaccess.import/";

    private readonly ILogger _logger = logger ?? NullLogger<ImportService>.Instance;

    /// <summary>The checkpoint of a host's import is kept apart from the teams' imports, under this prefix and the import's id.</summary>
    internal const string HostCheckpointPrefix = "teamaccess.import.host/";

    public IAsyncEnumerable<ImportOutcome> ImportAsync(UserId actor, ImportRequest request, IAsyncEnumerable<ImportRow> rows, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(actor, request, rows, progress, cancellationToken);

    public IAsyncEnumerable<ImportOutcome> ImportAsHostAsync(ImportRequest request, IAsyncEnumerable<ImportRow> rows, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(null, request, rows, progress, cancellationToken);

    /// <summary>One import run; <paramref name="actor"/> <see langword="null"/> is the host.</summary>
    private async IAsyncEnumerable<ImportOutcome> RunAsync(
        UserId? actor,
        ImportRequest request,
        IAsyncEnumerable<ImportRow> rows,
        IProgress<ImportProgress>? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rows);
        if (!IsValidImportId(request.ImportId))
        {
            throw new ArgumentException("An import id is 1 to 100 letters, digits, '.', '-' or '_'.", nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.BatchSize, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.BatchSize, ImportRequest.MaxBatchSize, nameof(request));

        var checkpoint = CheckpointOf(actor, request.ImportId!);
        var committed = await checkpoints.GetPositionAsync(checkpoint, cancellationToken).ConfigureAwait(false) ?? 0;
        var inviter = actor is { } id ? await users.FindByIdAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var run = new Run(actor, inviter, new ImportMeter(request, writer.Time));
        var batch = new List<(long Number, ImportRow? Row)>(request.BatchSize);
        var number = 0L;
        var reported = -1L;

        // The checkpoint moves only past outcomes the caller asked beyond: a caller that stops part-way sees the rest of
        // that batch again on a rerun (each answered as it stands then, e.g. AlreadyInvited), never loses it.
        var handedOut = committed;
        var saved = committed;
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (++number <= committed)
                {
                    run.Meter.Skip();
                    continue;
                }

                batch.Add((number, row));
                if (batch.Count < request.BatchSize)
                {
                    continue;
                }

                foreach (var outcome in await CommitBatchAsync(run, batch, cancellationToken).ConfigureAwait(false))
                {
                    yield return outcome;
                    handedOut = outcome.RowNumber;
                }

                await checkpoints.SetPositionAsync(checkpoint, saved = handedOut, cancellationToken).ConfigureAwait(false);
                batch.Clear();
                reported = Report(run, progress);
            }

            if (batch.Count > 0)
            {
                foreach (var outcome in await CommitBatchAsync(run, batch, cancellationToken).ConfigureAwait(false))
                {
                    yield return outcome;
                    handedOut = outcome.RowNumber;
                }

                await checkpoints.SetPositionAsync(checkpoint, saved = handedOut, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (handedOut > saved)
            {
                // Stopped part-way through a batch (disposed or cancelled): keep what was handed out, whatever the token says.
                await checkpoints.SetPositionAsync(checkpoint, handedOut, CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (reported != run.Meter.RowsDone)
        {
            Report(run, progress);
        }

        _logger.ImportDone(request.ImportId, actor?.ToString() ?? "the host", number, Math.Min(committed, number));
    }

    /// <summary>
    /// Where an import's progress is kept: a team member's import is theirs alone (another team's admin using the same id
    /// neither skips nor resumes it), the host's apart from every member's. The importer and the id are hashed, so the
    /// name fits a checkpoint's <see cref="ChangeFeedReader.MaxConsumerLength"/> whatever the id's length.
    /// </summary>
    internal static string CheckpointOf(UserId? actor, string importId)
    {
        var owner = actor is { } importer ? importer.Value.ToString("N") : "host";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{owner}/{importId}")));
        return (actor is null ? HostCheckpointPrefix : CheckpointPrefix) + hash;
    }

    private static bool IsValidImportId(string? id) =>
        id is { Length: > 0 and <= ImportRequest.MaxImportIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static long Report(Run run, IProgress<ImportProgress>? progress)
    {
        progress?.Report(run.Meter.Progress());
        return run.Meter.RowsDone;
    }

    /// <summary>Decides and commits one batch, one write per team; the outcomes in row order (the caller stores the checkpoint).</summary>
    private async ValueTask<IReadOnlyList<ImportOutcome>> CommitBatchAsync(Run run, List<(long Number, ImportRow? Row)> batch, CancellationToken cancellationToken)
    {
        using var span = TeamAccessTelemetry.Start("ImportBatch");
        span?.SetTag("teamaccess.import.rows", batch.Count);
        var outcomes = new List<ImportOutcome>(batch.Count);
        var byTeam = new Dictionary<string, List<ImportEntry>>(StringComparer.Ordinal);
        foreach (var (number, row) in batch)
        {
            ImportEntry? entry = null;
            var refusal = row is null ? TeamAccessErrorCode.MissingField : ImportRowCheck.Check(row, number, writer.Roles, options.Value.Passwords, out entry);

            // A team member never imports a password: only the host vouches for an address and its hash.
            if (refusal is TeamAccessErrorCode.None && entry!.PasswordHash is not null && !run.IsHost)
            {
                refusal = TeamAccessErrorCode.PasswordHashNeedsHost;
            }

            if (refusal is not TeamAccessErrorCode.None)
            {
                outcomes.Add(new ImportOutcome(number, ImportOutcomeKind.Refused, refusal, null, null, null));
                continue;
            }

            if (!byTeam.TryGetValue(entry!.TeamHandle, out var entries))
            {
                byTeam[entry.TeamHandle] = entries = [];
            }

            entries.Add(entry);
        }

        var found = await FindUsersAsync(run, byTeam.Values.SelectMany(e => e), cancellationToken).ConfigureAwait(false);
        foreach (var (handle, entries) in byTeam)
        {
            outcomes.AddRange(await CommitTeamAsync(run, handle, entries, found, cancellationToken).ConfigureAwait(false));
        }

        outcomes.Sort((a, b) => a.RowNumber.CompareTo(b.RowNumber));
        outcomes.ForEach(run.Meter.Count);
        foreach (var kind in Enum.GetValues<ImportOutcomeKind>())
        {
            var count = outcomes.Count(o => o.Kind == kind);
            if (count > 0)
            {
                _telemetry.ImportRows.Add(count, new KeyValuePair<string, object?>(TeamAccessTelemetry.Outcome, OutcomeName(kind)));
            }
        }

        return outcomes;
    }

    /// <summary>One team's rows of a batch as one write; a write the store refuses refuses each of its rows with its code.</summary>
    private async ValueTask<IReadOnlyList<ImportOutcome>> CommitTeamAsync(Run run, string handle, List<ImportEntry> entries, Dictionary<string, StoredUser> found, CancellationToken cancellationToken)
    {
        if (!run.Teams.TryGetValue(handle, out var teamId))
        {
            run.Teams[handle] = teamId = await writer.Teams.FindIdByHandleAsync(handle, cancellationToken).ConfigureAwait(false);
        }

        var decided = Result<ImportTeamBatch>.Failed(TeamAccessErrorCode.UnknownTeam);
        for (var attempt = 0; teamId is { } id; attempt++)
        {
            decided = await writer.RunAsync<ImportTeamBatch>(run.Actor, "Import", (changes, ct) => DecideAsync(changes, run.Actor, id, entries, found, ct), cancellationToken).ConfigureAwait(false);

            // Someone else created a user of the batch meanwhile: find the batch's users again and decide again.
            if (decided.Code != TeamAccessErrorCode.DuplicateEmail || attempt >= 2)
            {
                break;
            }

            foreach (var (email, user) in await FindUsersAsync(run, entries, cancellationToken).ConfigureAwait(false))
            {
                found[email] = user;
            }
        }

        if (!decided.TryGetValue(out var batch))
        {
            var code = decided.Code == TeamAccessErrorCode.NotFound ? TeamAccessErrorCode.UnknownTeam : decided.Code;
            return entries.ConvertAll(e => new ImportOutcome(e.RowNumber, ImportOutcomeKind.Refused, code, e.Email, e.TeamHandle, null));
        }

        foreach (var user in batch.CreatedUsers)
        {
            found[user.Email] = user;
        }

        // Only the attempt that committed is sent: its secrets are the stored ones.
        await invitations.SendAsync(batch.Issued, run.Inviter, cancellationToken).ConfigureAwait(false);
        return batch.Outcomes;
    }

    private async ValueTask<Result<ImportTeamBatch>> DecideAsync(ChangeSetBuilder changes, UserId? actor, TeamId teamId, List<ImportEntry> entries, Dictionary<string, StoredUser> found, CancellationToken cancellationToken)
    {
        var snapshot = await writer.Teams.LoadAsync(teamId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Result<ImportTeamBatch>.Failed(TeamAccessErrorCode.UnknownTeam);
        }

        var team = changes.Edit(snapshot);
        var authorized = actor is { } member ? team.Authorize(member, Permissions.MembersManage) : team.AuthorizeAsHost();
        if (!authorized.Succeeded)
        {
            return Result<ImportTeamBatch>.Failed(authorized.Error!);
        }

        var invitationOptions = options.Value.Invitations;
        return Result<ImportTeamBatch>.Ok(team.Import(entries, found, invitationOptions.Lifetime, invitationOptions));
    }

    /// <summary>The existing users of the rows the host adds directly; a team member's rows are all invitations and need none.</summary>
    private async ValueTask<Dictionary<string, StoredUser>> FindUsersAsync(Run run, IEnumerable<ImportEntry> entries, CancellationToken cancellationToken)
    {
        var emails = entries.Where(e => run.IsHost && !e.Invite).Select(e => e.Email).ToHashSet(StringComparer.Ordinal);
        var found = emails.Count == 0 ? [] : await users.FindByEmailsAsync(emails, cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(u => u.Email, StringComparer.Ordinal);
    }

    /// <summary>What one run of an import carries from batch to batch.</summary>
    private sealed class Run(UserId? actor, StoredUser? inviter, ImportMeter meter)
    {
        /// <summary>Gets the importing member; <see langword="null"/> for the host.</summary>
        public UserId? Actor { get; } = actor;

        public bool IsHost => Actor is null;

        public StoredUser? Inviter { get; } = inviter;

        public ImportMeter Meter { get; } = meter;

        /// <summary>Gets the team ids by handle, looked up once per run (<see langword="null"/>: no such team).</summary>
        public Dictionary<string, TeamId?> Teams { get; } = new(StringComparer.Ordinal);
    }

    private static string OutcomeName(ImportOutcomeKind kind) => kind switch
    {
        ImportOutcomeKind.Created => "created",
        ImportOutcomeKind.Updated => "updated",
        ImportOutcomeKind.Unchanged => "unchanged",
        ImportOutcomeKind.Invited => "invited",
        _ => "refused",
    };
}
