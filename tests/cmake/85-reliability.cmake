# Crash and disk safety (issue 10): the player's files under SIGKILL, a full
# disk and a read-only data folder, and paths that must not leave the data
# folders. See docs/reliability.md.

# settings.json, progress.json and profiles.json: their real writers killed
# at random moments, 200 times each (tests/reliability/test_store_kill.c).
if(UNIX)
  enjeux_add_c_test(reliability_store_sigkill ${ENJEUX_TESTS_DIR}/reliability/test_store_kill.c)
  set_tests_properties(reliability_store_sigkill PROPERTIES TIMEOUT 300)
endif()
