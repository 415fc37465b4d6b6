#!/usr/bin/env bash
# Brings a project's PublicAPI.Unshipped.txt in step with its code: adds every symbol the PublicApiAnalyzers report as
# undeclared (RS0016) and drops every unshipped one they report as gone (RS0017). Run after changing public API on
# purpose; review the diff before committing.
set -euo pipefail
project="${1:?usage: eng/accept-public-api.sh src/Project/Project.csproj}"
unshipped="$(dirname "$project")/PublicAPI.Unshipped.txt"
log="$(mktemp)"
dotnet build "$project" -f net10.0 --no-incremental > "$log" 2>&1 || true
grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
  | sed -e "s/^RS0016: Symbol '//" -e "s/' is not part of the declared public API$//" | LC_ALL=C sort -u > "$log.added" || true
grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" \
  | sed -e "s/^RS0017: Symbol '//" -e "s/' is part of the declared API, but is either not public or could not be found$//" | LC_ALL=C sort -u > "$log.gone" || true
{ head -n 1 "$unshipped"; { tail -n +2 "$unshipped" | grep -vxF -f "$log.gone" || true; cat "$log.added"; } | LC_ALL=C sort -u; } > "$unshipped.tmp"
mv "$unshipped.tmp" "$unshipped"
rm -f "$log" "$log.added" "$log.gone"
