using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ta_audit_events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_audit_events", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "ta_change_feed",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    team_version = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_change_feed", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "ta_change_feed_checkpoints",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_change_feed_checkpoints", x => x.consumer);
                });

            migrationBuilder.CreateTable(
                name: "ta_teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handle = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    tier = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    sso_required = table.Column<bool>(type: "boolean", nullable: false),
                    sso_provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    accepted_providers = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    verified_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    just_in_time_role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ta_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    password_hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    failed_sign_in_count = table.Column<int>(type: "integer", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    email_confirmation_hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ta_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    permissions = table.Column<string>(type: "text", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_grants_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    handle = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_groups_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    security_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    invitation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invitation_last_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invitation_send_count = table.Column<int>(type: "integer", nullable: true),
                    invitation_lifetime_ticks = table.Column<long>(type: "bigint", nullable: true),
                    invitation_code_attempts = table.Column<int>(type: "integer", nullable: true),
                    invitation_accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invitation_declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_memberships_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_user_logins",
                columns: table => new
                {
                    issuer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    subject = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_user_logins", x => new { x.issuer, x.subject });
                    table.ForeignKey(
                        name: "fk_ta_user_logins_user",
                        column: x => x.user_id,
                        principalTable: "ta_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_group_members", x => new { x.group_id, x.membership_id });
                    table.ForeignKey(
                        name: "fk_ta_group_members_group",
                        column: x => x.group_id,
                        principalTable: "ta_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ta_group_members_membership",
                        column: x => x.membership_id,
                        principalTable: "ta_memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_invitation_secrets",
                columns: table => new
                {
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    code_salt = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_invitation_secrets", x => x.membership_id);
                    table.ForeignKey(
                        name: "fk_ta_invitation_secrets_membership",
                        column: x => x.membership_id,
                        principalTable: "ta_memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_audit_events_team",
                table: "ta_audit_events",
                columns: new[] { "team_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_ta_grants_team",
                table: "ta_grants",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_group_members_membership",
                table: "ta_group_members",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_group_members_team",
                table: "ta_group_members",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_groups_team_handle",
                table: "ta_groups",
                columns: new[] { "team_id", "handle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ta_invitation_secrets_team",
                table: "ta_invitation_secrets",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_current_email",
                table: "ta_memberships",
                columns: new[] { "team_id", "email" },
                unique: true,
                filter: "status IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_current_user",
                table: "ta_memberships",
                columns: new[] { "team_id", "user_id" },
                unique: true,
                filter: "status IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_team",
                table: "ta_memberships",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_user",
                table: "ta_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_teams_handle",
                table: "ta_teams",
                column: "handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ta_user_logins_user",
                table: "ta_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_users_email",
                table: "ta_users",
                column: "email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_audit_events");

            migrationBuilder.DropTable(
                name: "ta_change_feed");

            migrationBuilder.DropTable(
                name: "ta_change_feed_checkpoints");

            migrationBuilder.DropTable(
                name: "ta_grants");

            migrationBuilder.DropTable(
                name: "ta_group_members");

            migrationBuilder.DropTable(
                name: "ta_invitation_secrets");

            migrationBuilder.DropTable(
                name: "ta_user_logins");

            migrationBuilder.DropTable(
                name: "ta_groups");

            migrationBuilder.DropTable(
                name: "ta_memberships");

            migrationBuilder.DropTable(
                name: "ta_users");

            migrationBuilder.DropTable(
                name: "ta_teams");
        }
    }
}
