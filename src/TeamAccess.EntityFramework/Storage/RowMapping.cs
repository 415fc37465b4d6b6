using System.Collections.Immutable;

namespace TeamAccess.EntityFramework;

/// <summary>Converts between the core's records and the store's rows, both ways, in one place.</summary>
internal static class RowMapping
{
    private const char PermissionSeparator = ' ';

    public static UserRow ToRow(StoredUser user) => new()
    {
        Id = user.Id.Value,
        Email = user.Email,
        FirstName = user.FirstName,
        LastName = user.LastName,
        CreatedAt = user.CreatedAt,
        ConcurrencyStamp = user.ConcurrencyStamp,
        PasswordHash = user.PasswordHash,
        FailedSignInCount = user.FailedSignInCount,
        LockoutEnd = user.LockoutEnd,
        EmailConfirmed = user.EmailConfirmed,
        EmailConfirmationHash = user.EmailConfirmationHash,
        EmailConfirmationExpiresAt = user.EmailConfirmationExpiresAt,
        SessionStamp = user.SessionStamp,
        PasswordResetTokenHash = user.PasswordResetTokenHash,
        PasswordResetExpiresAt = user.PasswordResetExpiresAt,
        AuthenticatorSecret = user.AuthenticatorSecret,
        AuthenticatorConfirmedAt = user.AuthenticatorConfirmedAt,
        AuthenticatorLastTimeStep = user.AuthenticatorLastTimeStep,
        RecoveryCodeHashes = user.RecoveryCodeHashes,
        PasskeyCount = user.PasskeyCount,
    };

    public static StoredUser ToUser(UserRow row) =>
        new(new UserId(row.Id), row.Email, row.FirstName, row.LastName, row.CreatedAt)
        {
            ConcurrencyStamp = row.ConcurrencyStamp,
            PasswordHash = row.PasswordHash,
            FailedSignInCount = row.FailedSignInCount,
            LockoutEnd = row.LockoutEnd,
            EmailConfirmed = row.EmailConfirmed,
            EmailConfirmationHash = row.EmailConfirmationHash,
            EmailConfirmationExpiresAt = row.EmailConfirmationExpiresAt,
            SessionStamp = row.SessionStamp,
            PasswordResetTokenHash = row.PasswordResetTokenHash,
            PasswordResetExpiresAt = row.PasswordResetExpiresAt,
            AuthenticatorSecret = row.AuthenticatorSecret,
            AuthenticatorConfirmedAt = row.AuthenticatorConfirmedAt,
            AuthenticatorLastTimeStep = row.AuthenticatorLastTimeStep,
            RecoveryCodeHashes = row.RecoveryCodeHashes,
            PasskeyCount = row.PasskeyCount,
        };

    public static RevokedSessionRow ToRow(RevokedSession session) => new()
    {
        SessionId = session.SessionId,
        UserId = session.UserId.Value,
        RevokedAt = session.RevokedAt,
        ExpiresAtUtcTicks = session.ExpiresAt.UtcTicks,
    };

    public static RevokedSession ToRevokedSession(RevokedSessionRow row) =>
        new(row.SessionId, new UserId(row.UserId), row.RevokedAt, new DateTimeOffset(row.ExpiresAtUtcTicks, TimeSpan.Zero));

    public static UserLoginRow ToRow(ExternalLogin login) => new() { Issuer = login.Issuer, Subject = login.Subject, UserId = login.UserId.Value, Provider = login.Provider };

    public static TeamRow ToRow(Team team) => new()
    {
        Id = team.Id.Value,
        Name = team.Name,
        Handle = team.Handle,
        Tier = team.Tier,
        Status = team.Status,
        CreatedAt = team.CreatedAt,
        Version = team.Version,
        SsoRequired = team.SignInPolicy.RequiresSso,
        SsoProvider = team.SignInPolicy.SsoProvider,
        AcceptedProviders = string.Join(PermissionSeparator, team.SignInPolicy.AcceptedProviders),
        VerifiedDomain = team.SignInPolicy.VerifiedDomain,
        JustInTimeRole = team.SignInPolicy.JustInTimeRole,
        SecondFactorRequired = team.SignInPolicy.SecondFactorRequired,
        PasskeyRequired = team.SignInPolicy.PasskeyRequired,
        OwnershipOfferId = team.OwnershipOffer?.Id.Value,
        OwnershipOfferFrom = team.OwnershipOffer?.From.Value,
        OwnershipOfferTo = team.OwnershipOffer?.To.Value,
        OwnershipOfferKeepRole = team.OwnershipOffer?.KeepRole,
        OwnershipOfferedAt = team.OwnershipOffer?.OfferedAt,
        OwnershipOfferExpiresAt = team.OwnershipOffer?.ExpiresAt,
        OpenOfferExpiresAtUtcTicks = team.Status == TeamStatus.Deleted ? null : team.OwnershipOffer?.ExpiresAt.UtcTicks,
    };

    public static Team ToTeam(TeamRow row) =>
        new(new TeamId(row.Id), row.Name, row.Handle, row.Tier, row.Status, row.CreatedAt)
        {
            Version = row.Version,
            SignInPolicy = new TeamSignInPolicy(row.SsoRequired, row.SsoProvider)
            {
                AcceptedProviders = row.AcceptedProviders.Split(PermissionSeparator, StringSplitOptions.RemoveEmptyEntries),
                VerifiedDomain = row.VerifiedDomain,
                JustInTimeRole = row.JustInTimeRole,
                SecondFactorRequired = row.SecondFactorRequired,
                PasskeyRequired = row.PasskeyRequired,
            },
            OwnershipOffer = ToOwnershipOffer(row),
        };

    private static OwnershipOffer? ToOwnershipOffer(TeamRow row) =>
        row is { OwnershipOfferId: { } id, OwnershipOfferFrom: { } from, OwnershipOfferTo: { } to, OwnershipOfferKeepRole: { } keep, OwnershipOfferedAt: { } at, OwnershipOfferExpiresAt: { } expires }
            ? new OwnershipOffer(new OwnershipOfferId(id), new MembershipId(from), new MembershipId(to), keep, at, expires)
            : null;

    public static MembershipRow ToRow(StoredMembership membership) => new()
    {
        Id = membership.Id.Value,
        TeamId = membership.TeamId.Value,
        UserId = membership.UserId?.Value,
        Email = membership.Email,
        Role = membership.Role,
        Status = membership.Status,
        CreatedAt = membership.CreatedAt,
        SecurityStamp = membership.SecurityStamp,
        CreatedBy = membership.CreatedBy?.Value,
        UpdatedAt = membership.UpdatedAt,
        InvitationExpiresAt = membership.Invitation?.ExpiresAt,
        PendingInvitationExpiresAtUtcTicks = membership.Status == MembershipStatus.Invited ? membership.Invitation?.ExpiresAt.UtcTicks : null,
        InvitationLastSentAt = membership.Invitation?.LastSentAt,
        InvitationSendCount = membership.Invitation?.SendCount,
        InvitationLifetimeTicks = membership.Invitation?.Lifetime.Ticks,
        InvitationAcceptedAt = membership.Invitation?.AcceptedAt,
        InvitationDeclinedAt = membership.Invitation?.DeclinedAt,
        ServiceAccountName = membership.ServiceAccountName,
        Description = membership.Description,
        Origin = membership.Origin,
        ExternalId = membership.ExternalId,
    };

    public static StoredMembership ToMembership(MembershipRow row) =>
        new(new MembershipId(row.Id), new TeamId(row.TeamId), row.UserId is { } user ? new UserId(user) : null, row.Email, row.Role, row.Status, row.CreatedAt)
        {
            SecurityStamp = row.SecurityStamp,
            CreatedBy = row.CreatedBy is { } by ? new UserId(by) : null,
            UpdatedAt = row.UpdatedAt,
            Invitation = ToInvitation(row),
            ServiceAccountName = row.ServiceAccountName,
            Description = row.Description,
            Origin = row.Origin,
            ExternalId = row.ExternalId,
        };

    public static ApiKeyRow ToRow(StoredApiKey key) => new()
    {
        Id = key.Id.Value,
        TeamId = key.TeamId.Value,
        MembershipId = key.MembershipId.Value,
        Name = key.Name,
        Hash = key.Hash,
        Permissions = key.Permissions.IsDefault ? string.Empty : string.Join(PermissionSeparator, key.Permissions),
        CreatedAt = key.CreatedAt,
        ExpiresAt = key.ExpiresAt,
        CreatedBy = key.CreatedBy?.Value,
        RevokedAt = key.RevokedAt,
        ReplacedBy = key.ReplacedBy?.Value,
        ExpiryRecordedAt = key.ExpiryRecordedAt,
        PendingExpiryAtUtcTicks = key.RevokedAt is null && key.ExpiryRecordedAt is null ? key.ExpiresAt.UtcTicks : null,
    };

    public static StoredApiKey ToApiKey(ApiKeyRow row) =>
        new(new ApiKeyId(row.Id), new TeamId(row.TeamId), new MembershipId(row.MembershipId), row.Name, row.Hash, row.CreatedAt, row.ExpiresAt)
        {
            Permissions = [.. row.Permissions.Split(PermissionSeparator, StringSplitOptions.RemoveEmptyEntries)],
            CreatedBy = row.CreatedBy is { } by ? new UserId(by) : null,
            RevokedAt = row.RevokedAt,
            ReplacedBy = row.ReplacedBy is { } next ? new ApiKeyId(next) : null,
            ExpiryRecordedAt = row.ExpiryRecordedAt,
        };

    public static InvitationSecretRow ToRow(TeamId teamId, MembershipId membershipId, InvitationSecret secret) => new()
    {
        MembershipId = membershipId.Value,
        TeamId = teamId.Value,
        TokenHash = secret.TokenHash,
        CodeHash = secret.CodeHash,
        CodeSalt = secret.CodeSalt,
    };

    public static InvitationSecret ToInvitationSecret(InvitationSecretRow row) => new(row.TokenHash, row.CodeHash, row.CodeSalt);

    private static Invitation? ToInvitation(MembershipRow row) =>
        row is { InvitationExpiresAt: { } expires, InvitationLastSentAt: { } sent, InvitationSendCount: { } count, InvitationLifetimeTicks: { } lifetime }
            ? new Invitation(expires, sent, count, TimeSpan.FromTicks(lifetime))
            {
                AcceptedAt = row.InvitationAcceptedAt,
                DeclinedAt = row.InvitationDeclinedAt,
            }
            : null;

    public static GroupRow ToRow(Group group) => new() { Id = group.Id.Value, TeamId = group.TeamId.Value, Name = group.Name, Handle = group.Handle };

    public static Group ToGroup(GroupRow row, IEnumerable<Guid> members) =>
        new(new GroupId(row.Id), new TeamId(row.TeamId), row.Name, row.Handle, members.Select(m => new MembershipId(m)).ToImmutableSortedSet());

    public static GroupMemberRow ToRow(Group group, MembershipId member) => new() { GroupId = group.Id.Value, MembershipId = member.Value, TeamId = group.TeamId.Value };

    public static GrantRow ToRow(Grant grant) => new()
    {
        Id = grant.Id.Value,
        TeamId = grant.TeamId.Value,
        SubjectKind = grant.Subject.Kind,
        SubjectId = grant.Subject.Id,
        ResourceId = grant.ResourceId,
        Permissions = string.Join(PermissionSeparator, grant.Permissions),
        GrantedBy = grant.GrantedBy.Value,
    };

    public static Grant ToGrant(GrantRow row) => new(
        new GrantId(row.Id),
        new TeamId(row.TeamId),
        new GrantSubject(row.SubjectKind, row.SubjectId),
        row.ResourceId,
        [.. row.Permissions.Split(PermissionSeparator, StringSplitOptions.RemoveEmptyEntries)],
        new UserId(row.GrantedBy));

    public static TeamRoleRow ToRow(TeamRole role) => new()
    {
        Id = role.Id.Value,
        TeamId = role.TeamId.Value,
        Name = role.Name,
        Rank = role.Rank,
        Permissions = string.Join(PermissionSeparator, role.Permissions),
        IsReadOnly = role.IsReadOnly,
        IsScopedToGrants = role.IsScopedToGrants,
    };

    public static TeamRole ToTeamRole(TeamRoleRow row) => new()
    {
        Id = new TeamRoleId(row.Id),
        TeamId = new TeamId(row.TeamId),
        Name = row.Name,
        Rank = row.Rank,
        Permissions = row.Permissions.Split(PermissionSeparator, StringSplitOptions.RemoveEmptyEntries),
        IsReadOnly = row.IsReadOnly,
        IsScopedToGrants = row.IsScopedToGrants,
    };

    public static AuditEventRow ToRow(AuditEvent e) => new()
    {
        OccurredAt = e.OccurredAt,
        ActorId = e.ActorId?.Value,
        ActorKeyId = e.ActorKeyId?.Value,
        TeamId = e.TeamId?.Value,
        SubjectKind = e.SubjectKind,
        SubjectId = e.SubjectId,
        Action = e.Action,
        Before = e.Before,
        After = e.After,
    };

    public static AuditEvent ToAuditEvent(AuditEventRow row) => new(
        row.Sequence,
        row.OccurredAt,
        row.ActorId is { } actor ? new UserId(actor) : null,
        row.TeamId is { } team ? new TeamId(team) : null,
        row.SubjectKind,
        row.SubjectId,
        row.Action,
        row.Before,
        row.After)
    {
        ActorKeyId = row.ActorKeyId is { } key ? new ApiKeyId(key) : null,
    };
}
