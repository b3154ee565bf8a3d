#!/usr/bin/env bash
# run.sh — builds the libFuzzer targets with clang (ASan + UBSan) in
# build-fuzz/ and runs each one for SECONDS (default 60), starting from the
# seed corpora and regression inputs, with the format's dictionary.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET…]       targets: scenario framework save condition
#                                               record progress catalog settings results
#                                               report_data
#
# Each target's growing corpus stays in build-fuzz/corpus/<target>/ between
# runs (run it for hours by giving a large SECONDS). A crash or hang leaves
# its input in build-fuzz/artifacts/<target>/ and fails the script: reproduce
# it with build-fuzz/tests/fuzz_<target> FILE, fix it, and keep FILE in
# tests/fuzz/regressions/<target>/ so CTest replays it forever.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario framework save condition record progress catalog settings results
                                     report_data)
build=$root/build-fuzz

"$root/scripts/setup.sh" --with fuzz --install-only >/dev/null
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DENJEUX_FUZZ=ON -DENJEUX_BUILD_GAME=OFF >/dev/null
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

# Seed folders given to libFuzzer besides the working corpus (read-only).
seed_dirs() {
  case "$1" in
    scenario) echo "$root/tests/fixtures/broken" "$root/tests/fuzz/regressions/scenario" ;;
    framework) echo "$root/tests/fuzz/regressions/framework" ;;
    save) echo "$root/tests/fuzz/corpus/save" "$root/tests/fuzz/regressions/save" ;;
    condition) echo "$root/tests/fuzz/corpus/condition" "$root/tests/fuzz/regressions/condition" ;;
    record) echo "$root/tests/fuzz/corpus/record" "$root/tests/fuzz/regressions/record" ;;
    progress) echo "$root/tests/fuzz/corpus/progress" "$root/tests/fuzz/regressions/progress" ;;
    catalog) echo "$root/assets/i18n" "$root/tests/fuzz/regressions/catalog" ;;
    settings) echo "$root/tests/fuzz/corpus/settings" "$root/tests/fuzz/regressions/settings" ;;
    results) echo "$root/tests/fixtures/report/machine-a/results" "$root/tests/fixtures/report/machine-a/copie" \
                  "$root/tests/fixtures/report/machine-b/results" "$root/tests/fuzz/corpus/results" \
                  "$root/tests/fuzz/regressions/results" ;;
    report_data) echo "$root/tests/fuzz/corpus/report_data" "$root/tests/fuzz/regressions/report_data" ;;
  esac
}

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  artifacts=$build/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  # libFuzzer reads every file of the folders it is given: copy the seeds
  # that are single files (scenario.json in their folders, frameworks).
  if [ "$t" = framework ]; then
    cp -n "$root/scenarios/competencies.json" "$corpus/shipped.json" 2>/dev/null || true
    cp -n "$root/tests/fixtures/competencies.json" "$corpus/fixture.json" 2>/dev/null || true
  fi
  if [ "$t" = scenario ]; then
    for f in "$root"/scenarios/*/scenario.json "$root"/tests/fixtures/*/*/scenario.json; do
      [ -f "$f" ] && cp -n "$f" "$corpus/$(basename "$(dirname "$f")").json" || true
    done
  fi
  read -r -a dirs <<< "$(seed_dirs "$t")"
  echo "==> fuzz_$t for ${seconds}s"
  if ! "$build/tests/fuzz_$t" "$corpus" "${dirs[@]}" -dict="$root/tests/fuzz/format.dict" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" 2> "$build/fuzz_$t.log"; then
    status=1
    echo "fuzz_$t FOUND A PROBLEM: see $build/fuzz_$t.log and $artifacts/" >&2
    tail -40 "$build/fuzz_$t.log" >&2
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov:" "$build/fuzz_$t.log" | tail -3 || true
done
exit $status
