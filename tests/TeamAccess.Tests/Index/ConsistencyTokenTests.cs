using FsCheck;
using FsCheck.Xunit;

namespace TeamAccess.Tests;

public sealed class ConsistencyTokenTests
{
    [Property]
    public bool TryParse_OfToString_GivesTheSameToken(Guid team, PositiveInt version)
    {
        var token = new ConsistencyToken(new TeamId(team), version.Get);
        return ConsistencyToken.TryParse(token.ToString(), out var parsed) && parsed == token;
    }

    [Property]
    public bool TryParse_AnyString_NeverThrows(string? text)
    {
        _ = ConsistencyToken.TryParse(text, out _);
        return true;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e.")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e.0")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e.-1")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e.+1")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e.1")]
    [InlineData("0f8fad5bd9cb469fa16570867728950e.99999999999999999999999")]
    public void TryParse_Malformed_IsRefused(string? text) => Assert.False(ConsistencyToken.TryParse(text, out _));

    [Fact]
    public async Task Write_Result_CarriesTheTeamAndItsNewVersion()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var renamed = await bed.Teams.RenameAsync(owner.User.Id, owner.Team.Id, "Renamed");

        Assert.True(renamed.Succeeded, renamed.ToString());
        Assert.Equal(new ConsistencyToken(owner.Team.Id, (await bed.SnapshotAsync(owner.Team.Id)).Version), renamed.ConsistencyToken);
        Assert.True(await bed.Access.CatchUpAsync(renamed.ConsistencyToken!.Value));
        Assert.Null((await bed.Teams.RenameAsync(owner.User.Id, owner.Team.Id, "")).ConsistencyToken);
    }
}
