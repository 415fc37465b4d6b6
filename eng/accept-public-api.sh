#!/usr/bin/env bash
# Adds every symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt.
# Run after adding public API on purpose; review the diff before committing.
set -euo pipefail
project="${1:?usage: eng/accept-public-api.sh src/Project/Project.csproj}"
unshipped="$(dirname "$project")/PublicAPI.Unshipped.txt"
dotnet build "$project" -f net10.0 --no-incremental 2>&1 \
  | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
  | sed -e "s/^RS0016: Symbol '//" -e "s/' is not part of the declared public API$//" \
  | sort -u >> "$unshipped"
{ head -n 1 "$unshipped"; tail -n +2 "$unshipped" | sort -u; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
