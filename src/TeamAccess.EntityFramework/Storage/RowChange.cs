using Microsoft.EntityFrameworkCore;

namespace TeamAccess.EntityFramework;

/// <summary>
/// One row to write. <see cref="ExpectedToken"/> is the value the entity's concurrency token must still have in the
/// database (a team's version, a user's stamp): EF Core puts it in the statement's WHERE clause, so a stale writer
/// changes no row and gets a conflict.
/// </summary>
internal sealed record RowChange(object Row, EntityState State, object? ExpectedToken = null);
