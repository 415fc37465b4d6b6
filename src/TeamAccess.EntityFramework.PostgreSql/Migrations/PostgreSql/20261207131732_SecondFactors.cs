using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeamAccess.EntityFramework.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SecondFactors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "authenticator_confirmed_at",
                table: "ta_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "authenticator_last_time_step",
                table: "ta_users",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "authenticator_secret",
                table: "ta_users",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recovery_code_hashes",
                table: "ta_users",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "second_factor_required",
                table: "ta_teams",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "authenticator_confirmed_at",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "authenticator_last_time_step",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "authenticator_secret",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "recovery_code_hashes",
                table: "ta_users");

            migrationBuilder.DropColumn(
                name: "second_factor_required",
                table: "ta_teams");
        }
    }
}
