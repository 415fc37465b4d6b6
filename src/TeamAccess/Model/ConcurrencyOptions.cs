namespace TeamAccess;

/// <summary>How writes behave when concurrent writers change the same team.</summary>
public sealed class ConcurrencyOptions
{
    /// <summary>Gets or sets how many times a write is retried, from a fresh load, after a conflict. Default 10; 0 to 100.</summary>
    public int MaxRetries { get; set; } = 10;
}
