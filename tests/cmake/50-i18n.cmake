# Interface strings (issue 5, i18n): the PO reader and tr()'s fallbacks, and
# the catalogues against the code (docs/translating.md).
enjeux_add_c_test(i18n_po ${ENJEUX_TESTS_DIR}/i18n/test_po.c ${PROJECT_SOURCE_DIR}/src/ui/tr.c)

add_test(NAME i18n_catalogues
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_catalogues.py --root ${PROJECT_SOURCE_DIR})
add_test(NAME i18n_catalogues_selftest
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_catalogues.py --root ${PROJECT_SOURCE_DIR} --selftest)
enjeux_add_c_test(i18n_fmt ${ENJEUX_TESTS_DIR}/i18n/test_fmt.c)

# Every visible string follows the language: the screenshot tour in French
# and in English, and a session that switches language in game (mid-play
# too); no text of the other language on any frame.
if(ENJEUX_BUILD_GAME)
  set(_lib ${ENJEUX_TESTS_DIR}/fixtures/ui/library)
  foreach(_mode tour selftest)
    add_test(NAME i18n_lang_${_mode}
      COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_lang_switch.py $<TARGET_FILE:enjeux>
              --root ${PROJECT_SOURCE_DIR} --library ${_lib} ${_mode})
  endforeach()
  add_test(NAME i18n_lang_switch
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_lang_switch.py $<TARGET_FILE:enjeux>
            --root ${PROJECT_SOURCE_DIR} --library ${_lib} switch ${ENJEUX_TESTS_DIR}/i18n/lang_switch.script)
  set_tests_properties(i18n_lang_tour i18n_lang_switch PROPERTIES TIMEOUT 600)
  # Texts formatted when a file was read (a broken scenario's diagnostics,
  # the damaged settings notice) follow a switch of language in game.
  add_test(NAME i18n_relang
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_relang.py $<TARGET_FILE:enjeux> ${_lib})
endif()

# A scenario without its English is shown in French, with a discreet notice
# (library card, briefing, scene header); its screens keep their layout.
if(ENJEUX_BUILD_GAME)
  add_test(NAME i18n_langnote
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/i18n/check_langnote.py $<TARGET_FILE:enjeux>
            --root ${PROJECT_SOURCE_DIR})
  add_test(NAME ui_layout_i18n_partly_french
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/check_layout.py $<TARGET_FILE:enjeux>
            --library ${ENJEUX_TESTS_DIR}/fixtures/i18n/library ${ENJEUX_TESTS_DIR}/fixtures/i18n/library/en-partie
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(i18n_langnote ui_layout_i18n_partly_french PROPERTIES TIMEOUT 600)
endif()
