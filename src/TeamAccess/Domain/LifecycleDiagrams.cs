namespace TeamAccess.Domain;

/// <summary>The lifecycles' graphs in Mermaid, drawn from the state machines themselves so the docs cannot drift from the code.</summary>
internal static class LifecycleDiagrams
{
    /// <summary>The membership lifecycle (Invited, Active, Inactive, Removed, Expired).</summary>
    /// <returns>A Mermaid <c>stateDiagram-v2</c>.</returns>
    public static string Membership() => TeamAggregate.MembershipLifecycle.ToMermaid();

    /// <summary>The team lifecycle (tiers under Active, and Deleted).</summary>
    /// <returns>A Mermaid <c>stateDiagram-v2</c>.</returns>
    public static string Team() => TeamAggregate.TeamLifecycle.ToMermaid();

    /// <summary>The ownership offer of a team (None, Open), with the codes its guards stand for.</summary>
    /// <returns>A Mermaid <c>stateDiagram-v2</c>.</returns>
    public static string OwnershipOffer() => TeamAggregate.OwnershipOfferLifecycle.ToMermaid();
}
