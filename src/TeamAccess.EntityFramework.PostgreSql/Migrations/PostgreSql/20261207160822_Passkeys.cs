using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Passkeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "passkey_count",
                table: "ta_users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "passkey_required",
                table: "ta_teams",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ta_passkey_challenges",
                columns: table => new
                {
                    id_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    options = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: false),
                    expires_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_passkey_challenges", x => x.id_hash);
                });

            migrationBuilder.CreateTable(
                name: "ta_passkeys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credential_id = table.Column<byte[]>(type: "bytea", maxLength: 1023, nullable: false),
                    public_key = table.Column<byte[]>(type: "bytea", maxLength: 2048, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sign_count = table.Column<long>(type: "bigint", nullable: false),
                    backup_eligible = table.Column<bool>(type: "boolean", nullable: false),
                    backed_up = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_passkeys", x => x.id);
                    table.ForeignKey(
                        name: "fk_ta_passkeys_user",
                        column: x => x.user_id,
                        principalTable: "ta_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_passkey_challenges_expires",
                table: "ta_passkey_challenges",
                column: "expires_at_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_ta_passkeys_user",
                table: "ta_passkeys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_ta_passkeys_credential",
                table: "ta_passkeys",
                column: "credential_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_passkey_challenges");

            migrationBuilder.DropTable(
                name: "ta_passkeys");

            migrationBuilder.DropColumn(
                name: "passkey_count",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "passkey_required",
                table: "ta_teams");
        }
    }
}
