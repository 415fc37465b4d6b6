using System.Text.Json.Nodes;

namespace TeamAccess.AspNetCore;

// The bodies of MapTeamAccessApi: plain ids (GUIDs), enums as names, and never a stamp, hash, counter or lockout date.
// They are the wire format of the HTTP API, not types a host programs against, so they stay internal.

/// <summary>Sign up: a user with a password and a new team that the user holds the guardian role of.</summary>
internal sealed record SignUpBody(string? Email, string? Password, string? FirstName, string? LastName, string? TeamName, string? TeamHandle);

/// <summary>What sign-up created; the account is unconfirmed until the activation link is used.</summary>
internal sealed record SignUpResponse(Guid UserId, string Email, Guid TeamId, string TeamHandle, Guid MembershipId, bool EmailConfirmed);

/// <summary>A token from a message (activation link).</summary>
internal sealed record TokenBody(string? Token);

/// <summary>An email address.</summary>
internal sealed record EmailBody(string? Email);

/// <summary>A new password with a reset token.</summary>
internal sealed record ResetPasswordBody(string? Token, string? NewPassword);

/// <summary>
/// Sign in to one team, named by its handle (or its id): with an email and password, or with a token of an identity
/// provider (<see cref="Provider"/>, <see cref="Token"/> and its nonce).
/// </summary>
internal sealed record SignInBody(string? Email, string? Password, string? TeamHandle, Guid? TeamId, string? Provider, string? Token, string? Nonce);

/// <summary>A session: its token (absent when it went into the cookie) and what it is for.</summary>
internal sealed record SessionResponse(string? AccessToken, DateTimeOffset ExpiresAt, Guid UserId, Guid TeamId, Guid MembershipId, string Role, string Provider)
{
    public static SessionResponse From(Session session, bool tokenInCookie) =>
        new(tokenInCookie ? null : session.AccessToken, session.Info.ExpiresAt, session.Info.UserId.Value, session.Info.TeamId.Value, session.Info.MembershipId.Value, session.Info.Role, session.Info.Provider);
}

/// <summary>The team to switch to.</summary>
internal sealed record SwitchTeamBody(Guid TeamId);

/// <summary>The current and the new password.</summary>
internal sealed record ChangePasswordBody(string? CurrentPassword, string? NewPassword);

/// <summary>First and last names.</summary>
internal sealed record NamesBody(string? FirstName, string? LastName);

/// <summary>The signed-in user and the session's team.</summary>
internal sealed record MeResponse(Guid UserId, string Email, string FirstName, string LastName, bool EmailConfirmed, Guid TeamId, Guid MembershipId, string Role, string Provider);

/// <summary>A team the user can switch to.</summary>
internal sealed record TeamResponse(Guid TeamId, string Name, string Handle, string Role, bool RequiresReauthentication);

/// <summary>How a team signs its members in: the "log in with team SSO" page asks this by handle.</summary>
internal sealed record SignInOptionsResponse(string TeamHandle, string TeamName, bool RequiresSso, string? SsoProvider);

/// <summary>One member row.</summary>
internal sealed record MemberResponse(Guid MembershipId, Guid? UserId, string Email, string? FirstName, string? LastName, string Role, MembershipStatus Status, DateTimeOffset CreatedAt)
{
    public static MemberResponse From(MemberView m) => new(m.MembershipId.Value, m.UserId?.Value, m.Email, m.FirstName, m.LastName, m.Role, m.Status, m.CreatedAt);

    public static MemberResponse From(Membership m) => new(m.Id.Value, m.UserId?.Value, m.Email, null, null, m.Role, m.Status, m.CreatedAt);
}

/// <summary>One page of members; pass <see cref="Next"/> as <c>after</c> for the next page.</summary>
internal sealed record MemberPageResponse(IReadOnlyList<MemberResponse> Members, long? TotalCount, string? Next);

/// <summary>A member's names and role, changed in one call (each part optional).</summary>
internal sealed record EditMemberBody(string? FirstName, string? LastName, string? Role);

/// <summary>The addresses (pasted text: separated by white space, commas or semicolons) and the role offered.</summary>
internal sealed record InviteBody(string? Addresses, string? Role);

/// <summary>What became of one invited address.</summary>
internal sealed record InviteOutcomeResponse(string Address, InviteOutcomeKind Outcome, string? Code, string? Email, Guid? MembershipId, DateTimeOffset? ExpiresAt, bool Delivered);

/// <summary>One row of the team's invitations.</summary>
internal sealed record InvitationResponse(Guid MembershipId, string Email, string Role, InvitationStatus Status, Guid? InvitedBy, DateTimeOffset InvitedAt, DateTimeOffset LastSentAt, int SendCount, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse From(InvitationView v) =>
        new(v.MembershipId.Value, v.Email, v.Role, v.Status, v.InvitedBy?.Value, v.InvitedAt, v.LastSentAt, v.SendCount, v.ExpiresAt);
}

/// <summary>An invitation, by the token of its link or by its team's handle, the invited address and the code.</summary>
internal sealed record InvitationKeyBody(string? Token, string? TeamHandle, string? Email, string? Code)
{
    public InvitationKey ToKey() => Token is { Length: > 0 } token ? InvitationKey.FromToken(token) : InvitationKey.FromCode(TeamHandle ?? "", Email ?? "", Code ?? "");
}

/// <summary>Accepting by creating an account: the invitation and the new account's names and password.</summary>
internal sealed record AcceptWithNewAccountBody(string? Token, string? TeamHandle, string? Email, string? Code, string? FirstName, string? LastName, string? Password)
{
    public InvitationKey ToKey() => new InvitationKeyBody(Token, TeamHandle, Email, Code).ToKey();
}

/// <summary>What an invitation offers.</summary>
internal sealed record InvitationPreviewResponse(Guid TeamId, string TeamName, string TeamHandle, string Email, string Role, InvitationStatus Status, DateTimeOffset ExpiresAt, bool RequiresSso);

/// <summary>The account and membership that accepting created.</summary>
internal sealed record AcceptedResponse(Guid UserId, Guid MembershipId, Guid TeamId, string Role);

/// <summary>A group's name and handle.</summary>
internal sealed record GroupBody(string? Name, string? Handle);

/// <summary>A membership to add to a group.</summary>
internal sealed record GroupMemberBody(Guid MembershipId);

/// <summary>A group.</summary>
internal sealed record GroupResponse(Guid GroupId, string Name, string Handle, IReadOnlyList<Guid> Members)
{
    public static GroupResponse From(Group g) => new(g.Id.Value, g.Name, g.Handle, [.. g.Members.Select(m => m.Value)]);
}

/// <summary>A grant to give: to a membership or a group, on one resource.</summary>
internal sealed record GrantBody(GrantSubjectKind SubjectKind, Guid SubjectId, string? ResourceId, IReadOnlyList<string>? Permissions);

/// <summary>A grant.</summary>
internal sealed record GrantResponse(Guid GrantId, GrantSubjectKind SubjectKind, Guid SubjectId, string ResourceId, IReadOnlyList<string> Permissions, Guid GrantedBy)
{
    public static GrantResponse From(Grant g) => new(g.Id.Value, g.Subject.Kind, g.Subject.Id, g.ResourceId, [.. g.Permissions], g.GrantedBy.Value);
}

/// <summary>One page of the audit log; <see cref="Next"/> is the <c>after</c> of the next page, absent on the last.</summary>
internal sealed record AuditPageResponse(IReadOnlyList<AuditEventResponse> Events, long? Next);

/// <summary>
/// One audit event: who did what to which subject, and the subject before and after as JSON, without the stamps,
/// counters and lockout data the log keeps for replay (the log never holds a secret).
/// </summary>
internal sealed record AuditEventResponse(long Sequence, DateTimeOffset OccurredAt, Guid? ActorId, AuditSubjectKind SubjectKind, Guid SubjectId, string Action, JsonNode? Before, JsonNode? After)
{
    private static readonly string[] Internal = ["securityStamp", "concurrencyStamp", "failedSignInCount", "lockoutEnd", "sessionStamp"];

    public static AuditEventResponse From(AuditEvent e) =>
        new(e.Sequence, e.OccurredAt, e.ActorId?.Value, e.SubjectKind, e.SubjectId, e.Action, Json(e.Before), Json(e.After));

    private static JsonNode? Json(string? json)
    {
        var node = json is null ? null : JsonNode.Parse(json);
        if (node is JsonObject subject)
        {
            foreach (var name in Internal)
            {
                subject.Remove(name);
            }
        }

        return node;
    }
}

/// <summary>The antiforgery request token a cookie-authenticated client sends in <see cref="HeaderName"/> on unsafe methods.</summary>
internal sealed record AntiforgeryResponse(string? RequestToken, string? HeaderName);
