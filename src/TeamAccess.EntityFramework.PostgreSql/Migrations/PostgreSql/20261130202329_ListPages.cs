using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class ListPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_team_invitations",
                table: "ta_memberships",
                columns: new[] { "team_id", "email", "id" },
                filter: "invitation_expires_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ta_grants_team_resource",
                table: "ta_grants",
                columns: new[] { "team_id", "resource_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ta_grants_team_subject",
                table: "ta_grants",
                columns: new[] { "team_id", "subject_id", "resource_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ta_memberships_team_invitations",
                table: "ta_memberships");

            migrationBuilder.DropIndex(
                name: "ix_ta_grants_team_resource",
                table: "ta_grants");

            migrationBuilder.DropIndex(
                name: "ix_ta_grants_team_subject",
                table: "ta_grants");
        }
    }
}
