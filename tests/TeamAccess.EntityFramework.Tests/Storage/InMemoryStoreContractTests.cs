namespace TeamAccess.EntityFramework.Tests;

/// <summary>The reference: the contract as the in-memory store keeps it.</summary>
public sealed class InMemoryStoreContractTests : StoreContractTests
{
    private protected override Task<StoreBed> CreateBedAsync() => StoreBed.CreateAsync(_ => { });
}
