using System.Reflection;
using System.Text.RegularExpressions;
using TeamAccess.Accounts;
using TeamAccess.Import;

namespace TeamAccess.Tests;

/// <summary>
/// The host-facing public API (everything outside <c>TeamAccess.Storage</c>) carries no stored secret, stamp, counter or
/// lockout: a host that serializes or logs what a service returned leaks none of them.
/// </summary>
public sealed partial class PublicApiShapeTests
{
    private static readonly string[] StoredOnly = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "FailedSignInCount", "LockoutEnd"];

    // Input a host writes, never output it reads back: an import row brings a hash from the old system (its ToString
    // hides it). Nothing the services return is on this list.
    private static readonly string[] HostInputs = ["TeamAccess.Import.ImportRow.PasswordHash"];

    [Fact]
    public void HostFacingTypes_ExposeNoStoredSecretStampCounterOrLockout()
    {
        var leaks = typeof(IUserService).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "TeamAccess.Storage")
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Select(p => (Type: t, Property: p.Name)))
            .Where(p => StoredOnly.Contains(p.Property))
            .Select(p => $"{p.Type.FullName}.{p.Property}")
            .Except(HostInputs)
            .ToList();

        Assert.Empty(leaks);
    }

    private const string Hash = "v1.pbkdf2-sha512.100000.c2FsdA.a2V5";

    [Fact]
    public void StoredRecords_KeepTheirSecretsInTheStorageNamespace()
    {
        // The guard above must be able to fail: the stored records do carry these properties, one namespace away.
        Assert.Equal("TeamAccess.Storage", typeof(StoredUser).Namespace);
        Assert.NotNull(typeof(StoredUser).GetProperty(nameof(StoredUser.PasswordHash)));
        Assert.NotNull(typeof(StoredMembership).GetProperty(nameof(StoredMembership.SecurityStamp)));
        Assert.DoesNotContain(Hash, new ImportRow { Email = "ada@example.com", TeamHandle = "t", Role = "Member", PasswordHash = Hash }.ToString(), StringComparison.Ordinal);
    }

    // The count of declared entries in TeamAccess's PublicAPI files outside TeamAccess.Storage, as it stands after the
    // records became sealed classes or non-positional records. Issue 10 set 600 as the target when the API had 1,213
    // entries; the features added since (change feed, sessions, ownership, lists, team roles, events, import) took it
    // to 1,768 before this change. The ceiling is a ratchet: an addition has to raise it on purpose, in review.
    // +1: TeamAccessErrorCode.IndexStale (security review 3, M1: a stale instance that fails closed refuses sessions).
    // +3: ITeamProviderBinding (type, ServesAsync) and OidcProviderOptions.Teams (review 3, L4: a team-bound provider
    // serves only the teams the host bound it to).
    // ±0: security review 3, M5 added InvitationOptions.MaxCodeTriesPerAddressPerHour and MaxCodeTriesPerTeamPerHour (get
    // and set) and removed Invitation.CodeAttempts (get and init), InvitationCodeTriedEvent and AuditActions.InvitationCodeTried.
    // +6: IImportService.ImportAsHostAsync, IMemberService.AddAsHostAsync, ImportOutcomeKind.Invited, ImportProgress.Invited,
    // TeamAccessErrorCode.PasswordHashNeedsHost and NamesAreTheUsers (security review 3, M3 and M4: a team invites, only
    // the host adds people directly or brings their passwords, and a team never edits a global user's names).
    // +9: events held per team (security review 3, Events): ITeamAccessEventAdmin (the interface and its ListHeldAsync,
    // SkipAsync, ListDeadLettersAsync, ReplayAsync), EventOptions.MaxAttemptsBeforeDegraded (get, set) and
    // SessionOptions.MaxCachedSessionsPerUser (get, set); the held-event record and store are in TeamAccess.Storage.
    // -5: the floor plan's moves and cuts (issue 22): no entry added; the User and Membership constructors that took stored
    // records and entries now counted under the namespaces their types moved to.
    // +4: InvitationOptions.ExpirySweepInterval and ExpirySweepBatchSize (get, set): expiry as an event (issue 21).
    // +4: EmailConfirmationOptions.MaxMessagesPerAddressPerDay and PasswordOptions.MaxResetMessagesPerAddressPerDay (get,
    // set): a daily mail budget per address (security review 3, L3).
    // +73 (counted on the tree merged with issue 22's moves): second factors (issue 24): ISecondFactorService (11), SignInStep (5), AuthenticatorEnrolment (5), SecondFactorSession
    // (3), ISecretProtector (3), KeyedSecretProtector (4), SecondFactorOptions (7), AuthenticationMethods (5), SessionInfo's
    // AuthenticationMethods, SecondFactorAt and HasSecondFactorSince, TeamAccessOptions.SecondFactors, TeamSignInPolicy.
    // SecondFactorRequired (get, init), User.AuthenticatorEnabled and RecoveryCodesLeft, six error codes, and six audit
    // actions with their six event types.
    // +116 in all (counted on the tree merged with issues 22 and 24; the two lines below itemize 111): machine identities (issue 23): the TeamAccess.ServiceAccounts namespace (IServiceAccountService and its 8
    // verbs, IApiKeyValidator, the ServiceAccount, ApiKey, IssuedApiKey and ApiKeyPrincipal views, the create/change/key
    // requests), ApiKeyId, ApiKeyOptions and TeamAccessOptions.ApiKeys, Permissions.ServiceAccountsManage, six audit
    // actions with their six event types, AuditSubjectKind.ApiKey, seven error codes (85-91), and the service-account
    // marks on MemberView and PermissionHolder; the stored key and its operation are in TeamAccess.Storage.
    // +3: ApiKey.LastUsedAt and ApiKeyOptions.LastUsedFlushInterval (get, set): last-used times written in batches
    // (issue 23); the usage store and its record are in TeamAccess.Storage.
    // +16: the enumeration-safe sign-up and background mail (security review 3, L3): IUserService.RequestSignUpAsync,
    // AccountExistsMessage (7) and IEmailConfirmationSender.SendAccountExistsAsync, MailOptions (6) and
    // TeamAccessOptions.Mail.
    // +6: ActingCredential (4) and AuditEvent.ActorKeyId (get, init): the audit names the key a change was made through
    // (issue 23).
    // +93: directory provisioning over SCIM (issue 25): the TeamAccess.Provisioning namespace (IProvisioningService and its
    // 9 verbs, the DirectoryUser view, its request, change, query and page), DirectoryOptions and TeamAccessOptions.Directory,
    // MembershipOrigin, MemberView.Origin and ExternalId, Permissions.DirectoryProvision, eight error codes (140-147), and
    // one audit action with its event type; the directory store, its query, page and row are in TeamAccess.Storage.
    // +128: a team's own SSO (issue 25): the TeamAccess.TeamSso namespace (ITeamSsoService and its 11 verbs,
    // TeamProviderRequest, TeamProviderView, TeamDomainView: 45), TeamProviderId and TeamDomainId, TeamProviderState and
    // TeamDomainState, TeamSsoOptions (7 settings) and TeamAccessOptions.TeamSso, twelve error codes (126-137), eight
    // audit actions with their eight event types, AuditSubjectKind.TeamProvider and TeamDomain; the stored provider and
    // domain claim, their two operations and ITeamDomainStore are in TeamAccess.Storage.
    // +65: passkeys (issue 24): IPasskeyService and its two views, PasskeyId, PasskeyOptions, six error codes, the hwk/swk
    // methods, the passkey-only team policy, four audit actions with their four event types.
    // +2: EventOptions.LeaseDuration (get, set): instances sharing an event consumer deliver one at a time (security
    // review 3, events).
    // +2: a directory renames a group (SCIM PATCH/PUT displayName): AuditActions.GroupRenamed (TeamAccess) and GroupRenamedEvent
    // (IProvisioningService.ChangeGroupAsync took a name parameter: the same entry).
    // +20: a user's sessions (issue 24): ISessionService's list, sign-out-one and sign-out-others, the UserSession view,
    // SessionClient and ISessionClientAccessor (the sign-in's user agent and address), IMemberService.SignOutAsync (a team
    // admin ends a member's sessions in the team); the session record, its use and ISessionRecordStore are in TeamAccess.Storage.
    // +3: the API keys page and key expiry (issue 23): IServiceAccountService.ListTeamKeysAsync (all the team's keys in one
    // read), AuditActions.ApiKeyExpired and its ApiKeyExpiredEvent; StoredApiKey.ExpiryRecordedAt is in TeamAccess.Storage.
    // The accidental entries cut (issue 22, item 5), counted from 2,036:
    // -75: AuditActions internal (the class and its 75 constants, -76, named what the event types already name); a host
    // names an action by its event type, TeamAccessEvent.ActionOf<TEvent>() (+1, in TeamAccess.Events).
    // -85: the compiler's record members (Equals, GetHashCode, ==, !=, ToString, PrintMembers, EqualityContract, <Clone>$,
    // the copy constructor) on the queries (MemberQuery, PageQuery<TKey> and its five: -57, TeamAccess) and the views and
    // settings nothing compares or copies (MemberView, RoleDefinition, RolePreset: -21, TeamAccess; ExternalIdentity: -7,
    // TeamAccess.Accounts): sealed classes with init properties now. Still records, because the library copies them with
    // `with` or compares them: Team, Group, Grant, TeamRole, Invitation, OwnershipOffer, AuditEvent and TeamSignInPolicy
    // (the team aggregate's state, compared by the store contract), AccessDecision, PermissionHolder and ResourceReach
    // (the patched index is proven equal to a rebuilt one by value), ImportRow (copied by the import tests).
    // +3: passkey enrolment within sign-in (issue 24): IPasskeyService.BeginEnrolmentAsync and CompleteEnrolmentAsync (a
    // passkey-only team's member without a passkey enrols one instead of being locked out), PasskeyEnrolmentRequired.
    // +11: personal API keys (issue 23): IPersonalKeyService (create, list own, list the team's, revoke),
    // ApiKeyOptions.AllowPersonalKeys (get, set), ApiKey.IsPersonal and ApiKeyPrincipal.IsPersonal, two error codes (93, 94).
    // +1: the Groups page renames a group (issue 26): IGroupService.RenameAsync, the directory's rename verb behind it.
    private const int HostFacingCeiling = 1_891;

    [Fact]
    public void HostFacingApi_StaysUnderItsCeiling()
    {
        var declared = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(Repository.Root, "src", "TeamAccess", file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();
        // An entry belongs to the storage namespace when the symbol it declares does, not when its signature mentions a storage type.
        var storage = declared.Count(line => DeclaredSymbol().Match(line).Groups[1].Value.StartsWith("TeamAccess.Storage.", StringComparison.Ordinal));

        Assert.True(declared.Count - storage <= HostFacingCeiling, $"{declared.Count - storage} host-facing entries (ceiling {HostFacingCeiling}), {storage} in TeamAccess.Storage");
    }

    /// <summary>
    /// Per public namespace, the entries declared today: a ratchet like the ceiling above, so that a namespace grows only
    /// on purpose. Issue 22 sets targets these numbers do not meet yet (no namespace over 600, TeamAccess.Storage at most
    /// 330); the five page-key types are still to be replaced by one cursor.
    /// TeamAccess.Storage, counted from 886:
    /// -259: the compiler's record members (and the init setters and Deconstruct of positional records) on what a store
    /// only reads: the operations (TeamOperation and its twelve: -144), the change set (ChangeSet, TeamChange, UserChange,
    /// PasskeyChange: -42) and the rows and queries passed once (ApiKeyUse, SessionSeen, RevokedSession, ExternalLogin,
    /// DirectoryMemberRow, DirectoryMemberPage, DirectoryMemberQuery: -73), sealed classes with a constructor and get-only
    /// properties now. Still records, because the library copies them with `with`: the stored rows (StoredUser,
    /// StoredMembership, StoredApiKey, StoredSession, StoredPasskey, StoredTeamProvider, StoredTeamDomain), TeamSnapshot
    /// and HeldEvent; and, not copied but left with the stored rows for now, StoredPasskeyChallenge and InvitationSecret,
    /// and the UserSessionState value.
    /// </summary>
    private static readonly Dictionary<string, int> NamespaceCeilings = new(StringComparer.Ordinal)
    {
        ["TeamAccess"] = 1_172,
        // -50: InMemoryTeamAccessStore is internal (hosts choose it with AddInMemoryStores; issue 22 item 4 split it into one
        // internal class per store service).
        ["TeamAccess.Storage"] = 577,
        ["TeamAccess.Accounts"] = 235,
        ["TeamAccess.Events"] = 105,
        ["TeamAccess.Invitations"] = 71,
        ["TeamAccess.ServiceAccounts"] = 78,
        ["TeamAccess.Provisioning"] = 68,
        ["TeamAccess.Import"] = 56,
        ["TeamAccess.TeamSso"] = 45,
        ["TeamAccess.Members"] = 12,
        ["TeamAccess.Teams"] = 10,
        ["TeamAccess.Hosting"] = 9,
        ["TeamAccess.Groups"] = 8,
        ["TeamAccess.Ownership"] = 6,
        ["TeamAccess.Grants"] = 5,
        ["TeamAccess.TeamRoles"] = 5,
        ["TeamAccess.Audit"] = 3,
        ["Microsoft.Extensions.DependencyInjection"] = 3,
    };

    [Fact]
    public void EveryPublicNamespace_StaysUnderItsCeiling()
    {
        var namespaces = typeof(IUserService).Assembly.GetExportedTypes().Select(t => t.Namespace!).Distinct().OrderByDescending(n => n.Length).ToList();
        var counts = new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(Repository.Root, "src", "TeamAccess", file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => DeclaredSymbol().Match(line).Groups[1].Value)
            .GroupBy(symbol => namespaces.First(n => symbol.StartsWith(n + ".", StringComparison.Ordinal)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var report = string.Join(", ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
        Assert.All(counts, c => Assert.True(
            NamespaceCeilings.TryGetValue(c.Key, out var ceiling) && c.Value <= ceiling,
            $"{c.Key} declares {c.Value} entries (ceiling {(NamespaceCeilings.TryGetValue(c.Key, out var known) ? known : "none: add the namespace")}); all: {report}"));
    }

    [Fact]
    public void HostFacingReferenceTypes_AreNotPositionalRecords()
    {
        // A positional record's constructor and Deconstruct change when a field is added, which breaks a compiled host.
        // Ids and page keys stay readonly record structs (value types, not checked here).
        var positional = typeof(IUserService).Assembly.GetExportedTypes()
            .Where(t => t.Namespace != "TeamAccess.Storage" && t.IsClass && t.GetMethod("<Clone>$") is not null)
            .Where(t => t.GetMethods().Any(m => m.Name == "Deconstruct" && m.DeclaringType == t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(positional);
    }

    [GeneratedRegex(@"^~?(?:(?:abstract|const|override|readonly|sealed|static|virtual|new) )*(\S+)")]
    private static partial Regex DeclaredSymbol();
}
