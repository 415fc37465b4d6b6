#!/usr/bin/env bash
# Adds a migration to both shipped migration sets: SQLite's in src/TeamAccess.EntityFramework, PostgreSQL's in
# src/TeamAccess.EntityFramework.PostgreSql (each package ships its provider's set):
#   eng/add-migration.sh <Name>
# Run it after every change to ApplyTeamAccessModel; the migration tests fail while the model and the migrations differ.
# On the shared build machine wrap it as the other dotnet commands: flock /tmp/build.lock eng/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: eng/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null

# Each provider's set lives in Migrations/<Provider> of its package, namespace TeamAccess.EntityFramework.Migrations.<Provider>.
for provider in Sqlite PostgreSql; do
  project=src/TeamAccess.EntityFramework
  if [ "$provider" = PostgreSql ]; then project=src/TeamAccess.EntityFramework.PostgreSql; fi
  dotnet tool run dotnet-ef migrations add "$name" \
    --project "$project" --startup-project "$project" --framework net10.0 \
    --context "${provider}TeamAccessDbContext" \
    --output-dir "Migrations/$provider"
  # Before the next provider's build: generated public classes would fail the public API check.
  sed -i -E 's/^(    )public (partial )?class /\1internal \2class /' "$project/Migrations/$provider"/*.cs
done

# The host-context test keeps a host's own migrations of ApplyTeamAccessModel (tests/.../Migrations/Host): a model change
# reaches them as it reaches a host, through a new migration.
dotnet tool run dotnet-ef migrations add "$name" \
  --project tests/TeamAccess.EntityFramework.Tests --startup-project tests/TeamAccess.EntityFramework.Tests \
  --context HostDbContext --output-dir Migrations/Host
