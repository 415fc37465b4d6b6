namespace TeamAccess.Tests;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(MembershipStatus.Invited, "Accept", MembershipStatus.Active)]
    [InlineData(MembershipStatus.Invited, "Resend", MembershipStatus.Invited)]
    [InlineData(MembershipStatus.Invited, "Revoke", MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Invited, "Decline", MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Invited, "Expire", MembershipStatus.Expired)]
    [InlineData(MembershipStatus.Active, "Deactivate", MembershipStatus.Inactive)]
    [InlineData(MembershipStatus.Active, "Remove", MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Active, "Leave", MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Inactive, "Reactivate", MembershipStatus.Active)]
    [InlineData(MembershipStatus.Inactive, "Remove", MembershipStatus.Removed)]
    public void TryFire_PermittedTransition_MovesToTheDesignedState(MembershipStatus from, string trigger, MembershipStatus to)
    {
        var lifecycle = new MembershipLifecycle(from, isLastActiveGuardian: false);

        Assert.True(lifecycle.TryFire(Enum.Parse<MembershipLifecycle.Trigger>(trigger)).Succeeded);
        Assert.Equal(to, lifecycle.Status);
    }

    [Theory]
    [InlineData(MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Expired)]
    public void TryFire_TerminalState_RefusesEveryTrigger(MembershipStatus terminal)
    {
        foreach (var trigger in Enum.GetValues<MembershipLifecycle.Trigger>().Where(t => t != MembershipLifecycle.Trigger.ChangeRole))
        {
            var lifecycle = new MembershipLifecycle(terminal, isLastActiveGuardian: false);
            Assert.Equal(TeamAccessErrorCode.InvalidTransition, lifecycle.TryFire(trigger).Code);
            Assert.Equal(terminal, lifecycle.Status);
        }
    }

    [Theory]
    [InlineData("Deactivate")]
    [InlineData("Remove")]
    [InlineData("Leave")]
    public void TryFire_LastActiveGuardian_IsRefusedByTheGuard(string trigger)
    {
        var lifecycle = new MembershipLifecycle(MembershipStatus.Active, isLastActiveGuardian: true);

        Assert.Equal(TeamAccessErrorCode.LastGuardian, lifecycle.TryFire(Enum.Parse<MembershipLifecycle.Trigger>(trigger)).Code);
        Assert.Equal(MembershipStatus.Active, lifecycle.Status);
    }

    [Fact]
    public void Diagrams_InDocs_AreTheOnesTheMachinesDraw()
    {
        // Regenerate with: TEAMACCESS_UPDATE_DOCS=1 dotnet test --filter Diagrams_InDocs
        var expected = "# Lifecycles\n\nDrawn by `LifecycleDiagrams` from the Stateless machines themselves; a test fails when this file and the code disagree.\n\n"
            + "## Membership\n\n```mermaid\n" + LifecycleDiagrams.Membership().Trim() + "\n```\n\n"
            + "## Team\n\n```mermaid\n" + LifecycleDiagrams.Team().Trim() + "\n```\n";
        var path = Path.Combine(FindRepoRoot(), "docs", "lifecycles.md");
        if (Environment.GetEnvironmentVariable("TEAMACCESS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
        Assert.Contains("Invited --> Active : Accept", expected, StringComparison.Ordinal);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeamAccess.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TeamAccess.sln not found above the test output.");
    }
}
