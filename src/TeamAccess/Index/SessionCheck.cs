namespace TeamAccess.Index;

/// <summary>What the index alone can say of a session.</summary>
internal enum SessionCheck
{
    /// <summary>The index cannot confirm it (it may be behind): the store decides.</summary>
    Unknown = 0,

    /// <summary>The index holds the session's membership, Active, with its stamp, in an Active team.</summary>
    Valid = 1,
}
