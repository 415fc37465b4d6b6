using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class OwnershipOffer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ownership_offer_expires_at",
                table: "ta_teams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ownership_offer_from",
                table: "ta_teams",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ownership_offer_id",
                table: "ta_teams",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ownership_offer_keep_role",
                table: "ta_teams",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ownership_offer_to",
                table: "ta_teams",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ownership_offered_at",
                table: "ta_teams",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ownership_offer_expires_at",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "ownership_offer_from",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "ownership_offer_id",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "ownership_offer_keep_role",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "ownership_offer_to",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "ownership_offered_at",
                table: "ta_teams");
        }
    }
}
