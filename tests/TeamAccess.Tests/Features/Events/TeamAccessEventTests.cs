using System.Reflection;
using System.Text.Json;
using TeamAccess.Events;

namespace TeamAccess.Tests;

public sealed class TeamAccessEventTests
{
    private static readonly TeamId Team = new(Guid.Parse("7d4c5f7e-0000-4000-8000-000000000001"));

    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var action in AuditActionConstants())
        {
            data.Add(action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void From_AuditAction_IsItsOwnTypedEventWithTheAuditFields(string action)
    {
        var audit = Audit(action, 42);

        var projected = TeamAccessEvent.From(audit);

        Assert.IsNotType<UnrecognizedEvent>(projected);
        Assert.True(projected.GetType().IsSealed);
        Assert.Equal((42L, audit.OccurredAt, audit.ActorId, audit.TeamId, audit.SubjectKind, audit.SubjectId, action), (projected.Sequence, projected.OccurredAt, projected.ActorId, projected.TeamId, projected.SubjectKind, projected.SubjectId, projected.Action));
    }

    [Fact]
    public void From_EveryAuditAction_MapsToExactlyOneEventTypeAndEveryEventTypeToExactlyOneAction()
    {
        var actions = AuditActionConstants().ToList();
        var byType = actions.GroupBy(a => TeamAccess.Events.TeamAccessEvent.From(Audit(a, 1)).GetType()).ToList();

        // No two actions share a type, and every sealed event type the library exports is some action's.
        Assert.Empty(byType.Where(g => g.Count() > 1).Select(g => $"{g.Key.Name}: {string.Join(", ", g)}"));
        var exported = typeof(TeamAccessEvent).Assembly.GetExportedTypes()
            .Where(t => t.IsSealed && typeof(TeamAccessEvent).IsAssignableFrom(t) && t != typeof(UnrecognizedEvent))
            .ToHashSet();
        Assert.Equal(exported.OrderBy(t => t.Name), byType.Select(g => g.Key).OrderBy(t => t.Name));
        Assert.Equal(actions.Order(StringComparer.Ordinal), TeamAccessEvents.Actions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActionOf_TheEventType_NamesTheActionItIsProjectedFrom(string action)
    {
        var type = TeamAccessEvent.From(Audit(action, 1)).GetType();

        var named = (string)typeof(TeamAccessEvent).GetMethod(nameof(TeamAccessEvent.ActionOf))!.MakeGenericMethod(type).Invoke(null, null)!;

        Assert.Equal(action, named);
    }

    [Fact]
    public void ActionOf_AnEventTypeWithoutOneAction_Throws()
    {
        Assert.Equal(AuditActions.MembershipRoleChanged, TeamAccessEvent.ActionOf<MemberRoleChangedEvent>());
        Assert.Throws<ArgumentException>(() => TeamAccessEvent.ActionOf<UnrecognizedEvent>());
        Assert.Throws<ArgumentException>(() => TeamAccessEvent.ActionOf<TeamAccessEvent>());
    }

    [Fact]
    public void From_MembershipAndInvitationActions_AreMembershipEventsAndTheOthersAreNot()
    {
        foreach (var action in AuditActionConstants())
        {
            var projected = TeamAccessEvent.From(Audit(action, 1));
            var aboutMembership = action.StartsWith("membership.", StringComparison.Ordinal) || action.StartsWith("invitation.", StringComparison.Ordinal);
            Assert.True(aboutMembership == projected is MembershipEvent, $"{action} -> {projected.GetType().Name}");
        }
    }

    [Fact]
    public void From_ActionWithoutAType_IsUnrecognizedAndKeepsItsAction()
    {
        var projected = TeamAccessEvent.From(Audit("widget.polished", 7));

        var unrecognized = Assert.IsType<UnrecognizedEvent>(projected);
        Assert.Equal("widget.polished", unrecognized.Action);
        Assert.Equal(7, unrecognized.Sequence);
    }

    [Fact]
    public void From_MembershipSnapshots_NameTheMemberRolesAndStatusesAndLeaveOutStampsAndCounters()
    {
        var user = UserId.New();
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var before = new StoredMembership(MembershipId.New(), Team, user, "ada@example.com", RolePresets.Member, MembershipStatus.Invited, at)
        {
            Invitation = new Invitation(at.AddDays(7), at, 1, TimeSpan.FromDays(7)),
        };
        var after = before with { Role = RolePresets.Administrator, Status = MembershipStatus.Active, SecurityStamp = Guid.NewGuid() };
        var audit = new AuditEvent(9, at, user, Team, AuditSubjectKind.Membership, before.Id.Value, AuditActions.InvitationAccepted, AuditJson.Serialize(before), AuditJson.Serialize(after));

        var accepted = Assert.IsType<InvitationAcceptedEvent>(TeamAccessEvent.From(audit));

        Assert.Equal((before.Id, user, "ada@example.com"), (accepted.MembershipId, accepted.UserId!.Value, accepted.Email));
        Assert.Equal((RolePresets.Member, RolePresets.Administrator), (accepted.RoleBefore, accepted.RoleAfter));
        Assert.Equal((MembershipStatus.Invited, MembershipStatus.Active), (accepted.StatusBefore!.Value, accepted.StatusAfter!.Value));
        Assert.Contains("securityStamp", audit.After, StringComparison.Ordinal);
        foreach (var json in new[] { accepted.Before!.Value.GetRawText(), accepted.After!.Value.GetRawText() })
        {
            Assert.DoesNotContain("securityStamp", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("codeAttempts", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(after.SecurityStamp.ToString(), json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(JsonValueKind.Object, accepted.After!.Value.GetProperty("invitation").ValueKind);
    }

    [Fact]
    public void From_AMembershipRowWrittenBeforeIdsWereStrings_NamesTheSameMember_AndShowsItsIdsAsStrings()
    {
        // Issue 22: the typed fields come from the stored record through the log's own reader, which reads every format
        // the log has held; the JSON a reader sees shows ids as strings, whatever the row holds.
        var user = UserId.New();
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var membership = MembershipId.New();
        string Legacy(string role, int status) =>
            $$"""{"id":{"value":"{{membership.Value}}"},"teamId":{"value":"{{Team.Value}}"},"userId":{"value":"{{user.Value}}"},"email":"ada@example.com","role":"{{role}}","status":"{{(MembershipStatus)status}}","createdAt":"2026-12-01T09:00:00+00:00","securityStamp":"{{Guid.NewGuid()}}","createdBy":null,"invitation":null,"updatedAt":"2026-12-01T09:00:00+00:00"}""";
        var audit = new AuditEvent(9, at, user, Team, AuditSubjectKind.Membership, membership.Value, AuditActions.MembershipRoleChanged, Legacy(RolePresets.Member, 1), Legacy(RolePresets.Administrator, 1));

        var changed = Assert.IsType<MemberRoleChangedEvent>(TeamAccessEvent.From(audit));

        Assert.Equal((user, "ada@example.com", RolePresets.Member, RolePresets.Administrator), (changed.UserId!.Value, changed.Email, changed.RoleBefore, changed.RoleAfter));
        Assert.Equal((MembershipStatus.Active, MembershipStatus.Active), (changed.StatusBefore!.Value, changed.StatusAfter!.Value));
        Assert.Equal(user.Value.ToString(), changed.After!.Value.GetProperty("userId").GetString());
    }

    [Fact]
    public void From_UserSnapshot_ShowsOnlyTheNamedFields_NotStampsCountersLockoutPendingDatesOrUnknownFields()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var user = new StoredUser(UserId.New(), "ada@example.com", "Ada", "Lovelace", at) { FailedSignInCount = 2, LockoutEnd = at.AddMinutes(5), PasswordResetExpiresAt = at.AddHours(1) };
        var json = AuditJson.Serialize(user)!.TrimEnd('}') + ",\"nested\":{\"tokenHash\":\"x\",\"clientSecret\":\"y\",\"sessionStamp\":\"z\",\"kept\":1}}";
        var audit = new AuditEvent(3, at, user.Id, null, AuditSubjectKind.User, user.Id.Value, AuditActions.UserSignInAttempted, null, json);

        var attempted = Assert.IsType<UserSignInAttemptedEvent>(TeamAccessEvent.From(audit));

        var text = attempted.After!.Value.GetRawText();
        foreach (var hidden in new[] { "concurrencyStamp", "sessionStamp", "failedSignInCount", "lockoutEnd", "tokenHash", "clientSecret", "passwordResetExpiresAt", "emailConfirmationExpiresAt", "nested" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("Ada", attempted.After.Value.GetProperty("firstName").GetString());
        Assert.Null(attempted.Before);
    }

    [Fact]
    public void IdempotencyKey_SameAuditEventProjectedTwice_IsTheSame_AndDiffersBetweenEvents()
    {
        var one = Audit(AuditActions.MembershipAdded, 5);
        var two = one with { Sequence = 6 };

        Assert.Equal(TeamAccessEvent.From(one).IdempotencyKey, TeamAccessEvent.From(one).IdempotencyKey);
        Assert.NotEqual(TeamAccessEvent.From(one).IdempotencyKey, TeamAccessEvent.From(two).IdempotencyKey);
        Assert.NotEqual(TeamAccessEvent.From(one).IdempotencyKey, TeamAccessEvent.From(one with { Action = AuditActions.MembershipLeft }).IdempotencyKey);
    }

    private static IEnumerable<string> AuditActionConstants() =>
        typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static AuditEvent Audit(string action, long sequence) =>
        new(sequence, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), UserId.New(), Team, AuditSubjectKind.Team, Team.Value, action, null, "{\"name\":\"Acme\",\"concurrencyStamp\":\"c\"}");
}
