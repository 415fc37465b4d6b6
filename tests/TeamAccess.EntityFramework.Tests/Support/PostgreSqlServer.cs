using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// A PostgreSQL server for the tests: the one that TEAMACCESS_POSTGRES_CONNECTION names, or else a throwaway server
/// started from the installed binaries (initdb into a temporary folder, loopback only, trust authentication, a socket
/// in that folder), stopped and deleted when the test run ends. Each test gets a database of its own.
/// When neither is available the PostgreSQL tests skip with the reason, except under CI (CI set), where they fail.
/// </summary>
internal sealed partial class PostgreSqlServer
{
    public const string ConnectionVariable = "TEAMACCESS_POSTGRES_CONNECTION";

    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync);
    private readonly string _adminConnection;

    private PostgreSqlServer(string adminConnection) => _adminConnection = adminConnection;

    /// <summary>Gets whether the tests run under CI, where a missing server is a failure, not a skip.</summary>
    public static bool IsCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Gets why no server can be had, or <see langword="null"/> when one can.</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

    /// <summary>The server of this process, started on first use; fails when <see cref="UnavailableReason"/> is set.</summary>
    public static Task<PostgreSqlServer> SharedAsync() => Shared.Value;

    /// <summary>A server only one test uses, which it may stop and start.</summary>
    internal sealed class PrivateServer(LocalServer server)
    {
        public string AdminConnection => server.AdminConnection;

        public Task StopAsync() => server.RunPgCtlAsync("stop", "-m", "fast", "-w");

        public Task StartAsync() => server.RunPgCtlAsync("start", "-w", "-t", "60", "-l", server.LogFile, "-o", server.Options);

        public void Dispose() => server.StopAndDelete();
    }

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<(string ConnectionString, Func<ValueTask> Drop)> CreateDatabaseAsync()
    {
        var name = $"teamaccess_{Guid.NewGuid():N}";
        await ExecuteAsync(_adminConnection, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name, MaxPoolSize = 64 }.ConnectionString;
        return (connection, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_adminConnection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindUnavailableReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable)))
        {
            return null;
        }

        if (FindBinaries() is null)
        {
            return $"PostgreSQL not found: no initdb on PATH or under /usr/lib/postgresql, and {ConnectionVariable} is not set.";
        }

        if (IsRoot && !UserExists("postgres"))
        {
            return "PostgreSQL's initdb refuses to run as root, and there is no 'postgres' user to run it as.";
        }

        return null;
    }

    private static async Task<PostgreSqlServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return new PostgreSqlServer(configured);
        }

        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(IsCI ? $"CI is set, so the PostgreSQL tests must run: {reason}" : reason);
        }

        var server = await LocalServer.StartAsync(FindBinaries()!);
        return new PostgreSqlServer(server.AdminConnection);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));

    private static string? FindBinaries()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return path.Concat(installed).FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    /// <summary>A server this test run started, and stops and deletes when the process exits.</summary>
    internal sealed class LocalServer
    {
        private readonly string _bin;
        private readonly string _root;

        private LocalServer(string bin, string root, int port)
        {
            _bin = bin;
            _root = root;
            AdminConnection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Timeout=30;Command Timeout=60";
        }

        public string AdminConnection { get; }

        private string Data => Path.Combine(_root, "data");

        public string LogFile => Path.Combine(_root, "server.log");

        public static async Task<LocalServer> StartAsync(string bin)
        {
            var root = Directory.CreateTempSubdirectory("teamaccess-pg-").FullName;
            try
            {
                if (IsRoot)
                {
                    // initdb and postgres refuse root: the folder is handed to the postgres user, who runs them.
                    await RunAsync("chown", ["postgres:", root], asPostgres: false);
                }

                await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], IsRoot);
                for (var attempt = 1; ; attempt++)
                {
                    var server = new LocalServer(bin, root, FreePort());
                    try
                    {
                        await server.RunPgCtlAsync("start", "-w", "-t", "60", "-l", Path.Combine(root, "server.log"), "-o", server.Options);
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAndDelete();
                        return server;
                    }
                    catch (InvalidOperationException) when (attempt < 3)
                    {
                        // The free port was taken between choosing it and binding it: choose again.
                    }
                }
            }
            catch
            {
                TryDelete(root);
                throw;
            }
        }

        // Loopback only, socket in the temporary folder, durability off: the data is thrown away anyway.
        public string Options =>
            $"-h 127.0.0.1 -p {new NpgsqlConnectionStringBuilder(AdminConnection).Port} -k {_root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

        public void StopAndDelete()
        {
            try
            {
                // No waiting: the postmaster was started from this process, which cannot reap it while it is exiting,
                // so pg_ctl would wait for a zombie. An immediate stop takes a moment; the deletion retries meanwhile.
                RunPgCtlAsync("stop", "-m", "immediate", "-W").GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped (a test that stopped its own server, or an earlier call).
            }
            finally
            {
                TryDelete(_root);
            }
        }

        public Task RunPgCtlAsync(params string[] arguments) =>
            RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, .. arguments], IsRoot);

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
        {
            var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (asPostgres)
            {
                foreach (var a in new[] { "-u", "postgres", "--", program })
                {
                    start.ArgumentList.Add(a);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
            }
        }

        private static void TryDelete(string folder)
        {
            // The server may still be closing its files for a moment after pg_ctl returns: try a few times.
            for (var attempt = 0; attempt < 50 && Directory.Exists(folder); attempt++)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Thread.Sleep(100);
                }
            }
        }
    }
}
