using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The shape of a bulk-seeded database: <paramref name="Teams"/> teams of <paramref name="MembersPerTeam"/> Active
/// members each (one Owner, the rest Members, each its own user with one external login), plus per team one Removed membership of history, one
/// pending invitation with its secret, one group of two members, one grant to that group, one audit event per row and one
/// change-feed entry. <paramref name="LargeTeamMembers"/> adds one more team of that many members (handle <c>bulk-large</c>).
/// </summary>
internal sealed record SeedShape(int Teams, int MembersPerTeam, int LargeTeamMembers = 0)
{
    /// <summary>Gets the Active memberships the shape makes (history and invitations not counted).</summary>
    public long ActiveMemberships => ((long)Teams * MembersPerTeam) + LargeTeamMembers;
}

/// <summary>What a bulk seed wrote, and how long it took.</summary>
internal sealed record SeedSummary(long Rows, TimeSpan Elapsed);

/// <summary>
/// Writes a large TeamAccess database directly, bypassing the services: binary COPY on PostgreSQL, one transaction of
/// prepared inserts on SQLite. Tables, columns and value conversions come from the EF Core model, so the rows are exactly
/// what the store would have written; every team is valid (an Active Owner, consistent groups and grants) and loads.
/// Ids are derived from (kind, team, index), so each table is generated in one streaming pass without holding the others.
/// </summary>
internal static class BulkSeeder
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the handle of the team of <see cref="SeedShape.LargeTeamMembers"/> members.</summary>
    public const string LargeTeamHandle = "bulk-large";

    /// <summary>The team id of seeded team <paramref name="team"/> (the large team is index <c>shape.Teams</c>).</summary>
    public static TeamId TeamIdOf(int team) => new(Id(Kind.Team, team, 0));

    /// <summary>The user of member <paramref name="member"/> of seeded team <paramref name="team"/> (member 0 is the Owner).</summary>
    public static UserId UserIdOf(int team, int member) => new(Id(Kind.User, team, member));

    /// <summary>The membership of member <paramref name="member"/> of seeded team <paramref name="team"/>.</summary>
    public static MembershipId MembershipIdOf(int team, int member) => new(Id(Kind.Membership, team, member));

    /// <summary>Seeds an empty TeamAccess schema that <paramref name="context"/> reaches (created, no rows).</summary>
    public static async Task<SeedSummary> SeedAsync(DbContext context, SeedShape shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(shape);
        var clock = Stopwatch.StartNew();
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            long rows = 0;
            if (connection is NpgsqlConnection npgsql)
            {
                foreach (var (type, source) in Tables(shape))
                {
                    rows += await CopyAsync(npgsql, context.Model.FindEntityType(type)!, source, cancellationToken);
                }

                await using var analyze = new NpgsqlCommand("ANALYZE", npgsql);
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                foreach (var (type, source) in Tables(shape))
                {
                    rows += await InsertAsync(connection, transaction, context.Model.FindEntityType(type)!, source, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "ANALYZE";
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            return new SeedSummary(rows, clock.Elapsed);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static IEnumerable<(Type Type, IEnumerable<object> Rows)> Tables(SeedShape shape)
    {
        yield return (typeof(UserRow), Users(shape));
        yield return (typeof(UserLoginRow), Logins(shape));
        yield return (typeof(TeamRow), Teams(shape));
        yield return (typeof(MembershipRow), Memberships(shape));
        yield return (typeof(InvitationSecretRow), Secrets(shape));
        yield return (typeof(GroupRow), Groups(shape));
        yield return (typeof(GroupMemberRow), GroupMembers(shape));
        yield return (typeof(GrantRow), Grants(shape));
        yield return (typeof(AuditEventRow), AuditEvents(shape));
        yield return (typeof(ChangeFeedRow), Feed(shape));
    }

    private static int SizeOf(SeedShape shape, int team) => team < shape.Teams ? shape.MembersPerTeam : shape.LargeTeamMembers;

    private static IEnumerable<int> AllTeams(SeedShape shape) => Enumerable.Range(0, shape.Teams + (shape.LargeTeamMembers > 0 ? 1 : 0));

    private static string Email(int team, int member) => $"u{team}-{member}@bulk.example";

    private static string Handle(SeedShape shape, int team) => team < shape.Teams ? $"bulk-{team}" : LargeTeamHandle;

    private static IEnumerable<object> Users(SeedShape shape)
    {
        foreach (var team in AllTeams(shape))
        {
            for (var member = 0; member < SizeOf(shape, team); member++)
            {
                yield return new UserRow
                {
                    Id = Id(Kind.User, team, member),
                    Email = Email(team, member),
                    FirstName = $"First{member}",
                    LastName = $"Last{team}",
                    CreatedAt = Epoch,
                    ConcurrencyStamp = Id(Kind.Stamp, team, member),
                    EmailConfirmed = true,
                };
            }
        }
    }

    private static IEnumerable<object> Logins(SeedShape shape)
    {
        foreach (var team in AllTeams(shape))
        {
            for (var member = 0; member < SizeOf(shape, team); member++)
            {
                yield return new UserLoginRow { Issuer = "https://id.bulk.example", Subject = $"u{team}-{member}", UserId = Id(Kind.User, team, member), Provider = "bulk" };
            }
        }
    }

    private static IEnumerable<object> Teams(SeedShape shape) =>
        AllTeams(shape).Select(team => (object)new TeamRow
        {
            Id = Id(Kind.Team, team, 0),
            Name = $"Bulk team {team}",
            Handle = Handle(shape, team),
            Tier = TeamTier.Free,
            Status = TeamStatus.Active,
            CreatedAt = Epoch,
            Version = 1,
        });

    private static IEnumerable<object> Memberships(SeedShape shape)
    {
        foreach (var team in AllTeams(shape))
        {
            var owner = Id(Kind.User, team, 0);
            for (var member = 0; member < SizeOf(shape, team); member++)
            {
                yield return Membership(team, member, Id(Kind.User, team, member), Email(team, member), member == 0 ? RolePresets.Owner : RolePresets.Member, MembershipStatus.Active, owner);
            }

            // History a write must not pay for, and a pending invitation with its secret.
            yield return Membership(team, -1, Id(Kind.User, team, -1), $"gone{team}@bulk.example", RolePresets.Member, MembershipStatus.Removed, owner);
            var invited = Membership(team, -2, null, $"invited{team}@bulk.example", RolePresets.Member, MembershipStatus.Invited, owner);
            invited.InvitationExpiresAt = Epoch.AddDays(3650);
            invited.InvitationLastSentAt = Epoch;
            invited.InvitationSendCount = 1;
            invited.InvitationLifetimeTicks = TimeSpan.FromDays(3650).Ticks;
            yield return invited;
        }
    }

    private static MembershipRow Membership(int team, int member, Guid? user, string email, string role, MembershipStatus status, Guid owner) => new()
    {
        Id = Id(Kind.Membership, team, member),
        TeamId = Id(Kind.Team, team, 0),
        UserId = user,
        Email = email,
        Role = role,
        Status = status,
        CreatedAt = Epoch,
        SecurityStamp = Id(Kind.Stamp, team, member),
        CreatedBy = owner,
        UpdatedAt = Epoch,
    };

    private static IEnumerable<object> Secrets(SeedShape shape) =>
        AllTeams(shape).Select(team => (object)new InvitationSecretRow
        {
            MembershipId = Id(Kind.Membership, team, -2),
            TeamId = Id(Kind.Team, team, 0),
            TokenHash = $"token-hash-{team}",
            CodeHash = $"code-hash-{team}",
            CodeSalt = $"code-salt-{team}",
        });

    private static IEnumerable<object> Groups(SeedShape shape) =>
        AllTeams(shape).Select(team => (object)new GroupRow { Id = Id(Kind.Group, team, 0), TeamId = Id(Kind.Team, team, 0), Name = "Crew", Handle = "crew" });

    private static IEnumerable<object> GroupMembers(SeedShape shape)
    {
        foreach (var team in AllTeams(shape))
        {
            for (var member = 0; member < Math.Min(2, SizeOf(shape, team)); member++)
            {
                yield return new GroupMemberRow { GroupId = Id(Kind.Group, team, 0), MembershipId = Id(Kind.Membership, team, member), TeamId = Id(Kind.Team, team, 0) };
            }
        }
    }

    private static IEnumerable<object> Grants(SeedShape shape) =>
        AllTeams(shape).Select(team => (object)new GrantRow
        {
            Id = Id(Kind.Grant, team, 0),
            TeamId = Id(Kind.Team, team, 0),
            SubjectKind = GrantSubjectKind.Group,
            SubjectId = Id(Kind.Group, team, 0),
            ResourceId = $"resource-{team}",
            Permissions = "members.read",
            GrantedBy = Id(Kind.User, team, 0),
        });

    private static IEnumerable<object> AuditEvents(SeedShape shape)
    {
        foreach (var team in AllTeams(shape))
        {
            var teamId = Id(Kind.Team, team, 0);
            var owner = Id(Kind.User, team, 0);
            for (var member = -2; member < SizeOf(shape, team); member++)
            {
                yield return new AuditEventRow
                {
                    OccurredAt = Epoch,
                    ActorId = owner,
                    TeamId = teamId,
                    SubjectKind = AuditSubjectKind.Membership,
                    SubjectId = Id(Kind.Membership, team, member),
                    Action = AuditActions.MembershipAdded,
                };
            }
        }
    }

    private static IEnumerable<object> Feed(SeedShape shape) =>
        AllTeams(shape).Select(team => (object)new ChangeFeedRow { TeamId = Id(Kind.Team, team, 0), TeamVersion = 1 });

    private static async Task<long> CopyAsync(NpgsqlConnection connection, IEntityType entity, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var columns = Columns(entity);
        var copy = $"COPY {entity.GetTableName()} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        await writer.WriteAsync(value, cancellationToken);
                    }
                    else
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                }

                count++;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return count;
    }

    private static async Task<long> InsertAsync(DbConnection connection, DbTransaction transaction, IEntityType entity, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var columns = Columns(entity);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {entity.GetTableName()} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>The columns the seeder writes (all but the database-generated sequence), with provider values.</summary>
    private static List<Column> Columns(IEntityType entity) =>
        [.. entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || !p.IsKey())
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var property = p.PropertyInfo!;
                var converter = mapping.Converter;
                return new Column(p.GetColumnName(), mapping, row =>
                {
                    var value = property.GetValue(row);
                    return value is null || converter is null ? value : converter.ConvertToProvider(value);
                });
            })];

    private static Guid Id(Kind kind, int team, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        BitConverter.TryWriteBytes(bytes[..4], team);
        BitConverter.TryWriteBytes(bytes[4..8], index);
        bytes[8] = (byte)kind;
        bytes[15] = 0x5E;
        return new Guid(bytes);
    }

    private enum Kind : byte
    {
        User = 1,
        Team,
        Membership,
        Group,
        Grant,
        Stamp,
    }

    private sealed record Column(string Name, Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping Mapping, Func<object, object?> Value);
}
