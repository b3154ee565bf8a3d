# Profiles and the progress store (issue 5): unit tests on temporary user
# folders.
enjeux_add_c_test(profiles_list ${ENJEUX_TESTS_DIR}/profiles/test_profile.c)
enjeux_add_c_test(profiles_progress ${ENJEUX_TESTS_DIR}/profiles/test_progress.c)
