using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ApiKeyExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_recorded_at",
                table: "ta_api_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "pending_expiry_at_utc_ticks",
                table: "ta_api_keys",
                type: "INTEGER",
                nullable: true);

            // Keys issued before this migration: their expiry is recorded too (an expiry passed meanwhile, at the next sweep).
            migrationBuilder.Sql("UPDATE ta_api_keys SET pending_expiry_at_utc_ticks = CAST(strftime('%s', expires_at) AS INTEGER) * 10000000 + 621355968000000000 WHERE revoked_at IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_ta_api_keys_pending_expiry",
                table: "ta_api_keys",
                columns: new[] { "pending_expiry_at_utc_ticks", "team_id" },
                filter: "pending_expiry_at_utc_ticks IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ta_api_keys_pending_expiry",
                table: "ta_api_keys");

            migrationBuilder.DropColumn(
                name: "expiry_recorded_at",
                table: "ta_api_keys");

            migrationBuilder.DropColumn(
                name: "pending_expiry_at_utc_ticks",
                table: "ta_api_keys");
        }
    }
}
