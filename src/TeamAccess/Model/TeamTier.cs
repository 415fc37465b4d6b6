namespace TeamAccess;

/// <summary>A team's billing tier. Upgrading keeps all data.</summary>
public enum TeamTier
{
    /// <summary>The free tier.</summary>
    Free = 0,

    /// <summary>The paid tier.</summary>
    Commercial = 1,
}
