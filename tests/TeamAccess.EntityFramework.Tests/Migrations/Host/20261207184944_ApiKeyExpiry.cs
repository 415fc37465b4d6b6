using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Tests.Migrations.Host
{
    /// <inheritdoc />
    public partial class ApiKeyExpiry : Migration
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
