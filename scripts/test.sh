#!/usr/bin/env bash
# Runs the whole nn-mlir test suite: setup, build, then every lit test.
# Ends with a "N passed, N failed" line.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"

"$root/scripts/setup.sh" || exit 1
"$root/scripts/build.sh" nn-test-depends || exit 1

log="$build/test-results.txt"
/usr/lib/llvm-22/bin/lit -v "$build/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r kind count; do
  case "$kind" in
    Passed|"Expectedly Failed") passed=$((passed + count)) ;;
    Failed|"Unexpectedly Passed"|Unresolved|"Timed Out") failed=$((failed + count)) ;;
    Unsupported|Skipped|Excluded) skipped=$((skipped + count)) ;;
  esac
done < <(sed -nE 's/^ *(Passed|Failed|Expectedly Failed|Unexpectedly Passed|Unresolved|Timed Out|Unsupported|Skipped|Excluded) *: *([0-9]+).*/\1 \2/p' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
