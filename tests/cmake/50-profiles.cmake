# Profiles and the progress store (issue 5): unit tests on temporary user
# folders.
enjeux_add_c_test(profiles_list ${ENJEUX_TESTS_DIR}/profiles/test_profile.c)
enjeux_add_c_test(profiles_progress ${ENJEUX_TESTS_DIR}/profiles/test_progress.c)

# The schemas of profiles.json and progress.json are valid draft 2020-12.
add_test(NAME profiles_schema_meta
  COMMAND ${ENJEUX_PYTHON3} -c "import json,sys;from jsonschema import Draft202012Validator as V;[V.check_schema(json.load(open(f,encoding='utf-8'))) for f in sys.argv[1:]];print('ok')"
          ${PROJECT_SOURCE_DIR}/scenarios/schema/profiles.schema.json
          ${PROJECT_SOURCE_DIR}/scenarios/schema/progress.schema.json)

# Through the real game: create, refuse, delete; old data adopted; damaged
# files recovered with a message (needs the game).
if(ENJEUX_BUILD_GAME)
  add_test(NAME profiles_e2e
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/profiles/run_profiles.py $<TARGET_FILE:enjeux>
            ${ENJEUX_TESTS_DIR}/fixtures/ui/library ${ENJEUX_TESTS_DIR}/profiles/scripts
            ${PROJECT_SOURCE_DIR}/scenarios/schema
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

# A computer with many profiles: every one reachable on the profile screen
# (pages of 20, by keyboard), those past PROFILE_MAX said on screen.
if(ENJEUX_BUILD_GAME)
  add_test(NAME profiles_many
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/profiles/run_many.py $<TARGET_FILE:enjeux>
            ${ENJEUX_TESTS_DIR}/fixtures/ui/library
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
