using TeamAccess.Domain;
using TeamAccess.Writes;

namespace TeamAccess.Tests;

public sealed class LifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RoleCatalog Roles = RoleCatalog.Create(new TeamAccessOptions());

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
        var (team, id) = TeamWith(from, RolePresets.Member, expired: trigger == "Expire");

        Assert.True(Fire(team, id, trigger).Succeeded);
        Assert.Equal(to, team.Current.Memberships[id].Status);
    }

    [Theory]
    [InlineData(MembershipStatus.Removed)]
    [InlineData(MembershipStatus.Expired)]
    public void TryFire_TerminalState_RefusesEveryTrigger(MembershipStatus terminal)
    {
        foreach (var trigger in Triggers.Where(t => t != "ChangeRole"))
        {
            var (team, id) = TeamWith(terminal, RolePresets.Member, expired: trigger == "Expire");
            Assert.Equal(TeamAccessErrorCode.InvalidTransition, Fire(team, id, trigger).Code);
            Assert.Equal(terminal, team.Current.Memberships[id].Status);
        }
    }

    [Theory]
    [InlineData("Deactivate")]
    [InlineData("Remove")]
    [InlineData("Leave")]
    public void TryFire_LastActiveGuardian_IsRefusedByTheGuard(string trigger)
    {
        var (team, id) = TeamWith(MembershipStatus.Active, RolePresets.Owner, expired: false, anotherOwner: false);

        Assert.Equal(TeamAccessErrorCode.LastGuardian, Fire(team, id, trigger).Code);
        Assert.Equal(MembershipStatus.Active, team.Current.Memberships[id].Status);
    }

    [Fact]
    public void Accept_ExpiredInvitation_IsRefusedByTheGuard()
    {
        var (team, id) = TeamWith(MembershipStatus.Invited, RolePresets.Member, expired: true);

        Assert.Equal(TeamAccessErrorCode.InvitationExpired, Fire(team, id, "Accept").Code);
        Assert.Equal(MembershipStatus.Invited, team.Current.Memberships[id].Status);
    }

    [Theory]
    [InlineData("Revoke", InvitationStatus.Revoked)]
    [InlineData("Decline", InvitationStatus.Declined)]
    [InlineData("Expire", InvitationStatus.Expired)]
    [InlineData("Accept", InvitationStatus.Accepted)]
    public void InvitationStatus_AfterATransition_IsTheMachinesState(string trigger, InvitationStatus expected)
    {
        var (team, id) = TeamWith(MembershipStatus.Invited, RolePresets.Member, expired: trigger == "Expire");

        Assert.True(Fire(team, id, trigger).Succeeded);
        Assert.Equal(expected, TeamAggregate.InvitationStatusOf(team.Current.Memberships[id], Now));
    }

    [Fact]
    public void IsTerminal_EveryStatus_IsWhereTheMachineTakesNoTrigger()
    {
        foreach (var status in Enum.GetValues<MembershipStatus>())
        {
            var takesOne = Triggers.Any(trigger =>
            {
                var (team, id) = TeamWith(status, RolePresets.Member, expired: trigger == "Expire");
                return Fire(team, id, trigger).Succeeded;
            });
            Assert.Equal(!takesOne, status.IsTerminal());
        }
    }

    private static readonly string[] Triggers = ["Accept", "Resend", "Revoke", "Decline", "Expire", "Deactivate", "Reactivate", "ChangeRole", "Remove", "Leave"];

    /// <summary>Fires one trigger on the membership's machine, through the lifecycle's verbs (the triggers are private).</summary>
    private static Result Fire(TeamAggregate team, MembershipId id, string trigger)
    {
        var lifecycle = new TeamAggregate.MembershipLifecycle(team, id);
        return trigger switch
        {
            "Accept" => lifecycle.Accept(UserId.New()),
            "Resend" => lifecycle.Resend(),
            "Revoke" => lifecycle.Revoke(AuditActions.InvitationRevoked),
            "Decline" => lifecycle.Decline(AuditActions.InvitationDeclined),
            "Expire" => lifecycle.Expire(),
            "Deactivate" => lifecycle.Deactivate(),
            "Reactivate" => lifecycle.Reactivate(),
            "ChangeRole" => lifecycle.ChangeRole(Roles.Roles[^1]),
            "Remove" => lifecycle.Remove(AuditActions.MembershipRemoved),
            "Leave" => lifecycle.Leave(AuditActions.MembershipLeft),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }

    /// <summary>A team with an Active owner (unless <paramref name="anotherOwner"/> is false) and one invited membership now in <paramref name="status"/>.</summary>
    private static (TeamAggregate Team, MembershipId Id) TeamWith(MembershipStatus status, string role, bool expired, bool anotherOwner = true)
    {
        var team = TeamSnapshot.Empty(new Team(TeamId.New(), "Lab", "lab", TeamTier.Free, TeamStatus.Active, Now) { Version = 1 });
        var owner = new StoredMembership(MembershipId.New(), team.Id, UserId.New(), "owner@example.com", RolePresets.Owner, MembershipStatus.Active, Now);
        var invitation = new Invitation(expired ? Now.AddDays(-1) : Now.AddDays(7), Now.AddDays(-8), 1, TimeSpan.FromDays(7));
        var target = new StoredMembership(MembershipId.New(), team.Id, status == MembershipStatus.Invited ? null : UserId.New(), "member@example.com", role, status, Now)
        {
            CreatedBy = owner.UserId,
            Invitation = invitation with { AcceptedAt = status is MembershipStatus.Active or MembershipStatus.Inactive ? Now : null },
        };
        var memberships = team.Memberships.Add(target.Id, target);
        if (anotherOwner)
        {
            memberships = memberships.Add(owner.Id, owner);
        }

        var aggregate = new ChangeSetBuilder(null, Now, Roles).Edit(team with { Memberships = memberships });
        return (aggregate, target.Id);
    }

    [Fact]
    public void Diagrams_InDocs_AreTheOnesTheMachinesDraw()
    {
        // Regenerate with: TEAMACCESS_UPDATE_DOCS=1 dotnet test --filter Diagrams_InDocs
        var expected = "# Lifecycles\n\nDrawn by `LifecycleDiagrams` from the Stateless machines themselves; a test fails when this file and the code disagree.\n\n"
            + "## Membership\n\n```mermaid\n" + LifecycleDiagrams.Membership().Trim() + "\n```\n\n"
            + "## Team\n\n```mermaid\n" + LifecycleDiagrams.Team().Trim() + "\n```\n\n"
            + "## Ownership offer\n\n```mermaid\n" + LifecycleDiagrams.OwnershipOffer().Trim() + "\n```\n";
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
