using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Hosting;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>The specification suite's host on an EF Core store, its schema made by the shipped migrations before the warm-up.</summary>
internal static class RelationalBed
{
    public static Task<StoreBed> CreateAsync(Action<TeamAccessBuilder> storage, Func<ValueTask>? dispose = null) =>
        StoreBed.CreateAsync(storage, dispose, services => services.MigrateTeamAccessDatabaseAsync());
}
