namespace TeamAccess.Domain;

/// <summary>
/// What one committed write changed in a team, told to the permission index so that it can patch the index of the
/// team's previous version instead of rebuilding it: the memberships the write put, each as it was in the previous
/// version and as it is now. The write path makes one only when the write changed nothing else the index reads (not the
/// team, its groups or its grants), and only for a snapshot whose version is the loaded one plus one, so the "before"
/// side is exactly what the index of version - 1 was compiled from.
/// </summary>
internal sealed class IndexDelta(IReadOnlyList<IndexDelta.MembershipChange> memberships)
{
    public IReadOnlyList<MembershipChange> Memberships { get; } = memberships;

    /// <summary>One membership the write put: <paramref name="Before"/> is <see langword="null"/> when the write added it.</summary>
    internal readonly record struct MembershipChange(StoredMembership? Before, StoredMembership After);
}
