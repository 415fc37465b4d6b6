namespace TeamAccess;

/// <summary>
/// The actions an <see cref="AuditEvent"/> records: the library's own names. A host names an action by its event type
/// (<see cref="Events.TeamAccessEvent.ActionOf{TEvent}"/>), or matches the typed event (<see cref="Events.TeamAccessEvent.From"/>).
/// </summary>
internal static class AuditActions
{
    /// <summary>A user signed up or was created.</summary>
    public const string UserCreated = "user.created";

    /// <summary>A user's names changed.</summary>
    public const string UserRenamed = "user.renamed";

    /// <summary>A user was deleted.</summary>
    public const string UserDeleted = "user.deleted";

    /// <summary>A team was created.</summary>
    public const string TeamCreated = "team.created";

    /// <summary>A team was renamed.</summary>
    public const string TeamRenamed = "team.renamed";

    /// <summary>A team's tier changed.</summary>
    public const string TeamTierChanged = "team.tier_changed";

    /// <summary>A team was deleted.</summary>
    public const string TeamDeleted = "team.deleted";

    /// <summary>A membership was created Active (sign-up, team creation, direct add).</summary>
    public const string MembershipAdded = "membership.added";

    /// <summary>A membership's role changed.</summary>
    public const string MembershipRoleChanged = "membership.role_changed";

    /// <summary>A membership was deactivated.</summary>
    public const string MembershipDeactivated = "membership.deactivated";

    /// <summary>A membership was reactivated.</summary>
    public const string MembershipReactivated = "membership.reactivated";

    /// <summary>A membership was removed by a manager, or because its user was deleted.</summary>
    public const string MembershipRemoved = "membership.removed";

    /// <summary>A member left the team.</summary>
    public const string MembershipLeft = "membership.left";

    /// <summary>A group was created.</summary>
    public const string GroupCreated = "group.created";

    /// <summary>A group was deleted.</summary>
    public const string GroupDeleted = "group.deleted";

    /// <summary>A member was added to a group.</summary>
    public const string GroupMemberAdded = "group.member_added";

    /// <summary>A member was taken out of a group.</summary>
    public const string GroupMemberRemoved = "group.member_removed";

    /// <summary>A group's name changed (its handle stays).</summary>
    public const string GroupRenamed = "group.renamed";

    /// <summary>A grant was given or widened.</summary>
    public const string GrantGiven = "grant.given";

    /// <summary>A grant was revoked.</summary>
    public const string GrantRevoked = "grant.revoked";

    /// <summary>An address was invited: a new Invited membership.</summary>
    public const string MembershipInvited = "membership.invited";

    /// <summary>An invitation was sent again with a new secret.</summary>
    public const string InvitationResent = "invitation.resent";

    /// <summary>An invitation was revoked before it was accepted.</summary>
    public const string InvitationRevoked = "invitation.revoked";

    /// <summary>The invitee declined.</summary>
    public const string InvitationDeclined = "invitation.declined";

    /// <summary>The invitee accepted: the membership went Active.</summary>
    public const string InvitationAccepted = "invitation.accepted";

    /// <summary>An invitation was found expired and closed.</summary>
    public const string InvitationExpired = "invitation.expired";

    /// <summary>An external identity was linked to a user.</summary>
    public const string UserLoginLinked = "user.login_linked";

    /// <summary>A user confirmed their email address with the activation link, or by accepting an invitation sent to it.</summary>
    public const string UserEmailConfirmed = "user.email_confirmed";

    /// <summary>A new activation link was issued for a user's unconfirmed address (the earlier one died).</summary>
    public const string UserEmailConfirmationReissued = "user.email_confirmation_reissued";

    /// <summary>
    /// A provider authoritative for the address proved it for an unconfirmed account: the account's password and
    /// activation link ended, and the address counts as confirmed.
    /// </summary>
    public const string UserEmailClaimed = "user.email_claimed";

    /// <summary>A membership's security stamp was replaced to end its sessions (its user's unconfirmed account was claimed).</summary>
    public const string MembershipSessionsEnded = "membership.sessions_ended";

    /// <summary>The team's directory (SCIM) set or changed the <c>externalId</c> it knows a membership by.</summary>
    public const string MembershipDirectoryLinked = "membership.directory_linked";

    /// <summary>A password sign-in was attempted (counted before it is judged, so parallel guesses cannot pass the lockout).</summary>
    public const string UserSignInAttempted = "user.sign_in_attempted";

    /// <summary>A password sign-in succeeded: the failure count is reset (and an old hash upgraded).</summary>
    public const string UserSignedIn = "user.signed_in";

    /// <summary>One session was signed out: its id is refused until the session would have expired anyway.</summary>
    public const string UserSignedOut = "user.signed_out";

    /// <summary>Every session of the user was signed out: the user's session stamp was replaced.</summary>
    public const string UserSignedOutEverywhere = "user.signed_out_everywhere";

    /// <summary>The user changed their password (proving the current one); their other sessions ended.</summary>
    public const string UserPasswordChanged = "user.password_changed";

    /// <summary>A password reset was requested: a new single-use token (stored hashed) replaced any earlier one.</summary>
    public const string UserPasswordResetRequested = "user.password_reset_requested";

    /// <summary>The password was reset with a reset token; every session of the user ended.</summary>
    public const string UserPasswordReset = "user.password_reset";

    /// <summary>An authenticator enrolment began: a new secret (stored encrypted) waits for its first code.</summary>
    public const string UserAuthenticatorEnrolmentStarted = "user.authenticator_enrolment_started";

    /// <summary>The user confirmed an authenticator with its first code; ten recovery codes (stored hashed) were generated with it.</summary>
    public const string UserAuthenticatorConfirmed = "user.authenticator_confirmed";

    /// <summary>The user removed their authenticator and recovery codes (after a recent second factor); every session of the user ended.</summary>
    public const string UserAuthenticatorRemoved = "user.authenticator_removed";

    /// <summary>A user registered a passkey.</summary>
    public const string UserPasskeyRegistered = "user.passkey_registered";

    /// <summary>A user renamed a passkey.</summary>
    public const string UserPasskeyRenamed = "user.passkey_renamed";

    /// <summary>A user removed a passkey.</summary>
    public const string UserPasskeyRemoved = "user.passkey_removed";

    /// <summary>A passkey was used (sign-in, second factor or step-up): its counter and backup state moved.</summary>
    public const string UserPasskeyUsed = "user.passkey_used";

    /// <summary>The user generated new recovery codes; the old ones no longer work.</summary>
    public const string UserRecoveryCodesGenerated = "user.recovery_codes_generated";

    /// <summary>A second factor's code was refused; it counts toward the lockout the password's failures count toward.</summary>
    public const string UserSecondFactorAttempted = "user.second_factor_attempted";

    /// <summary>A second factor was proven (an authenticator code, whose time step is now used, or a recovery code, now spent).</summary>
    public const string UserSecondFactorProven = "user.second_factor_proven";

    /// <summary>The team's sign-in policy changed.</summary>
    public const string TeamSignInPolicyChanged = "team.sign_in_policy_changed";

    /// <summary>A user joined a team just in time, through the team's SSO provider and verified domain.</summary>
    public const string MembershipJoinedJustInTime = "membership.joined_just_in_time";

    /// <summary>A guardian offered the guardian role to another member (the team's ownership offer was set).</summary>
    public const string OwnershipOffered = "ownership.offered";

    /// <summary>The member accepted the ownership offer; the role changes follow as their own events.</summary>
    public const string OwnershipOfferAccepted = "ownership.offer_accepted";

    /// <summary>The member declined the ownership offer.</summary>
    public const string OwnershipOfferDeclined = "ownership.offer_declined";

    /// <summary>The offerer withdrew the ownership offer.</summary>
    public const string OwnershipOfferWithdrawn = "ownership.offer_withdrawn";

    /// <summary>The ownership offer was closed because the offerer's or the recipient's membership changed role or status.</summary>
    public const string OwnershipOfferCancelled = "ownership.offer_cancelled";

    /// <summary>An expired ownership offer was closed (a new offer replaced it).</summary>
    public const string OwnershipOfferExpired = "ownership.offer_expired";

    /// <summary>A team defined a role of its own.</summary>
    public const string TeamRoleCreated = "team_role.created";

    /// <summary>A team changed one of its own roles (rank, permissions, flags).</summary>
    public const string TeamRoleChanged = "team_role.changed";

    /// <summary>A team deleted one of its own roles.</summary>
    public const string TeamRoleDeleted = "team_role.deleted";

    /// <summary>A service account was created (a membership of <see cref="AuditSubjectKind.Membership"/> marked as a service account).</summary>
    public const string ServiceAccountCreated = "service_account.created";

    /// <summary>A service account's name, description or role changed.</summary>
    public const string ServiceAccountChanged = "service_account.changed";

    /// <summary>A service account was deleted (its keys are revoked with it).</summary>
    public const string ServiceAccountDeleted = "service_account.deleted";

    /// <summary>An API key was created (its secret is never audited).</summary>
    public const string ApiKeyCreated = "api_key.created";

    /// <summary>An API key was rotated: a new key replaces it, and it expires at the end of the overlap.</summary>
    public const string ApiKeyRotated = "api_key.rotated";

    /// <summary>An API key was revoked.</summary>
    public const string ApiKeyRevoked = "api_key.revoked";

    /// <summary>An API key reached its expiry unrevoked (recorded once, by the expiry sweep, as the host).</summary>
    public const string ApiKeyExpired = "api_key.expired";

    /// <summary>A team added an identity provider of its own (a draft; its client secret is never audited).</summary>
    public const string TeamProviderAdded = "team_provider.added";

    /// <summary>A team changed its identity provider's settings.</summary>
    public const string TeamProviderChanged = "team_provider.changed";

    /// <summary>A team's identity provider was activated: it signs people in.</summary>
    public const string TeamProviderActivated = "team_provider.activated";

    /// <summary>A team's identity provider was suspended: it signs nobody in, and its sessions end.</summary>
    public const string TeamProviderSuspended = "team_provider.suspended";

    /// <summary>A team's identity provider was deleted.</summary>
    public const string TeamProviderDeleted = "team_provider.deleted";

    /// <summary>A team claimed an email domain (pending until its DNS TXT record is found).</summary>
    public const string TeamDomainClaimed = "team_domain.claimed";

    /// <summary>A claimed domain's state changed after a DNS check (verified, failed, expired).</summary>
    public const string TeamDomainChecked = "team_domain.checked";

    /// <summary>A team released a domain it had claimed.</summary>
    public const string TeamDomainRemoved = "team_domain.removed";
}
