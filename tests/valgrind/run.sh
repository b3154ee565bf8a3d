#!/usr/bin/env bash
# run.sh — the test suite under Valgrind memcheck (issue 10): builds the
# project in build-valgrind/ with -DENJEUX_VALGRIND=ON (tests/cmake/
# 00-valgrind.cmake), runs the tests through CTest with every test program
# and every `enjeux` the scripts start under memcheck, then reads the
# Valgrind logs: any memory error or definite/indirect leak fails the run.
#
#   tests/valgrind/run.sh [--ci] [-- CTEST_ARGS…]
#
#   (default)  the whole suite but the tests that cannot run under Valgrind
#   --ci       what .ci/run runs: also without the screenshot tours
#              (ui_layout_*, i18n_lang_tour, i18n_langnote), which alone
#              would take hours under memcheck
#   -- …       passed to ctest, e.g. -- -R engine
#
# Never run here: engine_save_sigkill, records_kill and
# reliability_store_sigkill kill the program with SIGKILL at random instants
# to test crash safety (under Valgrind the kill lands in Valgrind itself, the
# killed process never reaches its leak check, and the instants move); soak
# and soak_self_check measure the program's own memory (resident size and
# heap flat over thousands of plays), which Valgrind's allocator changes.
# docs/reliability.md gives the reasons and the figures.
#
# Exit status: 0 when every test passed and no log shows an error. The
# time taken is printed at the end (docs/reliability.md keeps the figures).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build-valgrind
never='engine_save_sigkill|records_kill|reliability_store_sigkill|soak|soak_self_check'
exclude="^($never)\$"
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) exclude="^($never|ui_layout_.*|i18n_lang_tour|i18n_langnote)\$"; shift ;;
    --) shift; ctest_args=("$@"); break ;;
    -h|--help) sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see tests/valgrind/run.sh --help)" >&2; exit 2 ;;
  esac
done

# Sets $cpu_now to the seconds of processor time used so far by the
# processes this script ran and waited for (`times`, second line). Not
# called in $(…) nor a pipe: a subshell starts with none.
cpu_times=$(mktemp)
trap 'rm -f "$cpu_times"' EXIT
children_cpu() {
  times > "$cpu_times"
  cpu_now=$(tail -1 "$cpu_times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
}

start=$(date +%s)
"$root/scripts/setup.sh" --with valgrind --build-dir "$build" -DENJEUX_WERROR=ON -DENJEUX_VALGRIND=ON
logs=$build/valgrind-logs
rm -rf "$logs"
mkdir -p "$logs"
echo "==> Running the tests under Valgrind memcheck (logs in $logs)"
# The tests' processor time does not depend on what else the machine does:
# on N free cores the tests take about that divided by N.
start=$(date +%s)
children_cpu
cpu0=$cpu_now
status=0
(cd "$build" && ctest --output-on-failure --no-tests=error --parallel "$(nproc 2>/dev/null || echo 2)" \
  -E "$exclude" ${ctest_args[@]+"${ctest_args[@]}"}) || status=$?

# Every process's log: a non-zero error summary is a finding, even when the
# script that started the program did not look at its exit status.
bad=0
for log in "$logs"/*.log; do
  [ -e "$log" ] || continue
  if grep -qE "ERROR SUMMARY: [1-9]" "$log"; then
    bad=$((bad + 1))
    echo "==> Valgrind found errors: $log" >&2
    grep -E "^==[0-9]+== (Command|ERROR SUMMARY)" "$log" >&2
  fi
done
count=$(find "$logs" -name '*.log' | wc -l)
elapsed=$(( $(date +%s) - start ))
children_cpu
cpu=$((cpu_now - cpu0))
echo "==> Valgrind: $count processes checked, $bad with errors; tests: $((elapsed / 60)) min $((elapsed % 60)) s" \
     "($((cpu / 60)) min $((cpu % 60)) s of processor time)"
[ "$bad" -eq 0 ] || status=1
exit $status
