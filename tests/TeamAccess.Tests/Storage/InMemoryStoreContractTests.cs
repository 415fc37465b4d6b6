namespace TeamAccess.Tests;

/// <summary>The reference: the contract as the in-memory store keeps it.</summary>
public sealed class InMemoryStoreContractTests : ChangeSetContractTests
{
    protected override Task<StoreBed> CreateBedAsync() => StoreBed.CreateAsync(builder => builder.AddInMemoryStores());
}
