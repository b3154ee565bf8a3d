# The shipped pack (issue 6): `enjeux validate` finds nothing, and each
# scenario keeps the coverage promises of the course (decisions, endings,
# delayed and chance events, stakeholders, images with alt text…).
add_test(NAME content_validate_clean
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/content/validate_clean.py
          $<TARGET_FILE:enjeux> ${PROJECT_SOURCE_DIR}/scenarios)
add_test(NAME content_each_scenario
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/content/check_pack.py --each
          --scenarios ${PROJECT_SOURCE_DIR}/scenarios)
add_test(NAME content_pack
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/content/check_pack.py --pack
          --scenarios ${PROJECT_SOURCE_DIR}/scenarios)
add_test(NAME content_reach_all
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/content/reach_all.py
          $<TARGET_FILE:enjeux> ${PROJECT_SOURCE_DIR}/scenarios)
