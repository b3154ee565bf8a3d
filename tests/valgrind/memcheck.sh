#!/bin/bash
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
#
# Tests may run a program with a PATH that hides tools (`enjeux graph`
# without `dot`): hence bash by its path, builtins only, and Valgrind by the
# path CMake found ($ENJEUX_VALGRIND_PROGRAM).
set -euo pipefail
here=${BASH_SOURCE[0]%/*}
logs=${ENJEUX_VALGRIND_LOGS:-$PWD/valgrind-logs}
[ -d "$logs" ] || /bin/mkdir -p "$logs"
exec "${ENJEUX_VALGRIND_PROGRAM:-valgrind}" --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
  --errors-for-leak-kinds=definite,indirect --error-exitcode=97 --num-callers=40 \
  --suppressions="$here/../sanitizers/valgrind.supp" --gen-suppressions=all \
  --log-file="$logs/${1##*/}.%p.log" "$@"
