using TeamAccess.Hosting;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>Event delivery on one in-memory store instance shared by the hosts.</summary>
public sealed class InMemoryEventDeliveryTests : EventDeliveryTests
{
    internal override Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync() =>
        new InMemoryMultiHostTests().CreateStoreAsync();
}

/// <summary>Event delivery on one SQLite file: polling alone.</summary>
public sealed class SqliteEventDeliveryTests : EventDeliveryTests
{
    internal override Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync() =>
        new SqliteMultiHostTests().CreateStoreAsync();
}

/// <summary>Event delivery on one PostgreSQL database, woken through the change-feed follower's LISTEN/NOTIFY.</summary>
public sealed class PostgreSqlEventDeliveryTests : EventDeliveryTests
{
    internal override Task<(Action<TeamAccessBuilder> Storage, Func<ValueTask> Drop)> CreateStoreAsync() =>
        new PostgreSqlMultiHostTests().CreateStoreAsync();
}
