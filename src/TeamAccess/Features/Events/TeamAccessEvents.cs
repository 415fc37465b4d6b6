namespace TeamAccess.Events;

/// <summary>The one map from an audit action to its typed event: each action has exactly one type, and each type one action.</summary>
internal static class TeamAccessEvents
{
    private static readonly Dictionary<string, Func<AuditEvent, TeamAccessEvent>> Factories = new(StringComparer.Ordinal)
    {
        [AuditActions.UserCreated] = e => new UserCreatedEvent(e),
        [AuditActions.UserRenamed] = e => new UserRenamedEvent(e),
        [AuditActions.UserDeleted] = e => new UserDeletedEvent(e),
        [AuditActions.TeamCreated] = e => new TeamCreatedEvent(e),
        [AuditActions.TeamRenamed] = e => new TeamRenamedEvent(e),
        [AuditActions.TeamTierChanged] = e => new TeamTierChangedEvent(e),
        [AuditActions.TeamDeleted] = e => new TeamDeletedEvent(e),
        [AuditActions.TeamSignInPolicyChanged] = e => new TeamSignInPolicyChangedEvent(e),
        [AuditActions.MembershipAdded] = e => new MemberAddedEvent(e),
        [AuditActions.MembershipRoleChanged] = e => new MemberRoleChangedEvent(e),
        [AuditActions.MembershipDeactivated] = e => new MemberDeactivatedEvent(e),
        [AuditActions.MembershipReactivated] = e => new MemberReactivatedEvent(e),
        [AuditActions.MembershipRemoved] = e => new MemberRemovedEvent(e),
        [AuditActions.MembershipLeft] = e => new MemberLeftEvent(e),
        [AuditActions.MembershipJoinedJustInTime] = e => new MemberJoinedJustInTimeEvent(e),
        [AuditActions.MembershipSessionsEnded] = e => new MemberSessionsEndedEvent(e),
        [AuditActions.MembershipDirectoryLinked] = e => new MemberDirectoryLinkedEvent(e),
        [AuditActions.MembershipInvited] = e => new InvitationSentEvent(e),
        [AuditActions.InvitationResent] = e => new InvitationResentEvent(e),
        [AuditActions.InvitationRevoked] = e => new InvitationRevokedEvent(e),
        [AuditActions.InvitationDeclined] = e => new InvitationDeclinedEvent(e),
        [AuditActions.InvitationAccepted] = e => new InvitationAcceptedEvent(e),
        [AuditActions.InvitationExpired] = e => new InvitationExpiredEvent(e),
        [AuditActions.TeamRoleCreated] = e => new TeamRoleCreatedEvent(e),
        [AuditActions.TeamRoleChanged] = e => new TeamRoleChangedEvent(e),
        [AuditActions.TeamRoleDeleted] = e => new TeamRoleDeletedEvent(e),
        [AuditActions.GroupCreated] = e => new GroupCreatedEvent(e),
        [AuditActions.GroupDeleted] = e => new GroupDeletedEvent(e),
        [AuditActions.GroupMemberAdded] = e => new GroupMemberAddedEvent(e),
        [AuditActions.GroupMemberRemoved] = e => new GroupMemberRemovedEvent(e),
        [AuditActions.GroupRenamed] = e => new GroupRenamedEvent(e),
        [AuditActions.GrantGiven] = e => new GrantGivenEvent(e),
        [AuditActions.GrantRevoked] = e => new GrantRevokedEvent(e),
        [AuditActions.OwnershipOffered] = e => new OwnershipOfferedEvent(e),
        [AuditActions.OwnershipOfferAccepted] = e => new OwnershipTransferredEvent(e),
        [AuditActions.OwnershipOfferDeclined] = e => new OwnershipOfferDeclinedEvent(e),
        [AuditActions.OwnershipOfferWithdrawn] = e => new OwnershipOfferWithdrawnEvent(e),
        [AuditActions.OwnershipOfferCancelled] = e => new OwnershipOfferCancelledEvent(e),
        [AuditActions.OwnershipOfferExpired] = e => new OwnershipOfferExpiredEvent(e),
        [AuditActions.UserLoginLinked] = e => new UserLoginLinkedEvent(e),
        [AuditActions.UserEmailConfirmed] = e => new UserEmailConfirmedEvent(e),
        [AuditActions.UserEmailConfirmationReissued] = e => new UserEmailConfirmationReissuedEvent(e),
        [AuditActions.UserEmailClaimed] = e => new UserEmailClaimedEvent(e),
        [AuditActions.UserSignInAttempted] = e => new UserSignInAttemptedEvent(e),
        [AuditActions.UserSignedIn] = e => new UserSignedInEvent(e),
        [AuditActions.UserSignedOut] = e => new UserSignedOutEvent(e),
        [AuditActions.UserSignedOutEverywhere] = e => new UserSignedOutEverywhereEvent(e),
        [AuditActions.UserPasswordChanged] = e => new UserPasswordChangedEvent(e),
        [AuditActions.UserAuthenticatorEnrolmentStarted] = e => new UserAuthenticatorEnrolmentStartedEvent(e),
        [AuditActions.UserAuthenticatorConfirmed] = e => new UserAuthenticatorConfirmedEvent(e),
        [AuditActions.UserAuthenticatorRemoved] = e => new UserAuthenticatorRemovedEvent(e),
        [AuditActions.UserPasskeyRegistered] = e => new UserPasskeyRegisteredEvent(e),
        [AuditActions.UserPasskeyRenamed] = e => new UserPasskeyRenamedEvent(e),
        [AuditActions.UserPasskeyRemoved] = e => new UserPasskeyRemovedEvent(e),
        [AuditActions.UserPasskeyUsed] = e => new UserPasskeyUsedEvent(e),
        [AuditActions.UserRecoveryCodesGenerated] = e => new UserRecoveryCodesGeneratedEvent(e),
        [AuditActions.UserSecondFactorAttempted] = e => new UserSecondFactorAttemptedEvent(e),
        [AuditActions.UserSecondFactorProven] = e => new UserSecondFactorProvenEvent(e),
        [AuditActions.UserPasswordResetRequested] = e => new UserPasswordResetRequestedEvent(e),
        [AuditActions.UserPasswordReset] = e => new UserPasswordResetEvent(e),
        [AuditActions.ServiceAccountCreated] = e => new ServiceAccountCreatedEvent(e),
        [AuditActions.ServiceAccountChanged] = e => new ServiceAccountChangedEvent(e),
        [AuditActions.ServiceAccountDeleted] = e => new ServiceAccountDeletedEvent(e),
        [AuditActions.ApiKeyCreated] = e => new ApiKeyCreatedEvent(e),
        [AuditActions.ApiKeyRotated] = e => new ApiKeyRotatedEvent(e),
        [AuditActions.ApiKeyRevoked] = e => new ApiKeyRevokedEvent(e),
        [AuditActions.ApiKeyExpired] = e => new ApiKeyExpiredEvent(e),
        [AuditActions.TeamProviderAdded] = e => new TeamProviderAddedEvent(e),
        [AuditActions.TeamProviderChanged] = e => new TeamProviderChangedEvent(e),
        [AuditActions.TeamProviderActivated] = e => new TeamProviderActivatedEvent(e),
        [AuditActions.TeamProviderSuspended] = e => new TeamProviderSuspendedEvent(e),
        [AuditActions.TeamProviderDeleted] = e => new TeamProviderDeletedEvent(e),
        [AuditActions.TeamDomainClaimed] = e => new TeamDomainClaimedEvent(e),
        [AuditActions.TeamDomainChecked] = e => new TeamDomainCheckedEvent(e),
        [AuditActions.TeamDomainRemoved] = e => new TeamDomainRemovedEvent(e),
    };

    /// <summary>Gets the audit actions that have a type.</summary>
    public static IEnumerable<string> Actions => Factories.Keys;

    /// <summary>Projects one audit event to its typed event (<see cref="UnrecognizedEvent"/> for an action without a type).</summary>
    public static TeamAccessEvent From(AuditEvent audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return Factories.TryGetValue(audit.Action, out var create) ? create(audit) : new UnrecognizedEvent(audit);
    }
}
