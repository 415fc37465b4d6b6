using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class MemberPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_ta_memberships_team_email",
                table: "ta_memberships",
                columns: new[] { "team_id", "email", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ta_memberships_team_email",
                table: "ta_memberships");
        }
    }
}
