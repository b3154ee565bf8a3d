# The Valgrind build (issue 10): with -DENJEUX_VALGRIND=ON every test runs
# the project's programs under Valgrind memcheck (tests/valgrind/memcheck.sh):
# the test programs CTest starts through CMake's emulator prefix, and the
# `enjeux` (and helpers) that Python test scripts start through
# tests/valgrind/sitecustomize.py. Timeouts grow by ENJEUX_VALGRIND_SLOWDOWN.
# tests/valgrind/run.sh configures, builds, runs and reads the logs.
option(ENJEUX_VALGRIND "Run every test's programs under Valgrind memcheck" OFF)
if(NOT ENJEUX_VALGRIND)
  return()
endif()
find_program(ENJEUX_VALGRIND_PROGRAM valgrind REQUIRED)
set(ENJEUX_VALGRIND_SLOWDOWN 5 CACHE STRING "How many times longer the tests' timeouts are under Valgrind")
set(ENJEUX_VALGRIND_LOGS ${CMAKE_BINARY_DIR}/valgrind-logs CACHE PATH "Where Valgrind writes one log per process")
set(_vg_wrapper ${ENJEUX_TESTS_DIR}/valgrind/memcheck.sh)
# Test programs: CTest puts the emulator before every executable target.
set(CMAKE_CROSSCOMPILING_EMULATOR ${_vg_wrapper})

# Once every fragment has declared its tests: the environment the wrapper
# and the Python hook read, and longer timeouts (600 s for a test without
# its own, as scripts/test.sh gives).
function(enjeux_valgrind_tests)
  get_property(_tests DIRECTORY ${ENJEUX_TESTS_DIR} PROPERTY TESTS)
  foreach(_t IN LISTS _tests)
    get_test_property(${_t} TIMEOUT _timeout)
    if(NOT _timeout)
      set(_timeout 600)
    endif()
    math(EXPR _timeout "${_timeout} * ${ENJEUX_VALGRIND_SLOWDOWN}")
    set_property(TEST ${_t} PROPERTY TIMEOUT ${_timeout})
    set_property(TEST ${_t} APPEND PROPERTY ENVIRONMENT
      "ENJEUX_VALGRIND_LOGS=${ENJEUX_VALGRIND_LOGS}"
      "ENJEUX_VALGRIND_PROGRAM=${ENJEUX_VALGRIND_PROGRAM}"
      "ENJEUX_VALGRIND_BUILD=${CMAKE_BINARY_DIR}"
      "ENJEUX_VALGRIND_WRAPPER=${_vg_wrapper}"
      "ENJEUX_VALGRIND_SLOWDOWN=${ENJEUX_VALGRIND_SLOWDOWN}"
      "PYTHONPATH=${ENJEUX_TESTS_DIR}/valgrind")
  endforeach()
endfunction()
cmake_language(DEFER CALL enjeux_valgrind_tests)
