# Fuzz targets (issue 10). With ENJEUX_FUZZ=ON (clang) each target links
# libFuzzer and tests/fuzz/run.sh runs them. In every other build the same
# targets link tests/fuzz/replay_main.c and CTest replays their seed corpus
# and every regression input kept in tests/fuzz/regressions/<target>/, so an
# input that once crashed keeps being checked, under ASan/UBSan in CI too.
set(_fz ${ENJEUX_TESTS_DIR}/fuzz)
file(GLOB _scenario_seeds CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/scenarios/*/scenario.json
  ${ENJEUX_TESTS_DIR}/fixtures/valid/*/scenario.json
  ${ENJEUX_TESTS_DIR}/fixtures/engine/*/scenario.json)
set(ENJEUX_FUZZ_SEEDS_scenario ${_scenario_seeds}
  ${ENJEUX_TESTS_DIR}/fixtures/broken ${_fz}/regressions/scenario)
set(ENJEUX_FUZZ_SEEDS_framework ${PROJECT_SOURCE_DIR}/scenarios/competencies.json
  ${ENJEUX_TESTS_DIR}/fixtures/competencies.json ${ENJEUX_TESTS_DIR}/fixtures/engine/competencies.json
  ${_fz}/regressions/framework)
set(ENJEUX_FUZZ_SEEDS_save ${_fz}/corpus/save ${_fz}/regressions/save)
set(ENJEUX_FUZZ_SEEDS_condition ${_fz}/corpus/condition ${_fz}/regressions/condition)
set(ENJEUX_FUZZ_SEEDS_record ${_fz}/corpus/record ${_fz}/regressions/record)
set(ENJEUX_FUZZ_SEEDS_progress ${_fz}/corpus/progress ${_fz}/regressions/progress)
file(GLOB _po_seeds CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/assets/i18n/*.po)
set(ENJEUX_FUZZ_SEEDS_catalog ${_po_seeds} ${_fz}/regressions/catalog)

set(ENJEUX_FUZZ_SEEDS_settings ${_fz}/corpus/settings ${_fz}/regressions/settings)
set(_report_fx ${ENJEUX_TESTS_DIR}/fixtures/report)
set(ENJEUX_FUZZ_SEEDS_results ${_report_fx}/machine-a/results ${_report_fx}/machine-a/copie
  ${_report_fx}/machine-b/results ${_fz}/corpus/results ${_fz}/regressions/results)
set(ENJEUX_FUZZ_SEEDS_report_data ${_fz}/corpus/report_data ${_fz}/regressions/report_data)

foreach(_t scenario framework save condition record progress catalog settings results report_data)
  set(_exe fuzz_${_t})
  add_executable(${_exe} ${_fz}/fuzz_${_t}.c ${_fz}/fuzz_common.c ${_fz}/fuzz_report.c)
  target_link_libraries(${_exe} PRIVATE enjeux_core)
  target_include_directories(${_exe} PRIVATE ${_fz})
  target_compile_definitions(${_exe} PRIVATE
    ENJEUX_FUZZ_FRAMEWORK="${ENJEUX_TESTS_DIR}/fixtures/competencies.json"
    ENJEUX_FUZZ_SCENARIO="${ENJEUX_TESTS_DIR}/fixtures/valid/kitchen-sink/scenario.json"
    ENJEUX_FUZZ_SCENARIOS="${ENJEUX_TESTS_DIR}/fixtures/valid")
  enjeux_set_warnings(${_exe})
  if(ENJEUX_FUZZ)
    target_link_options(${_exe} PRIVATE -fsanitize=fuzzer)
  else()
    target_sources(${_exe} PRIVATE ${_fz}/replay_main.c)
    add_test(NAME fuzz_replay_${_t} COMMAND ${_exe} ${ENJEUX_FUZZ_SEEDS_${_t}})
  endif()
endforeach()
