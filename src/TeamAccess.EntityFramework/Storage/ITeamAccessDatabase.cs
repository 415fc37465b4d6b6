using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TeamAccess.EntityFramework.Migrations;

namespace TeamAccess.EntityFramework;

/// <summary>Creates and upgrades the TeamAccess schema; registered beside the EF Core store.</summary>
internal interface ITeamAccessDatabase
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
