namespace TeamAccess.Tests;

/// <summary>A change feed that throws, once broken, as an unreachable database would; the head still reads.</summary>
internal sealed class BreakableFeed(IChangeFeed inner) : IChangeFeed
{
    public volatile bool Broken;

    public ValueTask<long> GetHeadAsync(CancellationToken cancellationToken) => inner.GetHeadAsync(cancellationToken);

    public ValueTask<IReadOnlyList<ChangeFeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken) =>
        Broken ? throw new InvalidOperationException("The database is unreachable.") : inner.ReadAsync(after, limit, cancellationToken);
}
