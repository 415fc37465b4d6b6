#!/usr/bin/env bash
# Refreshes the UI package README's screenshots (docs/screenshots/*.png) of the main pages: runs the portal in headless
# Chromium (the browser tests' fixture) and the one test that pictures the pages, with TEAMACCESS_SCREENSHOTS naming the
# folder. Needs chromium and chromium-driver (apt-get install chromium chromium-driver).
#   bash eng/screenshots.sh        (on a shared machine: flock /tmp/ta-build.lock bash eng/screenshots.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/docs/screenshots"
mkdir -p "$out"
export TEAMACCESS_SCREENSHOTS="$out"
# CI=1: without Chromium the fixture fails instead of skipping, so a run that pictures nothing does not look like success.
CI=1 dotnet test "$root/tests/TeamAccess.Samples.Portal.Tests/TeamAccess.Samples.Portal.Tests.csproj" -f net10.0 \
  --filter "FullyQualifiedName~PortalBrowserTests.ReadmeScreenshots_OfTheMainPages"
ls -l "$out"/*.png
