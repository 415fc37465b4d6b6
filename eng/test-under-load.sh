#!/usr/bin/env bash
# Runs the test suite N times with a busy loop on every core beside it, and reports each test that failed at least
# once (with how many times). A test that passes here does not lean on the machine being quiet; CI machines are not.
#
# Usage: eng/test-under-load.sh [-n RUNS] [--filter EXPRESSION] [PROJECT_OR_SOLUTION]
#   -n RUNS                how many times to run the tests (default 3)
#   --filter EXPRESSION    a dotnet test filter, e.g. 'FullyQualifiedName~MultiHostTests'
#   PROJECT_OR_SOLUTION    what to test (default TeamAccess.sln, the whole suite)
# Environment:
#   CI                     true unless set: the PostgreSQL and Chromium tests run instead of skipping
#   BUSY_LOOPS             how many busy loops to start (default: one per core, nproc)
#   TA_BUILD_LOCK          a lock file (e.g. /tmp/ta-build.lock): the build and every run hold it, for a machine
#                          shared with other builds
# Exits 0 if every run passed, 1 if any test failed (or a run failed without a test to blame).
set -euo pipefail

runs=3
filter=""
target="TeamAccess.sln"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) target="$1"; shift ;;
  esac
done

# Take the shared build lock once, around the build and all the runs, by running this script again under it.
if [[ -n "${TA_BUILD_LOCK:-}" && -z "${TA_BUILD_LOCK_HELD:-}" ]]; then
  echo "Waiting for the build lock $TA_BUILD_LOCK..."
  TA_BUILD_LOCK_HELD=1 exec flock "$TA_BUILD_LOCK" "$0" -n "$runs" ${filter:+--filter "$filter"} "$target"
fi

cd "$(dirname "$0")/.."
export CI="${CI:-true}"
results="$(mktemp -d -t teamaccess-under-load.XXXXXX)"
busy=()

stop_busy_loops() {
  if [[ ${#busy[@]} -gt 0 ]]; then
    kill "${busy[@]}" 2>/dev/null || true
    wait "${busy[@]}" 2>/dev/null || true
    busy=()
  fi
}
trap stop_busy_loops EXIT
trap 'exit 130' INT TERM

# Built once, before the cores are made busy: the runs below measure the tests, not the compiler.
echo "Building $target..."
dotnet build "$target" --nologo -v quiet

loops="${BUSY_LOOPS:-$(nproc)}"
echo "Starting $loops busy loop(s); results in $results"
for _ in $(seq "$loops"); do
  sh -c 'while :; do :; done' &
  busy+=("$!")
done

broken_runs=0
for run in $(seq "$runs"); do
  echo "Run $run of $runs..."
  args=(test "$target" --no-build --nologo --logger "trx;LogFilePrefix=run$run" --results-directory "$results/run$run")
  [[ -n "$filter" ]] && args+=(--filter "$filter")
  if dotnet "${args[@]}" > "$results/run$run.log" 2>&1; then
    echo "  passed"
  else
    failed_here=$(cat "$results/run$run"/*.trx 2>/dev/null | grep -c '<UnitTestResult [^>]*outcome="Failed"' || true)
    echo "  failed ($failed_here test(s)); output in $results/run$run.log"
    if [[ "$failed_here" -eq 0 ]]; then
      # A crash, a hang cut short or a build problem: no test to name, but the run did not pass.
      broken_runs=$((broken_runs + 1))
      tail -n 20 "$results/run$run.log" | sed 's/^/    /'
    fi
  fi
done

stop_busy_loops

# Every failed result of every run, by test name (one UnitTestResult element per line in a TRX file).
failures=$(cat "$results"/run*/*.trx 2>/dev/null \
  | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' \
  | sed 's/.* testName="\([^"]*\)".*/\1/' \
  | sed 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' \
  | sort | uniq -c | sort -rn || true)

echo
if [[ -z "$failures" && "$broken_runs" -eq 0 ]]; then
  echo "No test failed in $runs run(s) with $loops busy loop(s)."
  exit 0
fi

if [[ -n "$failures" ]]; then
  echo "Tests that failed at least once in $runs run(s) (times failed, test):"
  echo "$failures"
fi
if [[ "$broken_runs" -gt 0 ]]; then
  echo "$broken_runs run(s) failed without a failed test to name (see their logs in $results)."
fi
exit 1
