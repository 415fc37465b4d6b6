namespace TeamAccess;

/// <summary>Identifies a membership; a distinct type so that it can never be passed where another kind of id is expected.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct MembershipId(Guid Value) : IComparable<MembershipId>
{
    /// <inheritdoc />
    public int CompareTo(MembershipId other) => Value.CompareTo(other.Value);

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>Whether left sorts before right.</returns>
    public static bool operator <(MembershipId left, MembershipId right) => left.CompareTo(right) < 0;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>Whether left sorts after right.</returns>
    public static bool operator >(MembershipId left, MembershipId right) => left.CompareTo(right) > 0;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>Whether left sorts before or equal to right.</returns>
    public static bool operator <=(MembershipId left, MembershipId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two ids.</summary>
    /// <param name="left">The left id.</param>
    /// <param name="right">The right id.</param>
    /// <returns>Whether left sorts after or equal to right.</returns>
    public static bool operator >=(MembershipId left, MembershipId right) => left.CompareTo(right) >= 0;

    /// <summary>Creates a new random id.</summary>
    /// <returns>The new id.</returns>
    public static MembershipId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
