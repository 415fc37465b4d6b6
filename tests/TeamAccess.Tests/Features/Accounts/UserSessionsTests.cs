using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Accounts;

namespace TeamAccess.Tests;

/// <summary>A user's sessions (issue 24): the device label read from the user agent, and last seen recorded in batches, never per request.</summary>
public sealed class UserSessionsTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari on macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera on Linux")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("", DeviceLabel.Unknown)]
    [InlineData(null, DeviceLabel.Unknown)]
    [InlineData("something else entirely", DeviceLabel.Unknown)]
    public void DeviceLabel_FromUserAgent_NamesBrowserAndSystem(string? userAgent, string expected) =>
        Assert.Equal(expected, DeviceLabel.From(userAgent));

    [Fact]
    public async Task Validations_WriteNoLastSeenUntilTheFlush_WhichWritesOnePerSession()
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var session = (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint($"host-{owner.User.FirstName}", owner.User.Email)), owner.Team.Id)).Value!;
        var recorder = bed.Services.GetRequiredService<SessionActivityRecorder>();
        var seenAt = bed.Time.GetUtcNow();

        for (var i = 0; i < 100; i++)
        {
            Assert.True((await bed.Sessions.ValidateAsync(session.AccessToken, owner.Team.Id)).Succeeded);
        }

        Assert.Null(Assert.Single(await bed.Store.ListSessionsAsync(owner.User.Id, seenAt, CancellationToken.None)).LastSeenAt);
        Assert.Equal(1, recorder.Pending);
        await recorder.FlushAsync(CancellationToken.None);

        Assert.Equal(0, recorder.Pending);
        Assert.Equal(seenAt, Assert.Single(await bed.Store.ListSessionsAsync(owner.User.Id, seenAt, CancellationToken.None)).LastSeenAt);

        // A later use moves the time forward; the list shows a use not flushed yet beside the stored one.
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        var second = (await bed.Sessions.SignInAsync(SignInCredential.ForToken(bed.Host.Name, bed.Host.Mint($"host-{owner.User.FirstName}", owner.User.Email)), owner.Team.Id)).Value!;
        Assert.True((await bed.Sessions.ValidateAsync(session.AccessToken, owner.Team.Id)).Succeeded);
        var listed = (await bed.Sessions.ListSessionsAsync(second.AccessToken)).Value!;
        Assert.Equal(seenAt.AddMinutes(5), Assert.Single(listed, s => s.SessionId == session.Info.SessionId).LastSeenAt);
    }
}
