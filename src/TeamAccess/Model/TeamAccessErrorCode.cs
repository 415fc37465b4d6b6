namespace TeamAccess;

/// <summary>
/// Stable, machine-readable codes for every expected refusal. Values never change meaning; new codes are appended.
/// </summary>
public enum TeamAccessErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The subject (user, team, membership, group, grant) does not exist, or is not visible to the actor.</summary>
    NotFound = 1,

    /// <summary>The actor lacks the permission the operation needs.</summary>
    PermissionDenied = 2,

    /// <summary>The change would leave the team without an Active holder of its guardian role.</summary>
    LastGuardian = 3,

    /// <summary>The actor tried to give or manage a role ranked above their own.</summary>
    RoleRankTooHigh = 4,

    /// <summary>Only a holder of the guardian role may do this (grant the guardian role, delete the team, change its tier).</summary>
    GuardianRequired = 5,

    /// <summary>The email address is malformed.</summary>
    InvalidEmail = 6,

    /// <summary>The handle is malformed (3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit).</summary>
    InvalidHandle = 7,

    /// <summary>A name (first, last, team or group name) is empty, too long or holds control or invisible format characters (such as bidirectional overrides).</summary>
    InvalidName = 8,

    /// <summary>The role is not in the role catalog.</summary>
    InvalidRole = 9,

    /// <summary>The permission is not registered.</summary>
    InvalidPermission = 10,

    /// <summary>The resource id is empty, too long or holds control characters.</summary>
    InvalidResource = 11,

    /// <summary>Another user already has this email address.</summary>
    DuplicateEmail = 12,

    /// <summary>Another team or group already has this handle.</summary>
    DuplicateHandle = 13,

    /// <summary>The user already has an Active or Inactive membership in the team.</summary>
    AlreadyMember = 14,

    /// <summary>The address already has a pending invitation to the team.</summary>
    AlreadyInvited = 15,

    /// <summary>The membership's or team's status does not allow this transition.</summary>
    InvalidTransition = 16,

    /// <summary>Concurrent writers kept changing the team; the operation gave up after its bounded retries.</summary>
    ConcurrencyFailure = 17,

    /// <summary>The team has been deleted.</summary>
    TeamDeleted = 18,

    /// <summary>A read-only role cannot hold a write permission, directly, through a group or through a grant.</summary>
    ReadOnlyRole = 19,

    /// <summary>The actor tried to give a permission they do not hold themselves.</summary>
    ExceedsGranterPermissions = 20,

    /// <summary>The membership is already in the group.</summary>
    AlreadyInGroup = 21,

    /// <summary>The membership is not in the group.</summary>
    NotInGroup = 22,

    /// <summary>The user still holds the guardian role as the last Active guardian of a team and cannot be deleted.</summary>
    UserIsLastGuardian = 23,

    /// <summary>The value is already what was asked for; nothing changed.</summary>
    NoChange = 24,

    /// <summary>A batch or list was larger than the configured limit; nothing was done.</summary>
    BatchTooLarge = 25,

    /// <summary>The invitation token or code is wrong, malformed or unknown.</summary>
    InvalidToken = 26,

    /// <summary>The invitation expired before it was accepted; the address can be invited again.</summary>
    InvitationExpired = 27,

    /// <summary>The team revoked the invitation.</summary>
    InvitationRevoked = 28,

    /// <summary>The invitee declined the invitation.</summary>
    InvitationDeclined = 29,

    /// <summary>The invitation was already accepted; it works once.</summary>
    InvitationAlreadyAccepted = 30,

    /// <summary>The accepting user's email address is not the invited one.</summary>
    EmailMismatch = 31,

    /// <summary>The password does not meet the policy; the error's details list the failed criteria.</summary>
    PasswordPolicy = 32,

    /// <summary>The inviter no longer holds the right to give the invited role.</summary>
    InviterLostRight = 33,

    /// <summary>
    /// Too many wrong codes were tried; the code is locked (the link still works, or ask for a resend). The invitation
    /// service does not answer it (a locked code answers <see cref="InvalidToken"/>, as an unknown address does, and the
    /// lock is logged), so that no answer tells whether an address was invited.
    /// </summary>
    InvitationLocked = 34,

    /// <summary>The operation was repeated too soon; try again later.</summary>
    RateLimited = 35,

    /// <summary>The invitation lifetime lies outside the bounds the host allows.</summary>
    InvalidLifetime = 36,

    /// <summary>The team requires its single sign-on provider, and no verified identity from it with the invited email was given.</summary>
    SsoRequired = 37,

    /// <summary>The invited address already has an account: sign in to accept rather than creating one.</summary>
    SignInRequired = 38,

    /// <summary>The email address or password is wrong (the answer is the same whether or not the address has an account).</summary>
    InvalidCredentials = 39,

    /// <summary>
    /// Too many failed sign-ins; the account is locked for a while. Password sign-in does not answer it (a locked account
    /// answers <see cref="InvalidCredentials"/>, as an unknown address does, and the lock is logged), so that the answer
    /// never tells whether an address has an account.
    /// </summary>
    LockedOut = 40,

    /// <summary>No identity provider is registered under that name.</summary>
    UnknownProvider = 41,

    /// <summary>The team does not accept this identity provider.</summary>
    ProviderNotAccepted = 42,

    /// <summary>Switching to the team needs a new sign-in, because it does not accept the provider that signed the session in.</summary>
    ReauthenticationRequired = 43,

    /// <summary>The session token has expired.</summary>
    SessionExpired = 44,

    /// <summary>The session's membership changed (role, status), ended, or its user was deleted since the session was issued.</summary>
    SessionRevoked = 45,

    /// <summary>The session is bound to another team.</summary>
    WrongTeam = 46,

    /// <summary>The identity provider does not mark the email address as verified.</summary>
    EmailNotVerified = 47,

    /// <summary>The external identity (issuer, subject) is already linked to another user.</summary>
    LoginAlreadyLinked = 48,

    /// <summary>
    /// The host has not verified that the team owns the email domain (see <see cref="TeamAccess.Accounts.IDomainVerifier"/>); a guardian's word
    /// does not verify a domain.
    /// </summary>
    DomainNotVerified = 49,

    /// <summary>
    /// The identity provider is not authoritative for the email address's domain (see
    /// <see cref="TeamAccess.Accounts.OidcProviderOptions.AuthoritativeDomains"/>), so its verified email neither proves the address nor picks an account.
    /// </summary>
    ProviderNotAuthoritative = 50,

    /// <summary>The account's email address is not confirmed yet: use the activation link sent to it.</summary>
    EmailNotConfirmed = 51,

    /// <summary>The activation link has expired; ask for a new one.</summary>
    EmailConfirmationExpired = 52,

    /// <summary>The tier is not one of the defined <see cref="TeamTier"/> values.</summary>
    InvalidTier = 53,

    /// <summary>The page cursor is malformed, or was made by another kind of list.</summary>
    InvalidCursor = 54,

    /// <summary>The team already has an open ownership offer; it is accepted, declined, withdrawn or expires before another is made.</summary>
    OwnershipOfferPending = 55,

    /// <summary>
    /// There is no open ownership offer for the actor to answer or withdraw: none was made, it was answered, withdrawn or
    /// replaced, it was closed by a change to either membership, or it was made to or by someone else.
    /// </summary>
    OwnershipOfferNotFound = 56,

    /// <summary>The ownership offer expired before it was answered; the guardian can make a new one.</summary>
    OwnershipOfferExpired = 57,

    /// <summary>
    /// A team role's name is not valid: 1 to 64 letters, digits, spaces, hyphens or underscores, with no space at either
    /// end (the rule of the host's catalog role names).
    /// </summary>
    InvalidRoleName = 60,

    /// <summary>The team already has a role of that name (names compare without regard to case).</summary>
    RoleNameTaken = 61,

    /// <summary>
    /// The name is a role of the host's catalog (the guardian role among them): a team cannot define, redefine, shadow or
    /// delete it.
    /// </summary>
    CatalogRole = 62,

    /// <summary>
    /// The team role is in use (held by a current membership, invited in a pending invitation, or named as the team's
    /// just-in-time role) and cannot be deleted; the refusal's details name the holders' membership ids.
    /// </summary>
    RoleInUse = 63,

    /// <summary>The team already has as many roles of its own as the host allows (<see cref="TeamRoleOptions.MaxRolesPerTeam"/>).</summary>
    TeamRoleLimitReached = 64,

    /// <summary>The host does not let teams put this permission in a role of their own (<see cref="TeamRoleOptions.AllowedPermissions"/>; the guardian's own permissions never).</summary>
    PermissionNotAllowed = 65,

    /// <summary>An import row's password hash is not in the documented format, or its work factor is outside the accepted range (see <see cref="TeamAccess.Import.ImportRow.PasswordHash"/>).</summary>
    InvalidPasswordHash = 75,

    /// <summary>An import row's field is longer than any valid value, or the row names too many groups.</summary>
    FieldTooLong = 76,

    /// <summary>
    /// A required field is missing: an import row's email, team or role (or the names of a user the import creates), or a
    /// required field of an HTTP request body (the ASP.NET Core endpoints name the field in the message).
    /// </summary>
    MissingField = 77,

    /// <summary>No team has the import row's handle, or the importing user is not a member of it.</summary>
    UnknownTeam = 78,

    /// <summary>The team has no group with one of the import row's group handles.</summary>
    UnknownGroup = 79,

    /// <summary>The import row could not be read (a CSV line with the wrong number of fields or a broken quote).</summary>
    MalformedRow = 80,

    /// <summary>The import row both carries a password hash and asks for an invitation; an invitee chooses their own password.</summary>
    PasswordWithInvitation = 81,

    /// <summary>
    /// This instance has not read the change feed for longer than the staleness bound and fails closed
    /// (<see cref="ChangeFeedOptions.FailClosedWhenStale"/>): it refuses to vouch for a session until it can read the feed
    /// again. Another instance, or this one a moment later, may answer.
    /// </summary>
    IndexStale = 82,

    /// <summary>
    /// A team member's import row carries a password hash: only the host imports hashes (<see cref="TeamAccess.Import.IImportService.ImportAsHostAsync"/>),
    /// since it vouches for the addresses it migrates; a team member's row becomes an invitation, and the invitee
    /// chooses their own password.
    /// </summary>
    PasswordHashNeedsHost = 83,

    /// <summary>
    /// A member's names are the user's own, shared by every team they belong to: only the user changes them
    /// (<see cref="TeamAccess.Accounts.IUserService.UpdateNameAsync"/>, or <see cref="TeamAccess.Members.IMemberService.UpdateNamesAsync"/> on their own
    /// membership); a team never edits another member's names.
    /// </summary>
    NamesAreTheUsers = 84,

    /// <summary>
    /// The API key is not one this library issued, is malformed (wrong prefix, length or checksum), or names a key or
    /// team this instance does not know; or its secret does not match. Refused without telling which.
    /// </summary>
    InvalidApiKey = 85,

    /// <summary>The API key has expired (its own expiry, or the end of a rotation's overlap).</summary>
    ApiKeyExpired = 86,

    /// <summary>The API key was revoked, or its service account was deleted.</summary>
    ApiKeyRevoked = 87,

    /// <summary>A service account never holds the team's guardian role, nor the guardian's own permissions.</summary>
    GuardianRoleNotForServiceAccounts = 88,

    /// <summary>An API key's lifetime must be positive and at most <see cref="ApiKeyOptions.MaxLifetime"/>; a rotation's overlap at most the same.</summary>
    InvalidApiKeyLifetime = 89,

    /// <summary>A description has at most 500 characters and no control characters other than line breaks.</summary>
    InvalidDescription = 90,

    /// <summary>The membership is a person's, not a service account: the service-account verbs do not apply to it.</summary>
    NotAServiceAccount = 91,

    /// <summary>
    /// The team accepts only a passkey as second factor and the user has none yet: the sign-in's ticket is an enrolment
    /// ticket, with which <see cref="TeamAccess.Accounts.IPasskeyService.BeginEnrolmentAsync"/> registers the first passkey
    /// and completes the sign-in.
    /// </summary>
    PasskeyEnrolmentRequired = 92,

    /// <summary>The host does not allow personal API keys (<see cref="ApiKeyOptions.AllowPersonalKeys"/>): only service accounts hold keys.</summary>
    PersonalKeysDisabled = 93,

    /// <summary>A personal API key is made only for one's own Active membership: a deactivated or invited member, or a service account, holds none.</summary>
    PersonalKeyNeedsActiveMembership = 94,

    /// <summary>
    /// The sign-in needs a second factor before a session is issued: the user has an authenticator, or the team requires
    /// a second factor (<see cref="TeamSignInPolicy.SecondFactorRequired"/>) and the session has proven none. Continue with
    /// <see cref="TeamAccess.Accounts.ISecondFactorService"/>: its sign-in hands a ticket to complete with a code, and its
    /// step-up proves one in a session.
    /// </summary>
    SecondFactorRequired = 120,

    /// <summary>
    /// The team requires a second factor and the user has none yet: they enrol an authenticator with the sign-in's ticket
    /// (<see cref="TeamAccess.Accounts.ISecondFactorService.BeginSignInEnrolmentAsync"/>), and are
    /// not locked out.
    /// </summary>
    SecondFactorEnrolmentRequired = 121,

    /// <summary>
    /// The second factor was not accepted: a wrong code, one used already, one outside the time window, a used or unknown
    /// recovery code, or an account locked out (the lockout is the password's: failed codes count toward it too).
    /// </summary>
    InvalidSecondFactor = 122,

    /// <summary>
    /// The action is dangerous and needs a second factor proven within <see cref="SecondFactorOptions.StepUpWindow"/>
    /// in this session: prove one (<see cref="TeamAccess.Accounts.ISecondFactorService.StepUpAsync"/>) and try again.
    /// </summary>
    RecentSecondFactorRequired = 123,

    /// <summary>The user already has a confirmed authenticator: remove it before enrolling another.</summary>
    AuthenticatorAlreadyEnrolled = 124,

    /// <summary>The user has no authenticator enrolment to confirm, or no second factor to remove.</summary>
    NoSecondFactor = 125,

    /// <summary>A SCIM filter is malformed, or uses an attribute or operator this service provider does not filter by.</summary>
    InvalidDirectoryFilter = 140,

    /// <summary>A SCIM request is malformed: a missing or null required attribute, a value of the wrong type, or a paging value out of range.</summary>
    InvalidDirectoryValue = 141,

    /// <summary>Another current member of the team already carries this directory <c>externalId</c>.</summary>
    DirectoryExternalIdTaken = 142,

    /// <summary>The resource changed since the version the request names (<c>If-Match</c>): read it again and retry.</summary>
    DirectoryVersionMismatch = 143,

    /// <summary>
    /// Only a guardian gives a service account a role that holds <see cref="Permissions.DirectoryProvision"/>: a
    /// directory manages every member, guardians included.
    /// </summary>
    DirectoryProvisionNeedsGuardian = 144,

    /// <summary>A SCIM request tried to change an attribute that cannot change here (a member's <c>userName</c>, which is their address).</summary>
    DirectoryAttributeImmutable = 145,

    /// <summary>A SCIM PATCH names an unknown operation or a path this service provider does not support.</summary>
    InvalidDirectoryPatch = 146,

    /// <summary>The membership is a service account, which a directory neither lists nor changes.</summary>
    NotADirectoryMember = 147,
    /// <summary>The host turned team-configured identity providers off (<see cref="TeamSsoOptions.Enabled"/>).</summary>
    TeamSsoDisabled = 126,

    /// <summary>The team has as many identity providers as the host allows (<see cref="TeamSsoOptions.MaxProvidersPerTeam"/>).</summary>
    TeamProviderLimitReached = 127,

    /// <summary>
    /// The issuer is not one the host allows: not HTTPS, on the host's deny list or off its allow list, or its host
    /// resolves to a private, loopback, link-local or unspecified address.
    /// </summary>
    IssuerNotAllowed = 128,

    /// <summary>The issuer's discovery document or its keys could not be fetched or read in time.</summary>
    DiscoveryFailed = 129,

    /// <summary>The discovery document names another issuer than the one configured.</summary>
    IssuerMismatch = 130,

    /// <summary>
    /// A team provider's settings are not valid: a display name of 1 to 100 characters, a client id and secret of 1 to
    /// 1,000 characters, scopes and an email claim of letters, digits and <c>_ - . :</c>.
    /// </summary>
    InvalidTeamProvider = 131,

    /// <summary>The provider's state does not allow this: an active provider is suspended before it is deleted, and only a draft or suspended one is activated.</summary>
    TeamProviderStateConflict = 132,

    /// <summary>The team's sign-in policy names the provider: change the policy before deleting it.</summary>
    TeamProviderInUse = 133,

    /// <summary>The team has already claimed this domain.</summary>
    DomainAlreadyClaimed = 134,

    /// <summary>The domain is verified for another team; a domain is verified for at most one team at a time.</summary>
    DomainVerifiedElsewhere = 135,

    /// <summary>The DNS lookup did not answer in time or failed; the domain's state is unchanged. Try again later.</summary>
    DomainCheckUnavailable = 136,

    /// <summary>
    /// The host registered no <see cref="TeamAccess.Accounts.ISecretProtector"/>, which a team provider's client secret
    /// needs to be stored encrypted.
    /// </summary>
    SecretProtectorMissing = 137,
    /// <summary>
    /// The passkey was not accepted: a signature or origin that does not verify, a challenge that is unknown, used
    /// already, expired or issued to another browser or user, a credential not registered (or another user's), or an
    /// authenticator that did not verify its user.
    /// </summary>
    InvalidPasskey = 150,

    /// <summary>
    /// The authenticator's signature counter did not move forward from the one stored: the credential may have been cloned.
    /// The assertion is refused and the stored counter is kept.
    /// </summary>
    PasskeyCounterRegressed = 151,

    /// <summary>The credential is registered already (to this user or another).</summary>
    DuplicatePasskey = 152,

    /// <summary>Passkeys are not set up on this host: <see cref="PasskeyOptions.RelyingPartyId"/> is empty, or this build of the library has no WebAuthn verifier (net8.0).</summary>
    PasskeysUnavailable = 153,

    /// <summary>A passkey's name needs 1 to 100 characters and no control characters.</summary>
    InvalidPasskeyName = 154,

    /// <summary>The team accepts only a passkey as second factor (<see cref="TeamSignInPolicy.PasskeyRequired"/>): prove one with a passkey.</summary>
    PasskeyRequired = 155,
}
