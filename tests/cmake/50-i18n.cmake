# Interface strings (issue 5, i18n): the PO reader and tr()'s fallbacks, and
# the catalogues against the code (docs/translating.md).
enjeux_add_c_test(i18n_po ${ENJEUX_TESTS_DIR}/i18n/test_po.c ${PROJECT_SOURCE_DIR}/src/ui/tr.c)

add_test(NAME i18n_catalogues
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_catalogues.py --root ${PROJECT_SOURCE_DIR})
add_test(NAME i18n_catalogues_selftest
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_catalogues.py --root ${PROJECT_SOURCE_DIR} --selftest)
enjeux_add_c_test(i18n_fmt ${ENJEUX_TESTS_DIR}/i18n/test_fmt.c)
