using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace TeamAccess.EntityFramework.PostgreSql;

/// <summary>
/// The bulk path of a large commit on PostgreSQL (an import's batch): new rows go in by binary <c>COPY</c> on the
/// commit's own connection and transaction, one stream per table, instead of one INSERT per row through the change
/// tracker. The columns and their conversions come from the EF Core model, so the rows are the ones EF Core would write.
/// </summary>
internal static class PostgreSqlBulkInsert
{
    /// <summary>Inserts the rows, all of one entity type, in order.</summary>
    public static async Task CopyAsync(DbContext context, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = context.Model.FindEntityType(rows[0].GetType()) ?? throw new InvalidOperationException($"{rows[0].GetType().Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // An identity column (the audit sequence) is left to the database, which numbers the rows in the order copied.
        var columns = entity.GetProperties().Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long))).Select(p => new Column(p, table)).ToArray();
        var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in columns)
                {
                    if (column.ValueOf(row) is { } value)
                    {
                        await importer.WriteAsync(value, column.Type, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last value the table's identity column gave out on this connection (the last row copied).</summary>
    public static async Task<long> LastIdentityAsync(DbContext context, Type rowType, CancellationToken cancellationToken)
    {
        var entity = context.Model.FindEntityType(rowType)!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties[0].GetColumnName(table)!;
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var command = new NpgsqlCommand("SELECT currval(pg_get_serial_sequence(@table, @column))", connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("table", Quote(table));
            command.Parameters.AddWithValue("column", key);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static string Quote(StoreObjectIdentifier table) =>
        table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Column(IProperty property, StoreObjectIdentifier table)
    {
        private readonly Func<object, object?> _get = property.GetGetter().GetClrValue;
        private readonly Func<object?, object?>? _convert = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = property.GetColumnName(table)!;

        public NpgsqlDbType Type { get; } = TypeOf(property.GetColumnType(table));

        public object? ValueOf(object row)
        {
            var value = _get(row);
            if (value is not null && _convert is not null)
            {
                value = _convert(value);
            }

            // timestamptz takes UTC only.
            return value is DateTimeOffset at ? at.ToUniversalTime() : value;
        }

        private static NpgsqlDbType TypeOf(string storeType)
        {
            var paren = storeType.IndexOf('(', StringComparison.Ordinal);
            return (paren < 0 ? storeType : storeType[..paren]).Trim() switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "text" => NpgsqlDbType.Text,
                "character varying" => NpgsqlDbType.Varchar,
                "bigint" => NpgsqlDbType.Bigint,
                "integer" => NpgsqlDbType.Integer,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "bytea" => NpgsqlDbType.Bytea,
                var other => throw new NotSupportedException($"The bulk path has no mapping for the column type {other}."),
            };
        }
    }
}
