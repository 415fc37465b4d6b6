using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class UserSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ta_sessions",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    user_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    methods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    device = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    signed_in_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    expires_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false),
                    last_seen_at_utc_ticks = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_sessions", x => x.session_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_sessions_expires",
                table: "ta_sessions",
                column: "expires_at_utc_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_ta_sessions_user_expires",
                table: "ta_sessions",
                columns: new[] { "user_id", "expires_at_utc_ticks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_sessions");
        }
    }
}
