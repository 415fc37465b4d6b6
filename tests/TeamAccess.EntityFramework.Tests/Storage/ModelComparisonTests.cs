using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>
/// The model is the same on SQLite and PostgreSQL: tables, columns, nullability, maximum lengths, keys, unique indexes
/// and their filters, so nothing passes on one and fails on the other. No database is needed to compare them.
/// </summary>
public sealed class ModelComparisonTests
{
    [Fact]
    public void RelationalModels_SqliteAndPostgreSql_HaveTheSameTablesColumnsIndexesAndLengths()
    {
        var sqlite = Describe(db => db.UseSqlite("Data Source=:memory:"));
        var postgres = Describe(db => db.UseNpgsql("Host=127.0.0.1;Database=none"));

        Assert.Equal(sqlite, postgres);
        Assert.Contains("ta_memberships.ix_ta_memberships_current_user unique (team_id, user_id) where status IN (0, 1, 2)", sqlite);
        Assert.Contains("ta_users.email string(254) required", sqlite);
    }

    [Fact]
    public void Model_EveryBoundedColumnOfUserInput_NamesTheRefusalForAnOverLongValue()
    {
        using var context = Context(db => db.UseSqlite("Data Source=:memory:"));
        var unnamed = context.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.GetMaxLength() is not null && TeamAccessModelBuilderExtensions.ErrorCodeOf(p) is null).Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .ToArray();

        // The audit action is written by the core from its own constants, and hashes by the core's own hashing: never input.
        // A change-feed consumer's name is the host's constant, bounded by ChangeFeedReader before it reaches the store.
        // A try counter's key is made by the core (ids and an address's hash), bounded by ITryCounterStore.MaxKeyLength.
        // A held event's consumer is the same constant, its order key is made of ids, its error a type name the store truncates.
        // An authenticator's secret is the host protector's output for 20 random bytes, recovery codes are stored as the
        // core's hashes, and an API key's hash is the core's SHA-256 in hex: none is input. A team provider's client secret
        // is the host protector's output (of a secret the service bounds to 1,000 characters), a domain claim's challenge
        // the core's random value.
        // A passkey challenge's id hash is the core's SHA-256 and its options the core's own JSON.
        // A session record's device is the core's label from its own table (never the header), its methods the core's amr
        // constants, and its address is dropped by the core past 64 characters (SessionTokens.MaxAddressLength).
        Assert.Equal(["ApiKeyRow.Hash", "AuditEventRow.Action", "ChangeFeedCheckpointRow.Consumer", "HeldEventRow.Consumer", "HeldEventRow.LastError", "HeldEventRow.OrderKey", "InvitationSecretRow.CodeHash", "InvitationSecretRow.CodeSalt", "InvitationSecretRow.TokenHash", "PasskeyChallengeRow.IdHash", "PasskeyChallengeRow.Options", "SessionRow.Device", "SessionRow.IpAddress", "SessionRow.Methods", "TeamDomainRow.Token", "TeamProviderRow.ProtectedClientSecret", "TryCounterRow.Key", "UserRow.AuthenticatorSecret", "UserRow.EmailConfirmationHash", "UserRow.PasswordHash", "UserRow.PasswordResetTokenHash", "UserRow.RecoveryCodeHashes"], unnamed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Model_EveryUniqueIndex_NamesTheRefusalItBecomes()
    {
        using var context = Context(db => db.UseSqlite("Data Source=:memory:"));
        var indexes = context.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Where(i => i.IsUnique).ToArray();

        Assert.Equal(9, indexes.Length);
        Assert.All(indexes, i => Assert.NotNull(TeamAccessModelBuilderExtensions.ErrorCodeOf(i)));
    }

    private static TeamAccessDbContext Context(Action<DbContextOptionsBuilder> configure)
    {
        var options = new DbContextOptionsBuilder<TeamAccessDbContext>();
        configure(options);
        return new TeamAccessDbContext(options.Options);
    }

    private static List<string> Describe(Action<DbContextOptionsBuilder> configure)
    {
        using var context = Context(configure);
        var lines = new List<string>();
        foreach (var table in context.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var type = column.ProviderClrType;
                lines.Add($"{table.Name}.{column.Name} {(type == typeof(string) ? $"string({column.MaxLength})" : type.Name)} {(column.IsNullable ? "null" : "required")}");
            }

            if (table.PrimaryKey is { } key)
            {
                lines.Add($"{table.Name}.{key.Name} primary ({string.Join(", ", key.Columns.Select(c => c.Name))})");
            }

            foreach (var index in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                lines.Add($"{table.Name}.{index.Name} {(index.IsUnique ? "unique" : "index")} ({string.Join(", ", index.Columns.Select(c => c.Name))}){(index.Filter is { } filter ? $" where {filter}" : "")}");
            }

            foreach (var foreignKey in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                lines.Add($"{table.Name}.{foreignKey.Name} references {foreignKey.PrincipalTable.Name} on delete {foreignKey.OnDeleteAction}");
            }
        }

        return lines;
    }
}
