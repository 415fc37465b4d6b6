using TeamAccess.Import;

namespace TeamAccess.Tests;

public sealed class ImportCsvTests
{
    [Fact]
    public async Task ReadAsync_FormattedRows_ReadBackTheSame()
    {
        ImportRow[] rows =
        [
            new() { Email = "ada@example.com", FirstName = "Ada, \"the first\"", LastName = "Love\nlace", TeamHandle = "acme", Role = "Member", Groups = ["night-shift", "day-shift"], PasswordHash = "v1.pbkdf2-sha512.1000.a.b" },
            new() { Email = "bob@example.com", TeamHandle = "acme", Role = "Observer", Invite = true },
        ];
        var text = ImportCsv.Header + "\n" + string.Join("\n", rows.Select(ImportCsv.Format));

        var read = await ImportCsv.ReadAsync(new StringReader(text)).ToListAsync();

        Assert.Equal(2, read.Count);
        Assert.Equal((rows[0].FirstName, rows[0].LastName, rows[0].PasswordHash), (read[0].FirstName, read[0].LastName, read[0].PasswordHash));
        Assert.Equal(rows[0].Groups, read[0].Groups);
        Assert.Equal((rows[1].Email, rows[1].Role, true, (string?)null), (read[1].Email, read[1].Role, read[1].Invite, read[1].FirstName));
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderAndCase_AreFoundByName()
    {
        var read = Assert.Single(await ImportCsv.ReadAsync(new StringReader("Role,TEAM,Email,extra\nMember,acme,ada@example.com,ignored")).ToListAsync());

        Assert.Equal(("ada@example.com", "acme", "Member"), (read.Email, read.TeamHandle, read.Role));
    }

    [Theory]
    [InlineData("ada@example.com,acme")]
    [InlineData("ada@example.com,acme,Member,extra")]
    [InlineData("\"ada@example.com,acme,Member")]
    [InlineData("ada\"@example.com,acme,Member")]
    public async Task ReadAsync_LineThatCannotBeRead_IsAMalformedRowAndTheNextLineIsRead(string line)
    {
        var read = await ImportCsv.ReadAsync(new StringReader($"email,team,role\n{line}\nbob@example.com,acme,Member")).ToListAsync();

        Assert.True(read[0].Malformed);
        if (read.Count > 1)
        {
            Assert.Equal("bob@example.com", read[^1].Email);
        }
    }
}
