namespace TeamAccess.EntityFramework.Tests;

internal sealed partial class PostgreSqlServer
{
    /// <summary>Skips the calling test (visibly) when there is no server and the run is not CI; under CI it goes on and fails.</summary>
    public static Task<PostgreSqlServer> GetAsync()
    {
        Skip.If(UnavailableReason is not null && !IsCI, UnavailableReason);
        return SharedAsync();
    }
}
