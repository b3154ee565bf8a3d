# Engine, scoring, saves and `enjeux play --headless` (issue 3).
# Unit tests in C on the fixtures of tests/fixtures/engine/, golden
# playthroughs through the real binary (tests/golden/engine/, regenerate on
# purpose with tests/golden/engine/regen.sh), and the engine benchmark
# (built, not registered: see tests/bench/README.md).
enjeux_add_c_test(engine_rules ${ENJEUX_TESTS_DIR}/engine/test_engine.c)
enjeux_add_c_test(engine_scoring ${ENJEUX_TESTS_DIR}/engine/test_scoring.c)
enjeux_add_c_test(engine_save ${ENJEUX_TESTS_DIR}/engine/test_save.c)
if(UNIX)
  enjeux_add_c_test(engine_save_sigkill ${ENJEUX_TESTS_DIR}/engine/test_save_kill.c)
  set_tests_properties(engine_save_sigkill PROPERTIES TIMEOUT 300)
endif()

add_test(NAME engine_golden
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/engine/golden.py $<TARGET_FILE:enjeux>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

add_executable(bench_engine ${ENJEUX_TESTS_DIR}/bench/bench_engine.c)
target_link_libraries(bench_engine PRIVATE enjeux_core)
enjeux_set_warnings(bench_engine)
