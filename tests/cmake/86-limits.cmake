# Reader limits (issue 10): every reader of the files the game reads, other
# than scenarios (tests/loader/test_limits.c), at each documented limit and
# one step past it (docs/limits.md). Writes its files, up to 16 MiB each,
# under the build tree.
add_executable(test_reader_limits ${ENJEUX_TESTS_DIR}/limits/test_reader_limits.c)
target_link_libraries(test_reader_limits PRIVATE enjeux_core)
target_include_directories(test_reader_limits PRIVATE ${ENJEUX_TESTS_DIR})
enjeux_set_warnings(test_reader_limits)
add_test(NAME test_reader_limits
  COMMAND test_reader_limits ${CMAKE_CURRENT_BINARY_DIR}/reader-limits
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(test_reader_limits PROPERTIES TIMEOUT 300)
