using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class TeamSso : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ta_team_domains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    token = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    verified_domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_check_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_team_domains", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_team_domains_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ta_team_providers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issuer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    client_id = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    protected_client_secret = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    scopes = table.Column<string>(type: "character varying(2100)", maxLength: 2100, nullable: false),
                    email_claim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requires_second_factor = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    jwks_uri = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    authorization_endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    token_endpoint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_team_providers", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_team_providers_team",
                        column: x => x.team_id,
                        principalTable: "ta_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_team_domains_next_check",
                table: "ta_team_domains",
                column: "next_check_at_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_ta_team_domains_team",
                table: "ta_team_domains",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_ta_team_domains_team_domain",
                table: "ta_team_domains",
                columns: new[] { "team_id", "domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ta_team_domains_verified",
                table: "ta_team_domains",
                column: "verified_domain",
                unique: true,
                filter: "verified_domain IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ta_team_providers_team",
                table: "ta_team_providers",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_team_domains");

            migrationBuilder.DropTable(
                name: "ta_team_providers");
        }
    }
}
