using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class Sessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "password_reset_expires_at",
                table: "ta_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "password_reset_token_hash",
                table: "ta_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "session_stamp",
                table: "ta_users",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "ta_revoked_sessions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_revoked_sessions", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_revoked_sessions_expires",
                table: "ta_revoked_sessions",
                column: "expires_at_utc_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_revoked_sessions");

            migrationBuilder.DropColumn(
                name: "password_reset_expires_at",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "password_reset_token_hash",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "session_stamp",
                table: "ta_users");
        }
    }
}
