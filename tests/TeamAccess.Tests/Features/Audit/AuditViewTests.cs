using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamAccess.Events;
using TeamAccess.Invitations;

namespace TeamAccess.Tests;

/// <summary>
/// Security review 3, L5: one allow-list projection of the audit log for every reader (IAuditLog, so the HTTP route,
/// and the events), and every field the log stores is either shown or withheld on purpose.
/// </summary>
public sealed class AuditViewTests
{
    /// <summary>What no reader of the log may see, at any depth.</summary>
    internal static readonly string[] NeverShown =
    [
        "passwordResetExpiresAt", "emailConfirmationExpiresAt", "concurrencyStamp", "sessionStamp", "securityStamp",
        "failedSignInCount", "lockoutEnd", "codeAttempts", "passwordHash", "emailConfirmationHash", "passwordResetTokenHash", "version",
    ];

    /// <summary>The stored format before ids were strings: the same options without the id converters.</summary>
    private static readonly JsonSerializerOptions LegacyFormat = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> StoredTypes => [.. Subjects().Select(s => s.Type)];

    private static (string Type, AuditSubjectKind Kind, string Action, object Subject)[] Subjects()
    {
        var team = TeamId.New();
        var membership = MembershipId.New();
        var user = UserId.New();
        return new (string, AuditSubjectKind, string, object)[]
        {
            (
                "Team", AuditSubjectKind.Team, AuditActions.TeamCreated,
                new Team(team, "Acme", "acme", TeamTier.Commercial, TeamStatus.Active, At)
                {
                    Version = 7,
                    SignInPolicy = new TeamSignInPolicy(true, "corp") { VerifiedDomain = "acme.example", JustInTimeRole = RolePresets.Member },
                    OwnershipOffer = new OwnershipOffer(OwnershipOfferId.New(), membership, MembershipId.New(), true, At, At.AddDays(7)),
                }
            ),
            (
                "StoredMembership", AuditSubjectKind.Membership, AuditActions.MembershipInvited,
                new StoredMembership(membership, team, user, "ada@example.com", RolePresets.Member, MembershipStatus.Invited, At)
                {
                    CreatedBy = UserId.New(),
                    UpdatedAt = At,
                    Invitation = new Invitation(At.AddDays(7), At, 2, TimeSpan.FromDays(7)) { AcceptedAt = At, DeclinedAt = At },
                }
            ),
            ("Group", AuditSubjectKind.Group, AuditActions.GroupCreated, new Group(GroupId.New(), team, "Night", "night-shift", ImmutableSortedSet.Create(membership))),
            ("Grant", AuditSubjectKind.Grant, AuditActions.GrantGiven, new Grant(GrantId.New(), team, GrantSubject.ForMembership(membership), "press-1", ["devices.read"], user)),
            ("TeamRole", AuditSubjectKind.TeamRole, AuditActions.TeamRoleCreated, new TeamRole { Id = TeamRoleId.New(), TeamId = team, Name = "Tech", Rank = 150, Permissions = ["devices.read"], IsReadOnly = true, IsScopedToGrants = true }),
            (
                "StoredUser", AuditSubjectKind.User, AuditActions.UserRenamed,
                new StoredUser(user, "ada@example.com", "Ada", "Lovelace", At)
                {
                    EmailConfirmed = true, PasswordHash = "v1.pbkdf2-sha512.x", EmailConfirmationHash = "e", EmailConfirmationExpiresAt = At, FailedSignInCount = 2,
                    LockoutEnd = At, PasswordResetTokenHash = "r", PasswordResetExpiresAt = At,
                }
            ),
            ("ExternalLogin", AuditSubjectKind.User, AuditActions.UserLoginLinked, new ExternalLogin(user, "corp", "https://idp.example", "sub-1")),
            ("RevokedSession", AuditSubjectKind.User, AuditActions.UserSignedOut, new RevokedSession(Guid.NewGuid(), user, At, At.AddHours(1))),
        };
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void EveryStoredField_IsShownOrWithheldOnPurpose(string type)
    {
        var (_, kind, action, subject) = Subjects().Single(s => s.Type == type);
        var stored = JsonNode.Parse(JsonSerializer.Serialize(subject, subject.GetType(), AuditJson.Options))!.AsObject();

        var shown = AuditView.ProjectNode(kind, action, stored.ToJsonString())!.AsObject();

        // A field added to a stored record is dropped until it is named: shown (AuditView's shapes) or withheld (AuditView.Withheld).
        foreach (var (path, owner) in Paths(stored, type))
        {
            var withheld = AuditView.Withheld.TryGetValue(owner, out var names) && names.Contains(path[^1]);
            Assert.True(withheld != Contains(shown, path), $"{type}: {string.Join('.', path)} is {(withheld ? "withheld and shown" : "neither shown nor withheld")}");
        }

        foreach (var name in NeverShown)
        {
            Assert.DoesNotContain($"\"{name}\"", shown.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void EveryStoredSubject_WritesItsIdsAsStrings_AndReadsThemBack(string type)
    {
        // Issue 21: ids are strings everywhere a host reads JSON, so the stored snapshots (which every reader's view
        // and every event is projected from) write them so.
        var (_, kind, action, subject) = Subjects().Single(s => s.Type == type);
        var json = JsonSerializer.Serialize(subject, subject.GetType(), AuditJson.Options);

        Assert.DoesNotContain("\"value\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\"", AuditView.Project(kind, action, json), StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, subject.GetType(), AuditJson.Options), subject.GetType(), AuditJson.Options));
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void ARowWrittenBeforeIdsWereStrings_ReplaysAndReadsAsANewOne(string type)
    {
        // Rows already in a log carry ids as objects ({"value": ...}): replay reads them, and readers see them as strings.
        var (_, kind, action, subject) = Subjects().Single(s => s.Type == type);
        var legacy = JsonSerializer.Serialize(subject, subject.GetType(), LegacyFormat);
        var current = JsonSerializer.Serialize(subject, subject.GetType(), AuditJson.Options);
        Assert.Equal(type is "Team" or "StoredMembership" or "Group" or "Grant" or "TeamRole" or "StoredUser" or "ExternalLogin" or "RevokedSession", legacy.Contains("\"value\"", StringComparison.Ordinal));

        Assert.Equal(current, JsonSerializer.Serialize(JsonSerializer.Deserialize(legacy, subject.GetType(), AuditJson.Options), subject.GetType(), AuditJson.Options));
        Assert.Equal(AuditView.Project(kind, action, current), AuditView.Project(kind, action, legacy));
    }

    [Fact]
    public async Task List_AfterAMemberWithAPendingResetRenamedThemselves_ShowsNoResetActivationStampOrCounterFields()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Member);
        var member = (await bed.Users.FindByIdAsync(crew[0]))!;
        Assert.True((await bed.Users.RequestPasswordResetAsync(member.Email)).Succeeded);

        Assert.True((await bed.Members.UpdateNamesAsync(crew[0], crew.TeamId, crew.MembershipOf(0), "Grace", "Hopper")).Succeeded);

        // The log itself keeps the user's snapshot as stored (for the store's own use) ...
        var stored = (await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync()).Single(e => e.Action == AuditActions.UserRenamed);
        Assert.Contains("passwordResetExpiresAt", stored.After, StringComparison.Ordinal);

        // ... and no reader sees more than the named fields.
        var renamed = (await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!.Single(e => e.Action == AuditActions.UserRenamed);
        var paged = (await bed.Audit.ListPageAsync(crew.OwnerId, crew.TeamId, new AuditQuery { NewestFirst = true, PageSize = 100 })).Value!.Items.Single(e => e.Action == AuditActions.UserRenamed);
        foreach (var json in new[] { renamed.Before!, renamed.After!, paged.Before!, paged.After! })
        {
            Assert.Equal(["createdAt", "email", "emailConfirmed", "firstName", "id", "lastName"], JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        }

        Assert.Equal("Hopper", JsonNode.Parse(renamed.After!)!["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventsAndTheAuditLog_OfAWorkingDay_ShowTheSameFields()
    {
        await using var bed = TestBed.Create();
        var crew = await bed.CrewAsync(RolePresets.Administrator, RolePresets.Member, RolePresets.Observer);
        var group = (await bed.Groups.CreateAsync(crew.OwnerId, crew.TeamId, "Maintenance", "maintenance-team")).Value!;
        await bed.Groups.AddMemberAsync(crew[0], crew.TeamId, group.Id, crew.MembershipOf(1));
        await bed.Grants.GrantAsync(crew[0], crew.TeamId, GrantSubject.ForGroup(group.Id), "p", ["devices.write"]);
        await bed.Invitations.InviteAsync(crew.OwnerId, crew.TeamId, InviteRequest.FromText("grace@example.com", RolePresets.Member));
        await bed.Users.RequestPasswordResetAsync((await bed.Users.FindByIdAsync(crew[1]))!.Email);
        await bed.Members.UpdateNamesAsync(crew[1], crew.TeamId, crew.MembershipOf(1), "Grace", "Hopper");
        await bed.Members.DeactivateAsync(crew[0], crew.TeamId, crew.MembershipOf(2));
        await bed.Teams.ChangeTierAsync(crew.OwnerId, crew.TeamId, TeamTier.Commercial);

        var read = (await bed.Audit.ListAsync(crew.OwnerId, crew.TeamId)).Value!;
        var stored = await bed.Store.ListAsync(crew.TeamId, CancellationToken.None).ToListAsync();

        Assert.Equal(stored.Select(e => e.Sequence), read.Select(e => e.Sequence));
        Assert.Contains(read, e => e.SubjectKind == AuditSubjectKind.User);
        foreach (var (raw, seen) in stored.Zip(read))
        {
            var delivered = TeamAccessEvent.From(raw);
            Assert.True(JsonNode.DeepEquals(Node(seen.Before), Node(delivered.Before?.GetRawText())), $"{raw.Action} before");
            Assert.True(JsonNode.DeepEquals(Node(seen.After), Node(delivered.After?.GetRawText())), $"{raw.Action} after");
            foreach (var name in NeverShown)
            {
                Assert.DoesNotContain($"\"{name}\"", $"{seen.Before}{seen.After}", StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static JsonNode? Node(string? json) => json is null ? null : JsonNode.Parse(json);

    private static bool Contains(JsonObject shown, IReadOnlyList<string> path)
    {
        JsonNode? node = shown;
        foreach (var name in path)
        {
            if (node is JsonArray { Count: > 0 } items)
            {
                node = items[0];
            }

            if (node is not JsonObject o || !o.TryGetPropertyValue(name, out node))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every field of the stored JSON, with the stored record it belongs to (nested records by their property).</summary>
    private static IEnumerable<(string[] Path, string Owner)> Paths(JsonObject subject, string owner, string[]? prefix = null)
    {
        foreach (var (name, child) in subject)
        {
            string[] path = [.. prefix ?? [], name];
            yield return (path, owner);
            var nested = child is JsonArray { Count: > 0 } items ? items[0] : child;
            if (nested is JsonObject inner)
            {
                foreach (var deeper in Paths(inner, char.ToUpperInvariant(name[0]) + name[1..], path))
                {
                    yield return deeper;
                }
            }
        }
    }
}
