using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class HeldEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ta_held_events",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    order_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    dead_lettered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ta_held_events", x => new { x.consumer, x.sequence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ta_held_events");
        }
    }
}
