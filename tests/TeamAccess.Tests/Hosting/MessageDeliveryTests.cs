using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TeamAccess.Accounts;
using TeamAccess.Hosting;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L3: with <see cref="MailOptions.DeliverInBackground"/> an anonymous form's message goes to the
/// sender after the call has answered, so no mail server's time shows in the answer; a message is never dropped.
/// </summary>
public sealed class MessageDeliveryTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Inline_ByDefault_TheMessageIsHandedOverBeforeTheCallAnswers()
    {
        await using var bed = TestBed.Create();
        await SessionServiceTests.SignUpWithPasswordAsync(bed, "ada");

        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);

        Assert.Single(bed.ResetOutbox.Sent);
        Assert.False(bed.Services.GetRequiredService<MessageDelivery>().InBackground);
    }

    [Fact]
    public async Task InBackground_TheCallAnswersWhileTheSenderIsStillBusy_ThenTheLoopDelivers()
    {
        var sender = new GatedResetSender();
        await using var bed = TestBed.Create(o => o.Mail.DeliverInBackground = true, (_, _) => { }, s => s.AddSingleton<IPasswordResetSender>(sender));
        await SignUpInlineAsync(bed, "ada");
        var loop = bed.Services.GetServices<IHostedService>().OfType<MessageDeliveryLoop>().Single();
        await loop.StartAsync(CancellationToken.None);

        // The sender does not return until the gate opens: the call answering proves it did not wait for the sender.
        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        await sender.Entered.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(sender.Delivered);

        sender.Gate.SetResult();
        await sender.Done.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await loop.StopAsync(CancellationToken.None);
        var message = Assert.Single(sender.Delivered);
        Assert.Equal("ada@example.com", message.Email);
    }

    [Fact]
    public async Task InBackground_NothingIsSentUntilTheLoopRuns_AndStoppingDeliversWhatWaits()
    {
        await using var bed = TestBed.Create(o => o.Mail.DeliverInBackground = true);
        await SignUpInlineAsync(bed, "ada");
        var delivery = bed.Services.GetRequiredService<MessageDelivery>();

        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        Assert.True((await bed.Users.RequestSignUpAsync(new SignUpRequest("ada@example.com", "Eve", "E", "T", "eves-team") { Password = Password })).Succeeded);
        Assert.Empty(bed.ResetOutbox.Sent);
        Assert.Empty(bed.Activations.AccountExists);
        Assert.Equal(2, delivery.Queued);
        Assert.Equal(2, Gauges.Read(bed.Services.GetRequiredService<TeamAccessMetrics>().Meter)["teamaccess.mail.queued"]);

        var loop = bed.Services.GetServices<IHostedService>().OfType<MessageDeliveryLoop>().Single();
        await loop.StartAsync(CancellationToken.None);
        await loop.StopAsync(CancellationToken.None);

        Assert.Single(bed.ResetOutbox.Sent);
        Assert.Single(bed.Activations.AccountExists);
        Assert.Equal(0, delivery.Queued);
    }

    [Fact]
    public async Task InBackground_AFullQueue_DeliversInsideTheCallRatherThanDropping()
    {
        await using var bed = TestBed.Create(o => (o.Mail.DeliverInBackground, o.Mail.BackgroundQueueCapacity) = (true, 1));
        await SignUpInlineAsync(bed, "ada");
        await SignUpInlineAsync(bed, "bob");

        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        Assert.Empty(bed.ResetOutbox.Sent);
        Assert.True((await bed.Users.RequestPasswordResetAsync("bob@example.com")).Succeeded);

        Assert.Equal("bob@example.com", Assert.Single(bed.ResetOutbox.Sent).Email);
    }

    [Fact]
    public async Task InBackground_AFailedDelivery_IsLoggedByKindAndId_NeverWithTheToken()
    {
        await using var bed = TestBed.Create(o => o.Mail.DeliverInBackground = true);
        var ada = await SignUpInlineAsync(bed, "ada");
        bed.ResetOutbox.Fail = true;
        var loop = bed.Services.GetServices<IHostedService>().OfType<MessageDeliveryLoop>().Single();

        Assert.True((await bed.Users.RequestPasswordResetAsync("ada@example.com")).Succeeded);
        await loop.StartAsync(CancellationToken.None);
        await loop.StopAsync(CancellationToken.None);

        Assert.Contains(bed.Logs.Lines, l => l.Contains($"could not deliver the password reset of user {ada.User.Id.Value}: InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(bed.Logs.Lines, l => l.Contains("mail server is down", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_AQueueOfNoPlaces_FailsTheStart()
    {
        var services = new ServiceCollection();
        services.AddTeamAccess(o => o.Mail.BackgroundQueueCapacity = 0).AddInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamAccessOptions>>().Value);
        Assert.Contains("Mail.BackgroundQueueCapacity", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Signs a person up through another instance on the same store, whose activation goes out inline.</summary>
    private static async Task<SignUpResult> SignUpInlineAsync(TestBed bed, string name)
    {
        await using var inline = bed.Sibling();
        return await SessionServiceTests.SignUpWithPasswordAsync(inline, name);
    }

    private sealed class GatedResetSender : IPasswordResetSender
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<PasswordResetMessage> _delivered = new();

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<PasswordResetMessage> Delivered => [.. _delivered];

        public async ValueTask SendAsync(PasswordResetMessage message, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            _delivered.Enqueue(message);
            Done.TrySetResult();
        }
    }
}
