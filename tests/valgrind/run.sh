#!/usr/bin/env bash
# run.sh — the test suite under Valgrind memcheck (issue 10): builds the
# project in build-valgrind/ with -DENJEUX_VALGRIND=ON (tests/cmake/
# 00-valgrind.cmake), runs the tests through CTest with every test program
# and every `enjeux` the scripts start under memcheck, then reads the
# Valgrind logs: any memory error or definite/indirect leak fails the run.
#
#   tests/valgrind/run.sh [--ci | --all] [-- CTEST_ARGS…]
#
#   (default)  the whole suite but the tests excluded below
#   --ci       what .ci/run runs: the default set without the screenshot tours
#              (ui_layout_*), which alone take longer than everything else
#   --all      really everything, the SIGKILL tests included
#   -- …       passed to ctest, e.g. -- -R engine
#
# Always excluded but with --all: engine_save_sigkill and records_kill kill
# the program with SIGKILL at random instants to test crash safety; under
# Valgrind the kill lands in Valgrind itself, the killed process never
# reaches its leak check, and the timings the tests rely on change.
#
# Exit status: 0 when every test passed and no log shows an error. The
# time taken is printed at the end (docs/reliability.md keeps the figures).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build-valgrind
exclude='^(engine_save_sigkill|records_kill)$'
ctest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ci) exclude='^(engine_save_sigkill|records_kill|ui_layout_.*)$'; shift ;;
    --all) exclude=''; shift ;;
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
  ${exclude:+-E "$exclude"} ${ctest_args[@]+"${ctest_args[@]}"}) || status=$?

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
