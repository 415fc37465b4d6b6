namespace TeamAccess;

/// <summary>Queries on <see cref="MembershipStatus"/>.</summary>
public static class MembershipStatusExtensions
{
    /// <summary>Tells whether the status is terminal (Removed or Expired): the lifecycle's machine takes no trigger in it.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when no transition leaves the status.</returns>
    /// <remarks>
    /// Stated here, below the lifecycle, because the stores ask it too; the lifecycle tests hold it to the machine
    /// (every status, every trigger).
    /// </remarks>
    public static bool IsTerminal(this MembershipStatus status) => status is MembershipStatus.Removed or MembershipStatus.Expired;
}
