using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Tests.Migrations.Host
{
    /// <inheritdoc />
    public partial class ExpirySweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "open_offer_expires_at_utc_ticks",
                table: "ta_teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "pending_invitation_expires_at_utc_ticks",
                table: "ta_memberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ta_teams_open_offer_expiry",
                table: "ta_teams",
                column: "open_offer_expires_at_utc_ticks",
                filter: "open_offer_expires_at_utc_ticks IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_pending_expiry",
                table: "ta_memberships",
                columns: new[] { "pending_invitation_expires_at_utc_ticks", "team_id" },
                filter: "pending_invitation_expires_at_utc_ticks IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ta_teams_open_offer_expiry",
                table: "ta_teams");

            migrationBuilder.DropIndex(
                name: "ix_ta_memberships_pending_expiry",
                table: "ta_memberships");

            migrationBuilder.DropColumn(
                name: "open_offer_expires_at_utc_ticks",
                table: "ta_teams");

            migrationBuilder.DropColumn(
                name: "pending_invitation_expires_at_utc_ticks",
                table: "ta_memberships");
        }
    }
}
