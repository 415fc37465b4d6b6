using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
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
                    consumer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    order_key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    dead_lettered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
