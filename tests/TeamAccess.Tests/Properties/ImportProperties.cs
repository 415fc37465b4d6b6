using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using TeamAccess.Domain;
using TeamAccess.Import;

namespace TeamAccess.Tests;

/// <summary>
/// Random import rows into two teams, in small batches: valid ones adding, promoting and demoting people (the owner
/// included, so rows try to demote the last guardian), mixed with hostile ones (malformed addresses, unknown roles and
/// groups, huge fields, nulls, password hashes with invitations). Afterwards: every team has an Active guardian; there
/// is an outcome per row, in order; every refused row names a code; and the outcomes agree with the final state: the
/// last row of each (team, address) that was not refused gave the membership its role, and an address no row created
/// or found has no membership. The audit log replays to each team as stored.
/// </summary>
public sealed class ImportProperties
{
    private static readonly string[] RoleNames = [RolePresets.Owner, RolePresets.Administrator, RolePresets.Member, RolePresets.Observer];

    [Property(MaxTest = 60, EndSize = 40)]
    public Property RandomRows_NeverLeaveATeamWithoutAGuardian_AndTheOutcomesAgreeWithTheFinalState(Step[] steps) =>
        Prop.ToProperty(Run(steps ?? []).GetAwaiter().GetResult());

    private static async Task<bool> Run(Step[] steps)
    {
        await using var bed = TestBed.Create();
        var owner = await bed.SignUpAsync();
        var second = (await bed.Teams.CreateAsync(owner.User.Id, "Second", "second-team")).Value!;
        Assert.True((await bed.Groups.CreateAsync(owner.User.Id, owner.Team.Id, "Crew", "crew")).Succeeded);
        TeamId[] teams = [owner.Team.Id, second.Id];
        string[] handles = [owner.Team.Handle, second.Handle];
        string[] emails = [owner.User.Email, "ada@example.com", "bob@example.com", "carol@example.com"];

        var rows = steps.Select(step => RowOf(step, emails, handles)).ToArray();
        var outcomes = await bed.Services.GetRequiredService<IImportService>()
            .ImportAsync(owner.User.Id, new ImportRequest { ImportId = "property", BatchSize = 3 }, rows.ToAsyncEnumerable()!).ToListAsync();

        Assert.Equal(Enumerable.Range(1, rows.Length).Select(i => (long)i), outcomes.Select(o => o.RowNumber));
        Assert.All(outcomes, o => Assert.Equal(o.Kind == ImportOutcomeKind.Refused, o.Code != TeamAccessErrorCode.None));
        for (var t = 0; t < teams.Length; t++)
        {
            var team = await bed.SnapshotAsync(teams[t]);
            Assert.True(TeamAggregate.CountActiveGuardians(team, bed.Roles) >= 1, "invariant 1: no Active guardian left");
            foreach (var email in emails)
            {
                var last = outcomes.Select((o, i) => (Outcome: o, Row: rows[i]))
                    .LastOrDefault(x => x.Outcome.Kind != ImportOutcomeKind.Refused && x.Outcome.TeamHandle == handles[t] && x.Outcome.Email == email);
                var membership = team.FindCurrentMembershipByEmail(email);
                if (last.Outcome is null)
                {
                    Assert.True(email == owner.User.Email || membership is null, $"{email} has a membership no row made");
                    continue;
                }

                Assert.NotNull(membership);
                Assert.Equal(last.Outcome.MembershipId, membership.Id);
                Assert.Equal(last.Row!.Role!.Trim(), membership.Role);
            }

            AuditAssert.ReplayEquals(team, await bed.Store.ListAsync(teams[t], CancellationToken.None).ToListAsync());
        }

        return true;
    }

    private static ImportRow? RowOf(Step step, string[] emails, string[] handles)
    {
        var row = new ImportRow
        {
            Email = emails[step.Actor % emails.Length],
            FirstName = "First",
            LastName = "Last",
            TeamHandle = handles[step.Target % handles.Length],
            Role = RoleNames[step.Role % RoleNames.Length],
            Groups = step.Extra % 3 == 0 && step.Target % handles.Length == 0 ? ["crew"] : [],
            Invite = step.Extra % 5 == 1,
        };
        return (step.Kind % 12) switch
        {
            0 => null,
            1 => row with { Email = "not an address" },
            2 => row with { Role = "Emperor" },
            3 => row with { Groups = ["no-such-group"] },
            4 => row with { FirstName = new string('x', 100_000) },
            5 => row with { PasswordHash = "v1.pbkdf2-sha512.1000.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Invite = true },
            6 => row with { TeamHandle = "no-such-team" },
            _ => row,
        };
    }
}
