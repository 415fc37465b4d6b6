namespace TeamAccess.Benchmarks;

/// <summary>Measures the bytes the index keeps per membership: the managed heap with and without a built index.</summary>
internal static class IndexMemory
{
    public static void Report(int memberships)
    {
        var data = IndexData.Create(memberships);
        var before = Settle();
        var engine = data.BuildEngine();
        var after = Settle();
        GC.KeepAlive(engine);
        GC.KeepAlive(data);
        Console.WriteLine($"Index of {memberships:N0} memberships in {data.Teams.Count:N0} teams: {after - before:N0} bytes retained, {(after - before) / (double)memberships:F1} bytes per membership.");
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
