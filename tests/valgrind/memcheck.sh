#!/usr/bin/env bash
# memcheck.sh — runs one program of the project under Valgrind memcheck, as
# the Valgrind build (-DENJEUX_VALGRIND=ON, tests/valgrind/run.sh) runs every
# test program and every `enjeux` a test script starts:
#
#   tests/valgrind/memcheck.sh PROGRAM [ARGS…]
#
# Any memory error, and any leak Valgrind calls definite or indirect, makes
# the program exit with status 97 (so the test fails) and is written with
# its stack and a ready-made suppression to a log per process in
# $ENJEUX_VALGRIND_LOGS (default ./valgrind-logs), which run.sh reads at the
# end. Leaks inside system libraries and drivers that are not the project's
# are suppressed by tests/sanitizers/valgrind.supp, each with its reason.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
logs=${ENJEUX_VALGRIND_LOGS:-$PWD/valgrind-logs}
mkdir -p "$logs"
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
  --errors-for-leak-kinds=definite,indirect --error-exitcode=97 --num-callers=40 \
  --suppressions="$here/../sanitizers/valgrind.supp" --gen-suppressions=all \
  --log-file="$logs/$(basename "$1").%p.log" "$@"
