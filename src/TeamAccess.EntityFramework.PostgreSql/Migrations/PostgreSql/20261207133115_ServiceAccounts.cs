using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ServiceAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "description",
                table: "ta_memberships",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "service_account_name",
                table: "ta_memberships",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ta_api_key_usage",
                columns: table => new
                {
                    key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_used_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_api_key_usage", x => x.key_id);
                });

            migrationBuilder.CreateTable(
                name: "ta_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    permissions = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaced_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_api_keys_membership",
                        column: x => x.membership_id,
                        principalTable: "ta_memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ta_api_keys_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_api_key_usage_team",
                table: "ta_api_key_usage",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_api_keys_membership",
                table: "ta_api_keys",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_api_keys_team",
                table: "ta_api_keys",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_api_key_usage");

            migrationBuilder.DropTable(
                name: "ta_api_keys");

            migrationBuilder.DropColumn(
                name: "description",
                table: "ta_memberships");

            migrationBuilder.DropColumn(
                name: "service_account_name",
                table: "ta_memberships");
        }
    }
}
