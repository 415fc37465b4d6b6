using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class MembershipOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "external_id",
                table: "ta_memberships",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "origin",
                table: "ta_memberships",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_team_external_id",
                table: "ta_memberships",
                columns: new[] { "team_id", "external_id" },
                filter: "external_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ta_memberships_team_external_id",
                table: "ta_memberships");

            migrationBuilder.DropColumn(
                name: "external_id",
                table: "ta_memberships");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "ta_memberships");
        }
    }
}
