using Microsoft.Data.Sqlite;

namespace TeamAccess.EntityFramework.Tests;

/// <summary>Drops a test's SQLite database file and its folder.</summary>
internal static class SqliteFiles
{
    /// <summary>
    /// Closes the pooled connections of this one database (not every pool: test classes run in parallel, and clearing
    /// all pools disposes handles another test is opening) and deletes the folder that holds the file.
    /// </summary>
    /// <param name="connectionString">The database's connection string, exactly as the test's store used it.</param>
    public static void Drop(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!;
        Directory.Delete(folder, recursive: true);
    }
}
