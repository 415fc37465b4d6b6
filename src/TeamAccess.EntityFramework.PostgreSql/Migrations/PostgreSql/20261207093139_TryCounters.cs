using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class TryCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "invitation_code_attempts",
                table: "ta_memberships");

            migrationBuilder.CreateTable(
                name: "ta_try_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    window_ends_at_utc_ticks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_try_counters", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ta_try_counters_window_ends",
                table: "ta_try_counters",
                column: "window_ends_at_utc_ticks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_try_counters");

            migrationBuilder.AddColumn<int>(
                name: "invitation_code_attempts",
                table: "ta_memberships",
                type: "integer",
                nullable: true);
        }
    }
}
