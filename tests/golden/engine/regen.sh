#!/bin/sh
# Rewrites the golden transcripts of `enjeux play --headless` on purpose
# (after a deliberate change of output). Review with `git diff` before
# committing. Usage: tests/golden/engine/regen.sh [BUILD_DIR (default build)]
set -eu
cd "$(dirname "$0")/../../.."
exec python3 tests/engine/golden.py "${1:-build}/enjeux" --regen
