using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ExpirySweep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "open_offer_expires_at_utc_ticks",
                table: "ta_teams",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "pending_invitation_expires_at_utc_ticks",
                table: "ta_memberships",
                type: "bigint",
                nullable: true);

            // Rows written before the sweep existed get their keys, so their invitations and offers expire too:
            // pending invitations (status 0, Invited), and open offers of teams not deleted (status 1, Deleted).
            migrationBuilder.Sql("UPDATE ta_memberships SET pending_invitation_expires_at_utc_ticks = CAST(EXTRACT(EPOCH FROM invitation_expires_at) * 10000000 AS bigint) + 621355968000000000 WHERE status = 0 AND invitation_expires_at IS NOT NULL;");
            migrationBuilder.Sql("UPDATE ta_teams SET open_offer_expires_at_utc_ticks = CAST(EXTRACT(EPOCH FROM ownership_offer_expires_at) * 10000000 AS bigint) + 621355968000000000 WHERE status <> 1 AND ownership_offer_expires_at IS NOT NULL;");

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
