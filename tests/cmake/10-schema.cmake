# JSON Schemas of the scenario format (scenarios/schema/): they are valid
# draft 2020-12 schemas, every shipped scenario, the competency framework and
# every valid fixture pass them, they reject what they must, and they agree
# with docs/format.md (top-level fields, and every JSON example of the doc).
# Run with Debian's python3 and python3-jsonschema (scripts/setup.sh installs
# it); without jsonschema these tests fail.
if(NOT ENJEUX_PYTHON3)
  message(WARNING "python3 not found: the schema tests will fail. Install python3 and python3-jsonschema.")
  set(ENJEUX_PYTHON3 python3)
endif()
foreach(_check meta files negative doc examples)
  add_test(NAME schema_${_check}
    COMMAND ${ENJEUX_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/schema/check_schema.py
            --root ${PROJECT_SOURCE_DIR} ${_check})
  set_tests_properties(schema_${_check} PROPERTIES TIMEOUT 120)
endforeach()
