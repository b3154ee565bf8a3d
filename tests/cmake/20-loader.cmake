# Loader and validator (issue 2, sections 4–6): model tests in C, the broken
# fixture catalogue through the real binary, garbage input, and the
# benchmark (built, not registered: run build/bench_load by hand).

enjeux_add_c_test(test_loader ${ENJEUX_TESTS_DIR}/loader/test_loader.c)
enjeux_add_c_test(test_limits ${ENJEUX_TESTS_DIR}/loader/test_limits.c)

# One test per broken fixture: exact diagnostics (slug line:col path) and
# exit status 1, through `enjeux validate --format json`.
file(GLOB _broken CONFIGURE_DEPENDS ${ENJEUX_TESTS_DIR}/fixtures/broken/*.json)
foreach(_f IN LISTS _broken)
  get_filename_component(_name ${_f} NAME_WE)
  add_test(NAME broken_${_name}
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/loader/check_fixture.py $<TARGET_FILE:enjeux> ${_f}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endforeach()

# Garbage input, generated at test time into the build tree.
add_test(NAME loader_garbage
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/loader/garbage.py $<TARGET_FILE:enjeux>
          ${CMAKE_CURRENT_BINARY_DIR}/garbage ${ENJEUX_TESTS_DIR}/fixtures
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Benchmark: built, not registered (prints its figures; run from the
# repository root: build/bench_load).
add_executable(bench_load ${ENJEUX_TESTS_DIR}/bench/bench_load.c)
target_link_libraries(bench_load PRIVATE enjeux_core)
enjeux_set_warnings(bench_load)

# The French typography scan against the byte-at-a-time version it replaced.
enjeux_add_c_test(test_french_slip ${ENJEUX_TESTS_DIR}/loader/test_french_slip.c ${ENJEUX_TESTS_DIR}/loader/json_tree.c)

# The JSON parser's SSE2 paths against its portable ones.
enjeux_add_c_test(test_jdom_portable ${ENJEUX_TESTS_DIR}/loader/test_jdom_portable.c ${ENJEUX_TESTS_DIR}/loader/json_tree.c)
