#!/usr/bin/env bash
# test.sh — installs what is missing, builds, and runs the whole test suite
# through CTest. .ci/run calls this same script.
#
#   scripts/test.sh [--build-dir DIR] [-DOPTION=VALUE …] [-- CTEST_ARGS…]
#
# --build-dir DIR   build folder (default: build)
# -D…               CMake options, e.g. -DENJEUX_WERROR=ON, -DENJEUX_SANITIZE=ON
# -- …              passed to ctest, e.g. -- -R schema to run some tests only
#
# Exit status: ctest's (0 when every test passed). A run that finds no test
# fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=build
SETUP_ARGS=()
CTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) [ $# -ge 2 ] || { echo "test.sh: --build-dir needs a folder" >&2; exit 2; }
                 BUILD_DIR=$2; shift 2 ;;
    --build-dir=*) BUILD_DIR=${1#--build-dir=}; shift ;;
    -D*) SETUP_ARGS+=("$1"); shift ;;
    --) shift; CTEST_ARGS=("$@"); break ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (see scripts/test.sh --help)" >&2; exit 2 ;;
  esac
done
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac

"$ROOT/scripts/setup.sh" --build-dir "$BUILD_DIR" ${SETUP_ARGS[@]+"${SETUP_ARGS[@]}"}

echo "==> Running the tests"
# --timeout bounds a test that hangs (a window waiting for input) unless the
# test sets its own TIMEOUT; --no-tests=error fails a run that finds no test.
cd "$BUILD_DIR"
exec ctest --output-on-failure --no-tests=error --timeout 600 \
  --parallel "$(nproc 2>/dev/null || echo 2)" ${CTEST_ARGS[@]+"${CTEST_ARGS[@]}"}
