# Play records, results files, exports and badges (issue 8, "records").
# Unit tests of the core's results and records; the files the real game
# writes checked against their JSON Schemas; the xAPI statements checked with
# Learning Locker's validator (npm xapi-validation, tests/xapi/); the kill
# test (tests/records/kill_test.py).
enjeux_add_c_test(records_results ${ENJEUX_TESTS_DIR}/records/test_results.c)

# Results of random plays of every shipped scenario: JSON Schema, CSV, and
# every xAPI statement through xapi-validation (installed by npm ci).
add_executable(gen_results ${ENJEUX_TESTS_DIR}/records/gen_results.c)
target_link_libraries(gen_results PRIVATE enjeux_core)
enjeux_set_warnings(gen_results)
add_test(NAME records_xapi_validation
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/xapi/check_xapi.py ${PROJECT_SOURCE_DIR} $<TARGET_FILE:gen_results>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(records_xapi_validation PROPERTIES TIMEOUT 300)
