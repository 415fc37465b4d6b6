using TeamAccess.Domain;

namespace TeamAccess;

/// <summary>Queries on <see cref="MembershipStatus"/>.</summary>
public static class MembershipStatusExtensions
{
    // Read off the lifecycle's machine once: the statuses whose states take no trigger.
    private static readonly bool[] Terminal = Enum.GetValues<MembershipStatus>()
        .Select(s => TeamAggregate.MembershipLifecycle.TerminalStatuses.Contains(s))
        .ToArray();

    /// <summary>Tells whether the status is terminal (Removed or Expired): the lifecycle's machine takes no trigger in it.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when no transition leaves the status.</returns>
    public static bool IsTerminal(this MembershipStatus status) => (uint)status < (uint)Terminal.Length && Terminal[(int)status];
}
