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

# Kill test: the real game killed at random moments of scripted plays, 100
# times (tests/records/kill_test.py); every record readable, at most the
# decision in progress lost, killed plays resumed and finished.
add_test(NAME records_kill
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/records/kill_test.py $<TARGET_FILE:enjeux>
          ${ENJEUX_TESTS_DIR}/fixtures/ui/library ${ENJEUX_TESTS_DIR}/ui/keyboard.script --runs 100
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(records_kill PROPERTIES TIMEOUT 900 PROCESSORS 2)

# Exports (--export-dir) and the workshop file (--workshop), through the game.
add_test(NAME records_export
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/records/export_test.py $<TARGET_FILE:enjeux>
          ${ENJEUX_TESTS_DIR}/fixtures/ui/library ${ENJEUX_TESTS_DIR}/ui/keyboard.script
          ${ENJEUX_TESTS_DIR}/xapi/check_xapi.py
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(records_export PROPERTIES TIMEOUT 300)

# Badges: PNG and unsigned Open Badges 3.0 credential on a badge-earning play.
add_test(NAME records_badges
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/records/badge_test.py $<TARGET_FILE:enjeux>
          ${ENJEUX_TESTS_DIR}/fixtures/ui/library ${ENJEUX_TESTS_DIR}/ui/mouse.script
          ${ENJEUX_TESTS_DIR}/ui/keyboard.script
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(records_badges PROPERTIES TIMEOUT 300)

# Privacy: enjeux --forget PROFILE.
add_test(NAME records_forget
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/records/forget_test.py $<TARGET_FILE:enjeux>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The workshop code typed on the profile screen, the export folder of the
# settings screen and "export all" of the passport, through the game.
add_test(NAME records_workshop_ui
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/records/workshop_ui_test.py $<TARGET_FILE:enjeux>
          ${ENJEUX_TESTS_DIR}/fixtures/ui/library
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(records_workshop_ui PROPERTIES TIMEOUT 300)
