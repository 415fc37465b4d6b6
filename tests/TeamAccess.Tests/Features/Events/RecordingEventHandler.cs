using TeamAccess.Events;

namespace TeamAccess.Tests;

/// <summary>A host's handler, registered scoped through <c>AddEventHandler</c>: records into the test's recorder.</summary>
internal sealed class RecordingEventHandler(EventRecorder recorder) : ITeamAccessEventHandler
{
    public ValueTask HandleAsync(TeamAccessEvent teamAccessEvent, CancellationToken cancellationToken) =>
        recorder.RecordAsync(teamAccessEvent, cancellationToken);
}
