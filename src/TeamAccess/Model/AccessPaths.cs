namespace TeamAccess;

/// <summary>How a membership holds a permission; a membership may hold it in several ways at once.</summary>
[Flags]
public enum AccessPaths
{
    /// <summary>Not at all.</summary>
    None = 0,

    /// <summary>Its role holds it (on every resource, when a resource was named).</summary>
    Role = 1,

    /// <summary>A grant to the membership itself on the resource holds it.</summary>
    DirectGrant = 2,

    /// <summary>A grant to one of the membership's groups on the resource holds it.</summary>
    GroupGrant = 4,
}
