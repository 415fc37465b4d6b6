using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TeamAccess.EntityFramework;

/// <summary>
/// Adds TeamAccess's tables to an EF Core model: apply it in your own context's <c>OnModelCreating</c>, or derive from
/// <see cref="TeamAccessDbContext"/>. Table, column, key and index names are spelled out in lower-case snake_case, so the
/// schema (and the SQL filter of the partial unique indexes) is the same on every provider and needs no quoting.
/// </summary>
public static class TeamAccessModelBuilderExtensions
{
    /// <summary>The longest role name the role catalog accepts.</summary>
    internal const int MaxRoleLength = 64;

    /// <summary>The longest audit action (see <see cref="TeamAccess.Events.TeamAccessEvent.ActionOf{TEvent}"/>).</summary>
    internal const int MaxActionLength = 64;

    /// <summary>The longest domain name (RFC 1035).</summary>
    internal const int MaxDomainLength = 253;

    /// <summary>The longest external issuer, subject or list of provider names.</summary>
    internal const int MaxExternalIdLength = 512;

    /// <summary>The longest order key or error type name of a held event.</summary>
    internal const int MaxHeldEventTextLength = 256;

    /// <summary>The longest stored hash (password hashes and invitation secret hashes are far shorter).</summary>
    internal const int MaxSecretLength = 256;

    /// <summary>The longest encrypted secret or list of hashes kept on a user (second factors).</summary>
    internal const int MaxProtectedSecretLength = 1024;

    /// <summary>The model annotation that names the refusal a violated unique index or an over-long value becomes.</summary>
    internal const string ErrorCodeAnnotation = "TeamAccess:ErrorCode";

    // A COSE public key: an RSA-4096 key is about 550 bytes, an EC or Ed25519 key under 100.
    private const int MaxPasskeyPublicKeyLength = 2048;
    private const int MaxPasskeyNameLength = 100;

    // The creation options name the user, the passkeys to exclude (up to 1023 bytes each, base64url) and the parameters.
    private const int MaxPasskeyOptionsLength = 64 * 1024;

    /// <summary>Adds the TeamAccess tables (prefixed <c>ta_</c>) to the model.</summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <returns>The same model builder.</returns>
    public static ModelBuilder ApplyTeamAccessModel(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        // Invariant 3 as partial unique indexes: only non-terminal memberships take part. The status is stored as its
        // integer value, and the list comes from IsTerminal, so the filter cannot drift from the lifecycle.
        var nonTerminal = string.Join(", ", Enum.GetValues<MembershipStatus>().Where(s => !s.IsTerminal()).Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var currentMembershipFilter = $"status IN ({nonTerminal})";

        modelBuilder.Entity<UserRow>(user =>
        {
            user.ToTable("ta_users");
            user.HasKey(u => u.Id).HasName("pk_ta_users");
            user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            Text(user.Property(u => u.Email), "email", EmailAddress.MaxLength, TeamAccessErrorCode.InvalidEmail);
            Text(user.Property(u => u.FirstName), "first_name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            Text(user.Property(u => u.LastName), "last_name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            user.Property(u => u.CreatedAt).HasColumnName("created_at");
            user.Property(u => u.ConcurrencyStamp).HasColumnName("concurrency_stamp").IsConcurrencyToken();
            user.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(MaxSecretLength);
            user.Property(u => u.FailedSignInCount).HasColumnName("failed_sign_in_count");
            user.Property(u => u.LockoutEnd).HasColumnName("lockout_end");
            user.Property(u => u.EmailConfirmed).HasColumnName("email_confirmed");
            user.Property(u => u.EmailConfirmationHash).HasColumnName("email_confirmation_hash").HasMaxLength(MaxSecretLength);
            user.Property(u => u.EmailConfirmationExpiresAt).HasColumnName("email_confirmation_expires_at");
            user.Property(u => u.SessionStamp).HasColumnName("session_stamp");
            user.Property(u => u.PasswordResetTokenHash).HasColumnName("password_reset_token_hash").HasMaxLength(MaxSecretLength);
            user.Property(u => u.PasswordResetExpiresAt).HasColumnName("password_reset_expires_at");

            // Second factors: the authenticator's secret (encrypted by the host's protector, whose output varies in length),
            // its confirmation, the last time step used, and the unused recovery codes' hashes (ten of 43 characters).
            user.Property(u => u.AuthenticatorSecret).HasColumnName("authenticator_secret").HasMaxLength(MaxProtectedSecretLength);
            user.Property(u => u.AuthenticatorConfirmedAt).HasColumnName("authenticator_confirmed_at");
            user.Property(u => u.AuthenticatorLastTimeStep).HasColumnName("authenticator_last_time_step");
            user.Property(u => u.RecoveryCodeHashes).HasColumnName("recovery_code_hashes").HasMaxLength(MaxProtectedSecretLength);
            user.Property(u => u.PasskeyCount).HasColumnName("passkey_count");
            Unique(user.HasIndex(u => u.Email), "ix_ta_users_email", TeamAccessErrorCode.DuplicateEmail);
        });

        modelBuilder.Entity<RevokedSessionRow>(revoked =>
        {
            revoked.ToTable("ta_revoked_sessions");
            // A racing second sign-out of the same session meets the key: the session is signed out all the same.
            revoked.HasKey(r => r.SessionId).HasName("pk_ta_revoked_sessions").HasAnnotation(ErrorCodeAnnotation, (int)TeamAccessErrorCode.SessionRevoked);
            revoked.Property(r => r.SessionId).HasColumnName("session_id").ValueGeneratedNever();
            revoked.Property(r => r.UserId).HasColumnName("user_id");
            revoked.Property(r => r.RevokedAt).HasColumnName("revoked_at");
            revoked.Property(r => r.ExpiresAtUtcTicks).HasColumnName("expires_at_utc_ticks");
            revoked.HasIndex(r => r.ExpiresAtUtcTicks).HasDatabaseName("ix_ta_revoked_sessions_expires");
        });

        modelBuilder.Entity<PasskeyRow>(passkey =>
        {
            passkey.ToTable("ta_passkeys");
            passkey.HasKey(p => p.Id).HasName("pk_ta_passkeys");
            passkey.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            passkey.Property(p => p.UserId).HasColumnName("user_id");
            // Both come from the browser's answer: one too long for its column is refused as a passkey that does not verify.
            passkey.Property(p => p.CredentialId).HasColumnName("credential_id").HasMaxLength(StoredPasskey.MaxCredentialIdLength).IsRequired().HasAnnotation(ErrorCodeAnnotation, (int)TeamAccessErrorCode.InvalidPasskey);
            passkey.Property(p => p.PublicKey).HasColumnName("public_key").HasMaxLength(MaxPasskeyPublicKeyLength).IsRequired().HasAnnotation(ErrorCodeAnnotation, (int)TeamAccessErrorCode.InvalidPasskey);
            Text(passkey.Property(p => p.Name), "name", MaxPasskeyNameLength, TeamAccessErrorCode.InvalidPasskeyName);
            passkey.Property(p => p.CreatedAt).HasColumnName("created_at");
            passkey.Property(p => p.LastUsedAt).HasColumnName("last_used_at");
            passkey.Property(p => p.SignCount).HasColumnName("sign_count");
            passkey.Property(p => p.BackupEligible).HasColumnName("backup_eligible");
            passkey.Property(p => p.BackedUp).HasColumnName("backed_up");
            passkey.HasOne<UserRow>().WithMany().HasForeignKey(p => p.UserId).HasConstraintName("fk_ta_passkeys_user").OnDelete(DeleteBehavior.Cascade);
            // The assertion's look-up, and the rule that one credential is one user's.
            Unique(passkey.HasIndex(p => p.CredentialId), "ux_ta_passkeys_credential", TeamAccessErrorCode.DuplicatePasskey);
            passkey.HasIndex(p => p.UserId).HasDatabaseName("ix_ta_passkeys_user");
        });

        modelBuilder.Entity<PasskeyChallengeRow>(challenge =>
        {
            challenge.ToTable("ta_passkey_challenges");
            challenge.HasKey(c => c.IdHash).HasName("pk_ta_passkey_challenges");
            challenge.Property(c => c.IdHash).HasColumnName("id_hash").HasMaxLength(64).ValueGeneratedNever();
            challenge.Property(c => c.UserId).HasColumnName("user_id");
            challenge.Property(c => c.Options).HasColumnName("options").HasMaxLength(MaxPasskeyOptionsLength).IsRequired();
            challenge.Property(c => c.ExpiresAtUtcTicks).HasColumnName("expires_at_utc_ticks");
            challenge.HasIndex(c => c.ExpiresAtUtcTicks).HasDatabaseName("ix_ta_passkey_challenges_expires");
        });

        modelBuilder.Entity<UserLoginRow>(login =>
        {
            login.ToTable("ta_user_logins");
            login.HasKey(l => new { l.Issuer, l.Subject }).HasName("pk_ta_user_logins").HasAnnotation(ErrorCodeAnnotation, (int)TeamAccessErrorCode.LoginAlreadyLinked);
            // Issuer and subject come from a token its provider signed; one too long for the column is refused as a token.
            Text(login.Property(l => l.Issuer), "issuer", MaxExternalIdLength, TeamAccessErrorCode.InvalidToken);
            Text(login.Property(l => l.Subject), "subject", MaxExternalIdLength, TeamAccessErrorCode.InvalidToken);
            login.Property(l => l.UserId).HasColumnName("user_id");
            Text(login.Property(l => l.Provider), "provider", MaxRoleLength, TeamAccessErrorCode.UnknownProvider);
            login.HasOne<UserRow>().WithMany().HasForeignKey(l => l.UserId).HasConstraintName("fk_ta_user_logins_user").OnDelete(DeleteBehavior.Cascade);
            login.HasIndex(l => l.UserId).HasDatabaseName("ix_ta_user_logins_user");
        });

        modelBuilder.Entity<TeamRow>(team =>
        {
            team.ToTable("ta_teams");
            team.HasKey(t => t.Id).HasName("pk_ta_teams");
            team.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
            Text(team.Property(t => t.Name), "name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            Text(team.Property(t => t.Handle), "handle", Handle.MaxLength, TeamAccessErrorCode.InvalidHandle);
            team.Property(t => t.Tier).HasColumnName("tier");
            team.Property(t => t.Status).HasColumnName("status");
            team.Property(t => t.CreatedAt).HasColumnName("created_at");
            team.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
            team.Property(t => t.SsoRequired).HasColumnName("sso_required");
            team.Property(t => t.SecondFactorRequired).HasColumnName("second_factor_required");
            team.Property(t => t.PasskeyRequired).HasColumnName("passkey_required");
            Bounded(team.Property(t => t.SsoProvider), "sso_provider", MaxRoleLength, TeamAccessErrorCode.UnknownProvider);
            Text(team.Property(t => t.AcceptedProviders), "accepted_providers", MaxExternalIdLength, TeamAccessErrorCode.UnknownProvider);
            Bounded(team.Property(t => t.VerifiedDomain), "verified_domain", MaxDomainLength, TeamAccessErrorCode.InvalidHandle);
            Bounded(team.Property(t => t.JustInTimeRole), "just_in_time_role", MaxRoleLength, TeamAccessErrorCode.InvalidRole);
            team.Property(t => t.OwnershipOfferId).HasColumnName("ownership_offer_id");
            team.Property(t => t.OwnershipOfferFrom).HasColumnName("ownership_offer_from");
            team.Property(t => t.OwnershipOfferTo).HasColumnName("ownership_offer_to");
            team.Property(t => t.OwnershipOfferKeepRole).HasColumnName("ownership_offer_keep_role");
            team.Property(t => t.OwnershipOfferedAt).HasColumnName("ownership_offered_at");
            team.Property(t => t.OwnershipOfferExpiresAt).HasColumnName("ownership_offer_expires_at");
            team.Property(t => t.OpenOfferExpiresAtUtcTicks).HasColumnName("open_offer_expires_at_utc_ticks");

            // The expiry sweep: the teams whose open offer expired, from an index of open offers only.
            team.HasIndex(t => t.OpenOfferExpiresAtUtcTicks, "ix_ta_teams_open_offer_expiry").HasFilter("open_offer_expires_at_utc_ticks IS NOT NULL");
            Unique(team.HasIndex(t => t.Handle), "ix_ta_teams_handle", TeamAccessErrorCode.DuplicateHandle);
        });

        modelBuilder.Entity<MembershipRow>(membership =>
        {
            membership.ToTable("ta_memberships");
            membership.HasKey(m => m.Id).HasName("pk_ta_memberships");
            membership.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            membership.Property(m => m.TeamId).HasColumnName("team_id");
            membership.Property(m => m.UserId).HasColumnName("user_id");
            Text(membership.Property(m => m.Email), "email", EmailAddress.MaxLength, TeamAccessErrorCode.InvalidEmail);
            Text(membership.Property(m => m.Role), "role", MaxRoleLength, TeamAccessErrorCode.InvalidRole);
            membership.Property(m => m.Status).HasColumnName("status");
            membership.Property(m => m.CreatedAt).HasColumnName("created_at");
            membership.Property(m => m.SecurityStamp).HasColumnName("security_stamp");
            membership.Property(m => m.CreatedBy).HasColumnName("created_by");
            membership.Property(m => m.UpdatedAt).HasColumnName("updated_at");
            membership.Property(m => m.InvitationExpiresAt).HasColumnName("invitation_expires_at");
            membership.Property(m => m.PendingInvitationExpiresAtUtcTicks).HasColumnName("pending_invitation_expires_at_utc_ticks");
            membership.Property(m => m.InvitationLastSentAt).HasColumnName("invitation_last_sent_at");
            membership.Property(m => m.InvitationSendCount).HasColumnName("invitation_send_count");
            membership.Property(m => m.InvitationLifetimeTicks).HasColumnName("invitation_lifetime_ticks");
            membership.Property(m => m.InvitationAcceptedAt).HasColumnName("invitation_accepted_at");
            membership.Property(m => m.InvitationDeclinedAt).HasColumnName("invitation_declined_at");
            Bounded(membership.Property(m => m.ServiceAccountName), "service_account_name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            Bounded(membership.Property(m => m.Description), "description", TextLimits.MaxDescriptionLength, TeamAccessErrorCode.InvalidDescription);
            membership.Property(m => m.Origin).HasColumnName("origin");
            Bounded(membership.Property(m => m.ExternalId), "external_id", TextLimits.MaxExternalIdLength, TeamAccessErrorCode.InvalidDirectoryValue);
            membership.HasOne<TeamRow>().WithMany().HasForeignKey(m => m.TeamId).HasConstraintName("fk_ta_memberships_team").OnDelete(DeleteBehavior.Cascade);
            Unique(membership.HasIndex(m => new { m.TeamId, m.UserId }), "ix_ta_memberships_current_user", TeamAccessErrorCode.AlreadyMember).HasFilter(currentMembershipFilter);
            Unique(membership.HasIndex(m => new { m.TeamId, m.Email }), "ix_ta_memberships_current_email", TeamAccessErrorCode.AlreadyMember).HasFilter(currentMembershipFilter);
            membership.HasIndex(m => m.UserId).HasDatabaseName("ix_ta_memberships_user");

            // A directory finds its people by its own id (SCIM filter externalId eq): only the directory's rows carry one.
            membership.HasIndex(m => new { m.TeamId, m.ExternalId }, "ix_ta_memberships_team_external_id").HasFilter("external_id IS NOT NULL");

            // Loading a team reads its memberships by team: the partial unique indexes above cannot serve that query.
            membership.HasIndex(m => m.TeamId).HasDatabaseName("ix_ta_memberships_team");

            // The Users page: a team's members keyset-paged on (email, id), filtered by an email prefix, counted.
            membership.HasIndex(m => new { m.TeamId, m.Email, m.Id }).HasDatabaseName("ix_ta_memberships_team_email");

            // The invitations page: the same key, over the memberships that began as an invitation only, so a page of
            // a team's few invitations does not walk its every member.
            membership.HasIndex(m => new { m.TeamId, m.Email, m.Id }, "ix_ta_memberships_team_invitations").HasFilter("invitation_expires_at IS NOT NULL");

            // The expiry sweep: the teams with a pending invitation past its expiry, from an index of pending invitations
            // only, so a sweep costs what is due, not the millions of memberships stored.
            membership.HasIndex(m => new { m.PendingInvitationExpiresAtUtcTicks, m.TeamId }, "ix_ta_memberships_pending_expiry").HasFilter("pending_invitation_expires_at_utc_ticks IS NOT NULL");
        });

        modelBuilder.Entity<InvitationSecretRow>(secret =>
        {
            secret.ToTable("ta_invitation_secrets");
            secret.HasKey(s => s.MembershipId).HasName("pk_ta_invitation_secrets");
            secret.Property(s => s.MembershipId).HasColumnName("membership_id").ValueGeneratedNever();
            secret.Property(s => s.TeamId).HasColumnName("team_id");
            // Hashes the core makes (base64url of 32 and 16 bytes), never user input: no refusal code.
            secret.Property(s => s.TokenHash).HasColumnName("token_hash").HasMaxLength(MaxSecretLength).IsRequired();
            secret.Property(s => s.CodeHash).HasColumnName("code_hash").HasMaxLength(MaxSecretLength).IsRequired();
            secret.Property(s => s.CodeSalt).HasColumnName("code_salt").HasMaxLength(MaxSecretLength).IsRequired();
            secret.HasOne<MembershipRow>().WithMany().HasForeignKey(s => s.MembershipId).HasConstraintName("fk_ta_invitation_secrets_membership").OnDelete(DeleteBehavior.Cascade);
            secret.HasIndex(s => s.TeamId).HasDatabaseName("ix_ta_invitation_secrets_team");
        });

        modelBuilder.Entity<GroupRow>(group =>
        {
            group.ToTable("ta_groups");
            group.HasKey(g => g.Id).HasName("pk_ta_groups");
            group.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
            group.Property(g => g.TeamId).HasColumnName("team_id");
            Text(group.Property(g => g.Name), "name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            Text(group.Property(g => g.Handle), "handle", Handle.MaxLength, TeamAccessErrorCode.InvalidHandle);
            group.HasOne<TeamRow>().WithMany().HasForeignKey(g => g.TeamId).HasConstraintName("fk_ta_groups_team").OnDelete(DeleteBehavior.Cascade);
            Unique(group.HasIndex(g => new { g.TeamId, g.Handle }), "ix_ta_groups_team_handle", TeamAccessErrorCode.DuplicateHandle);
        });

        modelBuilder.Entity<GroupMemberRow>(member =>
        {
            member.ToTable("ta_group_members");
            member.HasKey(m => new { m.GroupId, m.MembershipId }).HasName("pk_ta_group_members");
            member.Property(m => m.GroupId).HasColumnName("group_id");
            member.Property(m => m.MembershipId).HasColumnName("membership_id");
            member.Property(m => m.TeamId).HasColumnName("team_id");
            member.HasOne<GroupRow>().WithMany().HasForeignKey(m => m.GroupId).HasConstraintName("fk_ta_group_members_group").OnDelete(DeleteBehavior.Cascade);
            member.HasOne<MembershipRow>().WithMany().HasForeignKey(m => m.MembershipId).HasConstraintName("fk_ta_group_members_membership").OnDelete(DeleteBehavior.Cascade);
            member.HasIndex(m => m.TeamId).HasDatabaseName("ix_ta_group_members_team");
            member.HasIndex(m => m.MembershipId).HasDatabaseName("ix_ta_group_members_membership");
        });

        modelBuilder.Entity<GrantRow>(grant =>
        {
            grant.ToTable("ta_grants");
            grant.HasKey(g => g.Id).HasName("pk_ta_grants");
            grant.Property(g => g.Id).HasColumnName("id").ValueGeneratedNever();
            grant.Property(g => g.TeamId).HasColumnName("team_id");
            grant.Property(g => g.SubjectKind).HasColumnName("subject_kind");
            grant.Property(g => g.SubjectId).HasColumnName("subject_id");
            Text(grant.Property(g => g.ResourceId), "resource_id", TextLimits.MaxResourceIdLength, TeamAccessErrorCode.InvalidResource);
            grant.Property(g => g.Permissions).HasColumnName("permissions").IsRequired();
            grant.Property(g => g.GrantedBy).HasColumnName("granted_by");
            grant.HasOne<TeamRow>().WithMany().HasForeignKey(g => g.TeamId).HasConstraintName("fk_ta_grants_team").OnDelete(DeleteBehavior.Cascade);
            grant.HasIndex(g => g.TeamId).HasDatabaseName("ix_ta_grants_team");

            // The grants pages, keyset-paged on (resource, id): of a team, of one resource, of one subject.
            grant.HasIndex(g => new { g.TeamId, g.ResourceId, g.Id }).HasDatabaseName("ix_ta_grants_team_resource");
            grant.HasIndex(g => new { g.TeamId, g.SubjectId, g.ResourceId, g.Id }).HasDatabaseName("ix_ta_grants_team_subject");
        });

        modelBuilder.Entity<TeamRoleRow>(role =>
        {
            role.ToTable("ta_team_roles");
            role.HasKey(r => r.Id).HasName("pk_ta_team_roles");
            role.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            role.Property(r => r.TeamId).HasColumnName("team_id");
            Text(role.Property(r => r.Name), "name", MaxRoleLength, TeamAccessErrorCode.InvalidRoleName);
            role.Property(r => r.Rank).HasColumnName("rank");
            role.Property(r => r.Permissions).HasColumnName("permissions").IsRequired();
            role.Property(r => r.IsReadOnly).HasColumnName("is_read_only");
            role.Property(r => r.IsScopedToGrants).HasColumnName("is_scoped_to_grants");
            role.HasOne<TeamRow>().WithMany().HasForeignKey(r => r.TeamId).HasConstraintName("fk_ta_team_roles_team").OnDelete(DeleteBehavior.Cascade);

            // Loaded with the team by team id; the name is unique in the team (the core also compares it without case).
            Unique(role.HasIndex(r => new { r.TeamId, r.Name }), "ix_ta_team_roles_team_name", TeamAccessErrorCode.RoleNameTaken);
        });

        modelBuilder.Entity<ApiKeyRow>(key =>
        {
            key.ToTable("ta_api_keys");
            key.HasKey(k => k.Id).HasName("pk_ta_api_keys");
            key.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
            key.Property(k => k.TeamId).HasColumnName("team_id");
            key.Property(k => k.MembershipId).HasColumnName("membership_id");
            Text(key.Property(k => k.Name), "name", TextLimits.MaxNameLength, TeamAccessErrorCode.InvalidName);
            // The lower-case hex SHA-256 the core makes, never user input (nor the secret): no refusal code.
            key.Property(k => k.Hash).HasColumnName("hash").HasMaxLength(MaxSecretLength).IsRequired();
            key.Property(k => k.Permissions).HasColumnName("permissions").IsRequired();
            key.Property(k => k.CreatedAt).HasColumnName("created_at");
            key.Property(k => k.ExpiresAt).HasColumnName("expires_at");
            key.Property(k => k.CreatedBy).HasColumnName("created_by");
            key.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            key.Property(k => k.ReplacedBy).HasColumnName("replaced_by");
            key.Property(k => k.ExpiryRecordedAt).HasColumnName("expiry_recorded_at");
            key.Property(k => k.PendingExpiryAtUtcTicks).HasColumnName("pending_expiry_at_utc_ticks");
            key.HasOne<TeamRow>().WithMany().HasForeignKey(k => k.TeamId).HasConstraintName("fk_ta_api_keys_team").OnDelete(DeleteBehavior.Cascade);
            key.HasOne<MembershipRow>().WithMany().HasForeignKey(k => k.MembershipId).HasConstraintName("fk_ta_api_keys_membership").OnDelete(DeleteBehavior.Cascade);

            // Loaded with the team by team id (and streamed in team order at start-up); the foreign key to the service
            // account has its own index, so a cascade from a membership never scans the table.
            key.HasIndex(k => k.TeamId).HasDatabaseName("ix_ta_api_keys_team");
            key.HasIndex(k => k.MembershipId).HasDatabaseName("ix_ta_api_keys_membership");

            // The expiry sweep reads the keys whose expiry is due and not recorded, by the due time.
            key.HasIndex(k => new { k.PendingExpiryAtUtcTicks, k.TeamId }, "ix_ta_api_keys_pending_expiry").HasFilter("pending_expiry_at_utc_ticks IS NOT NULL");
        });

        modelBuilder.Entity<TeamProviderRow>(provider =>
        {
            provider.ToTable("ta_team_providers");
            provider.HasKey(p => p.Id).HasName("pk_ta_team_providers");
            provider.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            provider.Property(p => p.TeamId).HasColumnName("team_id");
            Text(provider.Property(p => p.DisplayName), "display_name", 100, TeamAccessErrorCode.InvalidTeamProvider);
            Text(provider.Property(p => p.Issuer), "issuer", 1000, TeamAccessErrorCode.InvalidTeamProvider);
            Text(provider.Property(p => p.ClientId), "client_id", 1000, TeamAccessErrorCode.InvalidTeamProvider);
            // What the host's protector made of a secret of at most 1,000 characters, never user input itself.
            provider.Property(p => p.ProtectedClientSecret).HasColumnName("protected_client_secret").HasMaxLength(4 * MaxProtectedSecretLength).IsRequired();
            Text(provider.Property(p => p.Scopes), "scopes", 2100, TeamAccessErrorCode.InvalidTeamProvider);
            Text(provider.Property(p => p.EmailClaim), "email_claim", 100, TeamAccessErrorCode.InvalidTeamProvider);
            provider.Property(p => p.RequiresSecondFactor).HasColumnName("requires_second_factor");
            provider.Property(p => p.State).HasColumnName("state");
            Bounded(provider.Property(p => p.JwksUri), "jwks_uri", 1000, TeamAccessErrorCode.DiscoveryFailed);
            Bounded(provider.Property(p => p.AuthorizationEndpoint), "authorization_endpoint", 1000, TeamAccessErrorCode.DiscoveryFailed);
            Bounded(provider.Property(p => p.TokenEndpoint), "token_endpoint", 1000, TeamAccessErrorCode.DiscoveryFailed);
            provider.Property(p => p.CreatedAt).HasColumnName("created_at");
            provider.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            provider.HasOne<TeamRow>().WithMany().HasForeignKey(p => p.TeamId).HasConstraintName("fk_ta_team_providers_team").OnDelete(DeleteBehavior.Cascade);

            // Loaded with the team by team id (and streamed in team order at start-up).
            provider.HasIndex(p => p.TeamId).HasDatabaseName("ix_ta_team_providers_team");
        });

        modelBuilder.Entity<TeamDomainRow>(domain =>
        {
            domain.ToTable("ta_team_domains");
            domain.HasKey(d => d.Id).HasName("pk_ta_team_domains");
            domain.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            domain.Property(d => d.TeamId).HasColumnName("team_id");
            Text(domain.Property(d => d.Domain), "domain", MaxDomainLength, TeamAccessErrorCode.InvalidHandle);
            domain.Property(d => d.Token).HasColumnName("token").HasMaxLength(MaxSecretLength).IsRequired();
            domain.Property(d => d.State).HasColumnName("state");
            Bounded(domain.Property(d => d.VerifiedDomain), "verified_domain", MaxDomainLength, TeamAccessErrorCode.InvalidHandle);
            domain.Property(d => d.CreatedAt).HasColumnName("created_at");
            domain.Property(d => d.CheckedAt).HasColumnName("checked_at");
            domain.Property(d => d.NextCheckAt).HasColumnName("next_check_at");
            domain.Property(d => d.NextCheckAtUtcTicks).HasColumnName("next_check_at_utc_ticks");
            domain.HasOne<TeamRow>().WithMany().HasForeignKey(d => d.TeamId).HasConstraintName("fk_ta_team_domains_team").OnDelete(DeleteBehavior.Cascade);

            // Loaded with the team by team id; a team claims a domain once; at most one team holds a domain verified
            // (NULL while not verified, and NULLs never collide); the background check reads a range of due times.
            domain.HasIndex(d => d.TeamId).HasDatabaseName("ix_ta_team_domains_team");
            Unique(domain.HasIndex(d => new { d.TeamId, d.Domain }), "ix_ta_team_domains_team_domain", TeamAccessErrorCode.DomainAlreadyClaimed);
            Unique(domain.HasIndex(d => d.VerifiedDomain), "ix_ta_team_domains_verified", TeamAccessErrorCode.DomainVerifiedElsewhere).HasFilter("verified_domain IS NOT NULL");
            domain.HasIndex(d => d.NextCheckAtUtcTicks).HasDatabaseName("ix_ta_team_domains_next_check");
        });

        modelBuilder.Entity<SessionRow>(session =>
        {
            // Written once per sign-in (and again when a token of it is issued again), seen in batches; listed per user,
            // pruned by expiry.
            session.ToTable("ta_sessions");
            session.HasKey(s => s.SessionId).HasName("pk_ta_sessions");
            session.Property(s => s.SessionId).HasColumnName("session_id").ValueGeneratedNever();
            session.Property(s => s.UserId).HasColumnName("user_id");
            session.Property(s => s.TeamId).HasColumnName("team_id");
            session.Property(s => s.MembershipId).HasColumnName("membership_id");
            session.Property(s => s.MembershipStamp).HasColumnName("membership_stamp");
            session.Property(s => s.UserStamp).HasColumnName("user_stamp");
            session.Property(s => s.Methods).HasColumnName("methods").HasMaxLength(200);
            session.Property(s => s.Device).HasColumnName("device").HasMaxLength(100);
            session.Property(s => s.IpAddress).HasColumnName("ip_address").HasMaxLength(64);
            session.Property(s => s.SignedInAtUtcTicks).HasColumnName("signed_in_at_utc_ticks");
            session.Property(s => s.ExpiresAtUtcTicks).HasColumnName("expires_at_utc_ticks");
            session.Property(s => s.LastSeenAtUtcTicks).HasColumnName("last_seen_at_utc_ticks");
            session.HasIndex(s => new { s.UserId, s.ExpiresAtUtcTicks }).HasDatabaseName("ix_ta_sessions_user_expires");
            session.HasIndex(s => s.ExpiresAtUtcTicks).HasDatabaseName("ix_ta_sessions_expires");
        });

        modelBuilder.Entity<ApiKeyUsageRow>(usage =>
        {
            // Written in batches by every instance (one row per key, moved forward by its primary key), read per team for lists.
            usage.ToTable("ta_api_key_usage");
            usage.HasKey(u => u.KeyId).HasName("pk_ta_api_key_usage");
            usage.Property(u => u.KeyId).HasColumnName("key_id").ValueGeneratedNever();
            usage.Property(u => u.TeamId).HasColumnName("team_id");
            usage.Property(u => u.LastUsedAtUtcTicks).HasColumnName("last_used_at_utc_ticks");
            usage.HasIndex(u => u.TeamId).HasDatabaseName("ix_ta_api_key_usage_team");
        });

        modelBuilder.Entity<AuditEventRow>(audit =>
        {
            audit.ToTable("ta_audit_events");
            audit.HasKey(a => a.Sequence).HasName("pk_ta_audit_events");
            audit.Property(a => a.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            audit.Property(a => a.OccurredAt).HasColumnName("occurred_at");
            audit.Property(a => a.ActorId).HasColumnName("actor_id");
            audit.Property(a => a.ActorKeyId).HasColumnName("actor_key_id");
            audit.Property(a => a.TeamId).HasColumnName("team_id");
            audit.Property(a => a.SubjectKind).HasColumnName("subject_kind");
            audit.Property(a => a.SubjectId).HasColumnName("subject_id");
            // Actions are the core's constants, never user input: an over-long one is a programming error, so no refusal code.
            audit.Property(a => a.Action).HasColumnName("action").HasMaxLength(MaxActionLength).IsRequired();
            audit.Property(a => a.Before).HasColumnName("before");
            audit.Property(a => a.After).HasColumnName("after");
            audit.HasIndex(a => new { a.TeamId, a.Sequence }).HasDatabaseName("ix_ta_audit_events_team");
        });

        modelBuilder.Entity<ChangeFeedRow>(feed =>
        {
            // Appended in the commit's transaction, read by every instance in position order.
            feed.ToTable("ta_change_feed");
            feed.HasKey(f => f.Position).HasName("pk_ta_change_feed");
            feed.Property(f => f.Position).HasColumnName("position").ValueGeneratedOnAdd();
            feed.Property(f => f.TeamId).HasColumnName("team_id");
            feed.Property(f => f.TeamVersion).HasColumnName("team_version");
            feed.Property(f => f.UserId).HasColumnName("user_id");
        });

        modelBuilder.Entity<ChangeFeedCheckpointRow>(checkpoint =>
        {
            checkpoint.ToTable("ta_change_feed_checkpoints");
            checkpoint.HasKey(c => c.Consumer).HasName("pk_ta_change_feed_checkpoints");
            checkpoint.Property(c => c.Consumer).HasColumnName("consumer").HasMaxLength(ChangeFeedReader.MaxConsumerLength);
            checkpoint.Property(c => c.Position).HasColumnName("position");
        });

        modelBuilder.Entity<TryCounterRow>(counter =>
        {
            counter.ToTable("ta_try_counters");
            counter.HasKey(c => c.Key).HasName("pk_ta_try_counters");
            counter.Property(c => c.Key).HasColumnName("key").HasMaxLength(ITryCounterStore.MaxKeyLength);
            counter.Property(c => c.Count).HasColumnName("count");
            counter.Property(c => c.WindowEndsAtUtcTicks).HasColumnName("window_ends_at_utc_ticks");
            // The rows whose window ended are dropped by this index when a new window starts.
            counter.HasIndex(c => c.WindowEndsAtUtcTicks).HasDatabaseName("ix_ta_try_counters_window_ends");
        });

        modelBuilder.Entity<HeldEventRow>(held =>
        {
            held.ToTable("ta_held_events");
            held.HasKey(h => new { h.Consumer, h.Sequence }).HasName("pk_ta_held_events");
            held.Property(h => h.Consumer).HasColumnName("consumer").HasMaxLength(ChangeFeedReader.MaxConsumerLength);
            held.Property(h => h.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            held.Property(h => h.OrderKey).HasColumnName("order_key").HasMaxLength(MaxHeldEventTextLength).IsRequired();
            held.Property(h => h.State).HasColumnName("state");
            held.Property(h => h.Attempts).HasColumnName("attempts");
            held.Property(h => h.HeldAt).HasColumnName("held_at");
            held.Property(h => h.LastError).HasColumnName("last_error").HasMaxLength(MaxHeldEventTextLength);
            held.Property(h => h.DeadLetteredAt).HasColumnName("dead_lettered_at");
        });

        return modelBuilder;
    }

    private static void Text(PropertyBuilder<string> property, string column, int maxLength, TeamAccessErrorCode tooLong) =>
        property.HasColumnName(column).HasMaxLength(maxLength).IsRequired().HasAnnotation(ErrorCodeAnnotation, (int)tooLong);

    private static void Bounded(PropertyBuilder<string?> property, string column, int maxLength, TeamAccessErrorCode tooLong) =>
        property.HasColumnName(column).HasMaxLength(maxLength).HasAnnotation(ErrorCodeAnnotation, (int)tooLong);

    private static IndexBuilder<T> Unique<T>(IndexBuilder<T> index, string name, TeamAccessErrorCode violated) =>
        index.IsUnique().HasDatabaseName(name).HasAnnotation(ErrorCodeAnnotation, (int)violated);

    /// <summary>The refusal a model element carries, if any.</summary>
    internal static TeamAccessErrorCode? ErrorCodeOf(IReadOnlyAnnotatable element) =>
        element.FindAnnotation(ErrorCodeAnnotation)?.Value is int code ? (TeamAccessErrorCode)code : null;
}
