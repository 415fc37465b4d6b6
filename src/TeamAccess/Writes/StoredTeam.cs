using TeamAccess.Domain;

namespace TeamAccess.Writes;

/// <summary>A team's snapshot as a write stores it, and what the write changed for the permission index (<see langword="null"/>: rebuild).</summary>
internal readonly record struct StoredTeam(TeamSnapshot Snapshot, IndexDelta? Delta);
