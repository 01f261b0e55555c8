#!/usr/bin/env bash
# Regenerates the dialect reference from ODS and copies it into docs/dialect/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${NN_BUILD_DIR:-$root/build}"
"$root/scripts/build.sh" nn-doc
mkdir -p "$root/docs/dialect"
cp "$build/docs/Dialects/"*.md "$root/docs/dialect/"
