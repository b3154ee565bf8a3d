# `enjeux analyze` (issue 7): the core analysis on hand-checked fixtures,
# agreement with random play on the fixtures and every shipped scenario,
# full coverage of the shipped scenarios (tests/analyze/test_analyze.c), and
# the command line in both languages and JSON (tests/analyze/cli.py). The
# benchmark tests/bench/bench_analyze.c is built, not registered (run by
# hand, see tests/bench/README.md).
enjeux_add_c_test(analyze_core ${ENJEUX_TESTS_DIR}/analyze/test_analyze.c)
target_link_libraries(analyze_core PRIVATE m)
set_tests_properties(analyze_core PROPERTIES TIMEOUT 600)

add_test(NAME analyze_cli
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/analyze/cli.py $<TARGET_FILE:enjeux>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

add_executable(bench_analyze ${ENJEUX_TESTS_DIR}/bench/bench_analyze.c)
target_link_libraries(bench_analyze PRIVATE enjeux_core)
target_include_directories(bench_analyze PRIVATE ${ENJEUX_TESTS_DIR})
enjeux_set_warnings(bench_analyze)
