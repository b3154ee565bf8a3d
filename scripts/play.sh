#!/usr/bin/env bash
# play.sh — installs what is missing, builds, and starts the game on the
# bundled scenarios (scenarios/). Arguments go to the game:
#
#   scripts/play.sh                 the scenario library
#   scripts/play.sh [ARGS…]         same as build/enjeux ARGS…
#
# Set ENJEUX_BUILD_DIR to build elsewhere than build/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ENJEUX_BUILD_DIR:-build}
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac

"$ROOT/scripts/setup.sh" --build-dir "$BUILD_DIR" -DENJEUX_BUILD_GAME=ON

if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
  echo "play.sh: no graphical display (DISPLAY and WAYLAND_DISPLAY are empty)." >&2
  echo "  Run it from a desktop session, or try it in a virtual one: xvfb-run -a scripts/play.sh" >&2
fi
cd "$ROOT"
echo "==> Starting ${BUILD_DIR#"$ROOT"/}/enjeux $*"
exec "$BUILD_DIR/enjeux" "$@"
