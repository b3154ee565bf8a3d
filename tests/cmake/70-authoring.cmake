# Trainer tools of issue 7 written by "authoring": `enjeux graph` (DOT, SVG
# through Graphviz, escaping, unreachable scenes, missing `dot`), `enjeux new`
# (template -> validate clean -> play to an ending), the authoring guide
# (tutorial scenario extracted from the doc, reference table against the
# JSON Schema) and the live-authoring mode `--dev` in the window.
add_test(NAME authoring_graph
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/test_graph.py $<TARGET_FILE:enjeux> ${PROJECT_SOURCE_DIR})
add_test(NAME authoring_new
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/test_new.py $<TARGET_FILE:enjeux>)
add_test(NAME authoring_help
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/test_help.py $<TARGET_FILE:enjeux>)
set_tests_properties(authoring_graph authoring_new authoring_help PROPERTIES TIMEOUT 300)

# Live authoring in the window: through the real binary in script mode.
if(ENJEUX_BUILD_GAME)
  add_test(NAME authoring_dev
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/test_dev.py $<TARGET_FILE:enjeux>)
  add_test(NAME authoring_shots
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/test_shots.py $<TARGET_FILE:enjeux>)
  set_tests_properties(authoring_dev authoring_shots PROPERTIES TIMEOUT 300)
endif()

# The authoring guide: reference tables against the JSON Schema, the
# tutorial's final scenario validated and played, its snippets consistent.
add_test(NAME authoring_doc
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/check_authoring_doc.py ${PROJECT_SOURCE_DIR}
          $<TARGET_FILE:enjeux>)
set_tests_properties(authoring_doc PROPERTIES TIMEOUT 300)

# The tutorial replayed step by step from `enjeux new`, with the guide's own
# snippets: each step validates (or fails) as the guide says, outputs shown
# in the guide are the real ones.
add_test(NAME authoring_tutorial_steps
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/authoring/tutorial_steps.py ${PROJECT_SOURCE_DIR}
          $<TARGET_FILE:enjeux>)
set_tests_properties(authoring_tutorial_steps PROPERTIES TIMEOUT 300)
