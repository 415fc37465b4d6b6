using System.Collections.Immutable;

namespace TeamAccess;

/// <summary>What a grant is given to.</summary>
public enum GrantSubjectKind
{
    /// <summary>One membership.</summary>
    Membership = 0,

    /// <summary>Every member of a group.</summary>
    Group = 1,
}
