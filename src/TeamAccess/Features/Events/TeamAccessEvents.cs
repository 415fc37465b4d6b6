namespace TeamAccess.Events;

/// <summary>The one map from an audit action to its typed event: each action has exactly one type, and each type one action.</summary>
internal static class TeamAccessEvents
{
    private static readonly Entry[] Entries =
    [
        new(AuditActions.UserCreated, typeof(UserCreatedEvent), e => new UserCreatedEvent(e)),
        new(AuditActions.UserRenamed, typeof(UserRenamedEvent), e => new UserRenamedEvent(e)),
        new(AuditActions.UserDeleted, typeof(UserDeletedEvent), e => new UserDeletedEvent(e)),
        new(AuditActions.TeamCreated, typeof(TeamCreatedEvent), e => new TeamCreatedEvent(e)),
        new(AuditActions.TeamRenamed, typeof(TeamRenamedEvent), e => new TeamRenamedEvent(e)),
        new(AuditActions.TeamTierChanged, typeof(TeamTierChangedEvent), e => new TeamTierChangedEvent(e)),
        new(AuditActions.TeamDeleted, typeof(TeamDeletedEvent), e => new TeamDeletedEvent(e)),
        new(AuditActions.TeamSignInPolicyChanged, typeof(TeamSignInPolicyChangedEvent), e => new TeamSignInPolicyChangedEvent(e)),
        new(AuditActions.MembershipAdded, typeof(MemberAddedEvent), e => new MemberAddedEvent(e)),
        new(AuditActions.MembershipRoleChanged, typeof(MemberRoleChangedEvent), e => new MemberRoleChangedEvent(e)),
        new(AuditActions.MembershipDeactivated, typeof(MemberDeactivatedEvent), e => new MemberDeactivatedEvent(e)),
        new(AuditActions.MembershipReactivated, typeof(MemberReactivatedEvent), e => new MemberReactivatedEvent(e)),
        new(AuditActions.MembershipRemoved, typeof(MemberRemovedEvent), e => new MemberRemovedEvent(e)),
        new(AuditActions.MembershipLeft, typeof(MemberLeftEvent), e => new MemberLeftEvent(e)),
        new(AuditActions.MembershipJoinedJustInTime, typeof(MemberJoinedJustInTimeEvent), e => new MemberJoinedJustInTimeEvent(e)),
        new(AuditActions.MembershipSessionsEnded, typeof(MemberSessionsEndedEvent), e => new MemberSessionsEndedEvent(e)),
        new(AuditActions.MembershipDirectoryLinked, typeof(MemberDirectoryLinkedEvent), e => new MemberDirectoryLinkedEvent(e)),
        new(AuditActions.MembershipInvited, typeof(InvitationSentEvent), e => new InvitationSentEvent(e)),
        new(AuditActions.InvitationResent, typeof(InvitationResentEvent), e => new InvitationResentEvent(e)),
        new(AuditActions.InvitationRevoked, typeof(InvitationRevokedEvent), e => new InvitationRevokedEvent(e)),
        new(AuditActions.InvitationDeclined, typeof(InvitationDeclinedEvent), e => new InvitationDeclinedEvent(e)),
        new(AuditActions.InvitationAccepted, typeof(InvitationAcceptedEvent), e => new InvitationAcceptedEvent(e)),
        new(AuditActions.InvitationExpired, typeof(InvitationExpiredEvent), e => new InvitationExpiredEvent(e)),
        new(AuditActions.TeamRoleCreated, typeof(TeamRoleCreatedEvent), e => new TeamRoleCreatedEvent(e)),
        new(AuditActions.TeamRoleChanged, typeof(TeamRoleChangedEvent), e => new TeamRoleChangedEvent(e)),
        new(AuditActions.TeamRoleDeleted, typeof(TeamRoleDeletedEvent), e => new TeamRoleDeletedEvent(e)),
        new(AuditActions.GroupCreated, typeof(GroupCreatedEvent), e => new GroupCreatedEvent(e)),
        new(AuditActions.GroupDeleted, typeof(GroupDeletedEvent), e => new GroupDeletedEvent(e)),
        new(AuditActions.GroupMemberAdded, typeof(GroupMemberAddedEvent), e => new GroupMemberAddedEvent(e)),
        new(AuditActions.GroupMemberRemoved, typeof(GroupMemberRemovedEvent), e => new GroupMemberRemovedEvent(e)),
        new(AuditActions.GroupRenamed, typeof(GroupRenamedEvent), e => new GroupRenamedEvent(e)),
        new(AuditActions.GrantGiven, typeof(GrantGivenEvent), e => new GrantGivenEvent(e)),
        new(AuditActions.GrantRevoked, typeof(GrantRevokedEvent), e => new GrantRevokedEvent(e)),
        new(AuditActions.OwnershipOffered, typeof(OwnershipOfferedEvent), e => new OwnershipOfferedEvent(e)),
        new(AuditActions.OwnershipOfferAccepted, typeof(OwnershipTransferredEvent), e => new OwnershipTransferredEvent(e)),
        new(AuditActions.OwnershipOfferDeclined, typeof(OwnershipOfferDeclinedEvent), e => new OwnershipOfferDeclinedEvent(e)),
        new(AuditActions.OwnershipOfferWithdrawn, typeof(OwnershipOfferWithdrawnEvent), e => new OwnershipOfferWithdrawnEvent(e)),
        new(AuditActions.OwnershipOfferCancelled, typeof(OwnershipOfferCancelledEvent), e => new OwnershipOfferCancelledEvent(e)),
        new(AuditActions.OwnershipOfferExpired, typeof(OwnershipOfferExpiredEvent), e => new OwnershipOfferExpiredEvent(e)),
        new(AuditActions.UserLoginLinked, typeof(UserLoginLinkedEvent), e => new UserLoginLinkedEvent(e)),
        new(AuditActions.UserEmailConfirmed, typeof(UserEmailConfirmedEvent), e => new UserEmailConfirmedEvent(e)),
        new(AuditActions.UserEmailConfirmationReissued, typeof(UserEmailConfirmationReissuedEvent), e => new UserEmailConfirmationReissuedEvent(e)),
        new(AuditActions.UserEmailClaimed, typeof(UserEmailClaimedEvent), e => new UserEmailClaimedEvent(e)),
        new(AuditActions.UserSignInAttempted, typeof(UserSignInAttemptedEvent), e => new UserSignInAttemptedEvent(e)),
        new(AuditActions.UserSignedIn, typeof(UserSignedInEvent), e => new UserSignedInEvent(e)),
        new(AuditActions.UserSignedOut, typeof(UserSignedOutEvent), e => new UserSignedOutEvent(e)),
        new(AuditActions.UserSignedOutEverywhere, typeof(UserSignedOutEverywhereEvent), e => new UserSignedOutEverywhereEvent(e)),
        new(AuditActions.UserPasswordChanged, typeof(UserPasswordChangedEvent), e => new UserPasswordChangedEvent(e)),
        new(AuditActions.UserAuthenticatorEnrolmentStarted, typeof(UserAuthenticatorEnrolmentStartedEvent), e => new UserAuthenticatorEnrolmentStartedEvent(e)),
        new(AuditActions.UserAuthenticatorConfirmed, typeof(UserAuthenticatorConfirmedEvent), e => new UserAuthenticatorConfirmedEvent(e)),
        new(AuditActions.UserAuthenticatorRemoved, typeof(UserAuthenticatorRemovedEvent), e => new UserAuthenticatorRemovedEvent(e)),
        new(AuditActions.UserPasskeyRegistered, typeof(UserPasskeyRegisteredEvent), e => new UserPasskeyRegisteredEvent(e)),
        new(AuditActions.UserPasskeyRenamed, typeof(UserPasskeyRenamedEvent), e => new UserPasskeyRenamedEvent(e)),
        new(AuditActions.UserPasskeyRemoved, typeof(UserPasskeyRemovedEvent), e => new UserPasskeyRemovedEvent(e)),
        new(AuditActions.UserPasskeyUsed, typeof(UserPasskeyUsedEvent), e => new UserPasskeyUsedEvent(e)),
        new(AuditActions.UserRecoveryCodesGenerated, typeof(UserRecoveryCodesGeneratedEvent), e => new UserRecoveryCodesGeneratedEvent(e)),
        new(AuditActions.UserSecondFactorAttempted, typeof(UserSecondFactorAttemptedEvent), e => new UserSecondFactorAttemptedEvent(e)),
        new(AuditActions.UserSecondFactorProven, typeof(UserSecondFactorProvenEvent), e => new UserSecondFactorProvenEvent(e)),
        new(AuditActions.UserPasswordResetRequested, typeof(UserPasswordResetRequestedEvent), e => new UserPasswordResetRequestedEvent(e)),
        new(AuditActions.UserPasswordReset, typeof(UserPasswordResetEvent), e => new UserPasswordResetEvent(e)),
        new(AuditActions.ServiceAccountCreated, typeof(ServiceAccountCreatedEvent), e => new ServiceAccountCreatedEvent(e)),
        new(AuditActions.ServiceAccountChanged, typeof(ServiceAccountChangedEvent), e => new ServiceAccountChangedEvent(e)),
        new(AuditActions.ServiceAccountDeleted, typeof(ServiceAccountDeletedEvent), e => new ServiceAccountDeletedEvent(e)),
        new(AuditActions.ApiKeyCreated, typeof(ApiKeyCreatedEvent), e => new ApiKeyCreatedEvent(e)),
        new(AuditActions.ApiKeyRotated, typeof(ApiKeyRotatedEvent), e => new ApiKeyRotatedEvent(e)),
        new(AuditActions.ApiKeyRevoked, typeof(ApiKeyRevokedEvent), e => new ApiKeyRevokedEvent(e)),
        new(AuditActions.ApiKeyExpired, typeof(ApiKeyExpiredEvent), e => new ApiKeyExpiredEvent(e)),
        new(AuditActions.TeamProviderAdded, typeof(TeamProviderAddedEvent), e => new TeamProviderAddedEvent(e)),
        new(AuditActions.TeamProviderChanged, typeof(TeamProviderChangedEvent), e => new TeamProviderChangedEvent(e)),
        new(AuditActions.TeamProviderActivated, typeof(TeamProviderActivatedEvent), e => new TeamProviderActivatedEvent(e)),
        new(AuditActions.TeamProviderSuspended, typeof(TeamProviderSuspendedEvent), e => new TeamProviderSuspendedEvent(e)),
        new(AuditActions.TeamProviderDeleted, typeof(TeamProviderDeletedEvent), e => new TeamProviderDeletedEvent(e)),
        new(AuditActions.TeamDomainClaimed, typeof(TeamDomainClaimedEvent), e => new TeamDomainClaimedEvent(e)),
        new(AuditActions.TeamDomainChecked, typeof(TeamDomainCheckedEvent), e => new TeamDomainCheckedEvent(e)),
        new(AuditActions.TeamDomainRemoved, typeof(TeamDomainRemovedEvent), e => new TeamDomainRemovedEvent(e)),
    ];

    private static readonly Dictionary<string, Func<AuditEvent, TeamAccessEvent>> Factories = Entries.ToDictionary(e => e.Action, e => e.Create, StringComparer.Ordinal);

    private static readonly Dictionary<Type, string> ActionsByType = Entries.ToDictionary(e => e.Type, e => e.Action);

    /// <summary>Gets the audit actions that have a type.</summary>
    public static IEnumerable<string> Actions => Factories.Keys;

    /// <summary>Projects one audit event to its typed event (<see cref="UnrecognizedEvent"/> for an action without a type).</summary>
    public static TeamAccessEvent From(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return Factories.TryGetValue(audit.Action, out var create) ? create(audit) : new UnrecognizedEvent(audit);
    }

    /// <summary>Gets the audit action an event type is projected from.</summary>
    public static string ActionOf(Type type) =>
        ActionsByType.TryGetValue(type, out var action) ? action : throw new ArgumentException($"{type.Name} is not projected from one audit action.", nameof(type));

    private sealed record Entry(string Action, Type Type, Func<AuditEvent, TeamAccessEvent> Create);
}
