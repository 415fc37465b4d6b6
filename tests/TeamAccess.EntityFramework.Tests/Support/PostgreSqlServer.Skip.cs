namespace TeamAccess.EntityFramework.Tests;

internal sealed partial class PostgreSqlServer
{
    /// <summary>Skips the calling test (visibly) when there is no server and the run is not CI; under CI it goes on and fails.</summary>
    public static Task<PostgreSqlServer> GetAsync()
    {
        Skip.If(UnavailableReason is not null && !IsCI, UnavailableReason);
        return SharedAsync();
    }

    /// <summary>
    /// Starts a server of the test's own (not the shared one), for a test that stops and starts it again; skips like
    /// <see cref="GetAsync"/> without binaries, and is not available when the tests are pointed at a configured server.
    /// </summary>
    public static async Task<PrivateServer> StartPrivateAsync()
    {
        Skip.If(UnavailableReason is not null && !IsCI, UnavailableReason);
        Skip.If(Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } && !IsCI, $"{ConnectionVariable} is set: no local binaries to start a private server with.");
        var server = await LocalServer.StartAsync(FindBinaries() ?? throw new InvalidOperationException(UnavailableReason ?? "PostgreSQL binaries not found."));
        return new PrivateServer(server);
    }
}
