namespace TeamAccess;

/// <summary>A resource on which grants give a user a permission, and how they reach the user.</summary>
public sealed record ResourceReach
{
    /// <summary>Initializes a new instance of the <see cref="ResourceReach"/> record.</summary>
    /// <param name="resourceId">The host's resource id.</param>
    /// <param name="via">Whether a grant to the membership itself, one to one of its groups, or both give it.</param>
    internal ResourceReach(string resourceId, AccessPaths via)
    {
        ResourceId = resourceId;
        Via = via;
    }

    /// <summary>Gets the host's resource id.</summary>
    public string ResourceId { get; internal init; }

    /// <summary>Gets whether a grant to the membership itself, one to one of its groups, or both give it.</summary>
    public AccessPaths Via { get; internal init; }
}
