# The player's settings file (issue 5): defaults, bounds, round trip and
# recovery from damage (src/core/settings.c).
enjeux_add_c_test(settings_file ${ENJEUX_TESTS_DIR}/settings/test_settings.c)
