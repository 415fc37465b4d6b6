using Microsoft.Data.Sqlite;
using TeamAccess.AspNetCore.UI;

namespace TeamAccess.Samples.Portal;

/// <summary>A device of a team, as the portal's own table holds it.</summary>
/// <param name="Id">The id grants name, such as <c>device-42</c>.</param>
/// <param name="Name">What people call it.</param>
public sealed record Device(string Id, string Name);

/// <summary>
/// The portal's own devices: a small table (<c>portal_devices</c>) beside TeamAccess's tables in the portal's SQLite
/// database, and the <see cref="ITeamResourceCatalog"/> over it, so that the Groups page grants real devices picked by
/// name instead of typed ids. TeamAccess knows nothing of it: a grant names a device by id, and the Devices page shows a
/// device only to someone the permission index lets read it. A team starts with the sample's four devices.
/// </summary>
public sealed class DeviceTable(string connectionString) : ITeamResourceCatalog
{
    /// <summary>The longest device id or name.</summary>
    public const int MaxLength = 80;

    /// <summary>The devices every team starts with.</summary>
    public static IReadOnlyList<Device> Starter { get; } =
    [
        new("device-7", "Loading dock camera"),
        new("device-17", "Boiler room sensor"),
        new("device-42", "Line 2 robot arm"),
        new("device-99", "Cold store thermostat"),
    ];

    /// <summary>Creates the table when it does not exist yet.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS portal_devices (team_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (team_id, id))";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Lists a team's devices by id (one query, served by the primary key); a team with none gets the starter devices first.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The devices.</returns>
    public async Task<IReadOnlyList<Device>> DevicesAsync(TeamId teamId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var devices = await ReadAsync(connection, teamId, cancellationToken);
        if (devices.Count > 0)
        {
            return devices;
        }

        foreach (var device in Starter)
        {
            await InsertAsync(connection, teamId, device, cancellationToken);
        }

        return await ReadAsync(connection, teamId, cancellationToken);
    }

    /// <summary>Adds a device to a team.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="device">The device.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the team already has a device with that id.</returns>
    public async Task<bool> AddAsync(TeamId teamId, Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        await DevicesAsync(teamId, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await InsertAsync(connection, teamId, device, cancellationToken) == 1;
    }

    /// <inheritdoc />
    async ValueTask<IReadOnlyList<TeamResource>> ITeamResourceCatalog.ListAsync(TeamId teamId, CancellationToken cancellationToken) =>
        [.. (await DevicesAsync(teamId, cancellationToken)).OrderBy(d => d.Name, StringComparer.CurrentCulture).Select(d => new TeamResource(d.Id, d.Name))];

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<List<Device>> ReadAsync(SqliteConnection connection, TeamId teamId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name FROM portal_devices WHERE team_id = $team ORDER BY id";
        command.Parameters.AddWithValue("$team", teamId.Value.ToString("N"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<Device>();
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new Device(reader.GetString(0), reader.GetString(1)));
        }

        return devices;
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, TeamId teamId, Device device, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO portal_devices (team_id, id, name) VALUES ($team, $id, $name)";
        command.Parameters.AddWithValue("$team", teamId.Value.ToString("N"));
        command.Parameters.AddWithValue("$id", device.Id);
        command.Parameters.AddWithValue("$name", device.Name);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
