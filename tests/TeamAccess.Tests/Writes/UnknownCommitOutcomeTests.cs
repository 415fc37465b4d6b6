using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamAccess.Accounts;
using TeamAccess.Members;

namespace TeamAccess.Tests;

/// <summary>A commit that lands but whose caller sees a failure (cancelled or broken right after COMMIT).</summary>
public sealed class UnknownCommitOutcomeTests
{
    [Fact]
    public async Task Write_CommittedThenCancelledBeforeTheAnswer_RefreshesThatTeamInTheIndexFromTheStore()
    {
        var store = new InMemoryTeamAccessStore();
        var flaky = new CommitThenFail(store);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(store);
        services.AddSingleton<IChangeStore>(flaky);
        services.AddTeamAccess().AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<IUserService>();
        var members = provider.GetRequiredService<IMemberService>();
        var access = provider.GetRequiredService<IAccessChecker>();
        var owner = (await users.SignUpAsync(new SignUpRequest("ada@example.com", "Ada", "Lovelace", "Lab", "ada-lab") { Password = "correct horse battery staple" })).Value!;
        var grace = (await users.SignUpAsync(new SignUpRequest("grace@example.com", "Grace", "Hopper", "Grace's lab", "grace-lab") { Password = "correct horse battery staple" })).Value!;

        flaky.FailAfterCommit = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await members.AddAsHostAsync(owner.Team.Id, grace.User.Id, RolePresets.Administrator));

        Assert.NotNull((await store.LoadAsync(owner.Team.Id, CancellationToken.None))!.FindCurrentMembership(grace.User.Id));
        Assert.True(access.HasPermission(grace.User.Id, owner.Team.Id, Permissions.MembersInvite));
    }

    private sealed class CommitThenFail(InMemoryTeamAccessStore inner) : IChangeStore
    {
        public bool FailAfterCommit { get; set; }

        public async ValueTask<Result<long>> CommitAsync(ChangeSet changes, CancellationToken cancellationToken)
        {
            var committed = await inner.CommitAsync(changes, cancellationToken);
            if (FailAfterCommit)
            {
                throw new OperationCanceledException("The connection dropped after COMMIT.");
            }

            return committed;
        }
    }
}
