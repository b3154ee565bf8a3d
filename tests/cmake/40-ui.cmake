# Tests of the game's interface (issue 4). The end-to-end and layout tests
# run the real binary with SDL_VIDEODRIVER=dummy: no display needed.
if(NOT ENJEUX_BUILD_GAME)
  return()
endif()

set(_ui ${PROJECT_SOURCE_DIR}/src/ui)
set(_lib ${ENJEUX_TESTS_DIR}/fixtures/ui/library)

# Theme contrast (WCAG AA) and the interface string table.
enjeux_add_c_test(ui_theme_contrast ${ENJEUX_TESTS_DIR}/ui/test_theme_contrast.c ${_ui}/theme.c ${_ui}/tr.c)
target_link_libraries(ui_theme_contrast PRIVATE m)

# Word wrap with French typography.
enjeux_add_c_test(ui_text_wrap ${ENJEUX_TESTS_DIR}/ui/test_text_wrap.c ${_ui}/text.c)
target_link_libraries(ui_text_wrap PRIVATE SDL2::SDL2 SDL2_ttf::SDL2_ttf)

# From the title screen to the debrief, with each input device alone.
foreach(_dev keyboard mouse controller)
  if(_dev STREQUAL "keyboard")
    set(_want fin-mitigee coller,mentionner,charte)
  elseif(_dev STREQUAL "mouse")
    set(_want fin-confiance anonymiser,mentionner,charte)
  else()
    set(_want fin-mitigee anonymiser,mentionner,generaliser)
  endif()
  add_test(NAME ui_e2e_${_dev}
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_e2e.py $<TARGET_FILE:enjeux> ${_lib}
            ${ENJEUX_TESTS_DIR}/ui/${_dev}.script ${_want}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endforeach()
# The same keyboard play in English.
add_test(NAME ui_e2e_keyboard_en
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_e2e.py $<TARGET_FILE:enjeux> ${_lib}
          ${ENJEUX_TESTS_DIR}/ui/keyboard.script fin-mitigee coller,mentionner,charte --lang en
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Save and quit from the pause menu, then "Continue" in a new session.
add_test(NAME ui_e2e_save_resume
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_e2e.py $<TARGET_FILE:enjeux> ${_lib}
          ${ENJEUX_TESTS_DIR}/ui/resume.script fin-confiance anonymiser,mentionner,charte
          --before ${ENJEUX_TESTS_DIR}/ui/save_quit.script
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# Every screen at 800x600 and 1920x1080 (and 4K for the fixture): inside the
# window, no overlap; then at 100 % and 200 % text, normal and high contrast.
add_test(NAME ui_layout_fixture
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/check_layout.py --sizes 800x600,1920x1080,3840x2160
          $<TARGET_FILE:enjeux> --library ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(ui_layout_fixture PROPERTIES TIMEOUT 1800)
add_test(NAME ui_layout_fixture_a11y
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/check_layout.py --sizes 800x600,1920x1080
          $<TARGET_FILE:enjeux> --library ${_lib} --text-scale 100,200 --contrast normal,high
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(ui_layout_fixture_a11y PROPERTIES TIMEOUT 1800)

# Settings (issue 5): set from the keyboard, a whole play at 200 % text at
# 800x600, a restart, a damaged and an out-of-range settings file, and
# self-voicing when the build has it.
set(_voice)
if(ENJEUX_HAVE_ESPEAK)
  set(_voice --voice)
endif()
add_test(NAME ui_settings
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_settings.py $<TARGET_FILE:enjeux> ${_lib}
          ${ENJEUX_TESTS_DIR}/ui ${_voice}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The same for every scenario of the content pack, at 100 % and 200 % text
# (the high-contrast theme has the same geometry: the fixture covers it).
file(GLOB _scenarios CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/scenarios/*/scenario.json)
foreach(_sc IN LISTS _scenarios)
  get_filename_component(_dir ${_sc} DIRECTORY)
  get_filename_component(_name ${_dir} NAME)
  add_test(NAME ui_layout_${_name}
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/check_layout.py $<TARGET_FILE:enjeux> ${_dir}
            --text-scale 100,200
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(ui_layout_${_name} PROPERTIES TIMEOUT 1800)
endforeach()

# Text fields: editing at a caret (accents kept whole), a long path
# scrolled sideways inside its box (tests/ui/run_fields.py).
add_test(NAME ui_fields
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_fields.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The mouse wheel on the profiles screen: scrolls, then turns the pages of
# profiles both ways (tests/ui/run_profile_wheel.py).
add_test(NAME ui_profile_wheel
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_profile_wheel.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(ui_profile_wheel PROPERTIES TIMEOUT 600)

# The export folder's error: under its field and in view at 200 % text
# (800x600, 1920x1080, fr and en, both contrasts), worded in the language
# switched to afterwards (tests/ui/run_export_message.py).
add_test(NAME ui_export_message
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_export_message.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The --dev error screen: its diagnostics follow the language chosen in
# the settings opened from it (tests/ui/run_dev_relang.py).
add_test(NAME ui_dev_relang
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_dev_relang.py $<TARGET_FILE:enjeux>)
set_tests_properties(ui_dev_relang PROPERTIES TIMEOUT 600)

# Self-voicing on the profiles (fields, page of profiles) and the --dev
# error screen (its diagnostics), when the build has it
# (tests/ui/run_voice_a11y.py).
if(ENJEUX_HAVE_ESPEAK)
  add_test(NAME ui_voice_a11y
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_voice_a11y.py $<TARGET_FILE:enjeux> ${_lib}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(ui_voice_a11y PROPERTIES TIMEOUT 600)
endif()

# The benchmark (built, not run by CTest): tests/bench/bench_ui.
add_executable(bench_ui ${ENJEUX_TESTS_DIR}/bench/bench_ui.c)
target_compile_definitions(bench_ui PRIVATE ENJEUX_BINARY="$<TARGET_FILE:enjeux>"
  ENJEUX_UI_FIXTURE="${_lib}/atelier")
enjeux_set_warnings(bench_ui)
add_dependencies(bench_ui enjeux)

# Closing a screen gives the focus back to the widget that opened it
# (title, library, pause menu; tests/ui/run_focus_return.py).
add_test(NAME ui_focus_return
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_focus_return.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The passport's export message with the USB stick removed: a button opens
# the settings on the export folder, and the message follows the language
# changed there (tests/ui/run_passport_export.py).
add_test(NAME ui_passport_export
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_passport_export.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# A play earning the N1 and N2 badges: the debrief shows both, as the
# passport does (tests/ui/run_debrief_badges.py).
add_test(NAME ui_debrief_badges
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_debrief_badges.py $<TARGET_FILE:enjeux> ${_lib}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

# The --dev error screen at 800x600 and 1920x1080, 100 % and 200 % text:
# the bar leaves the room to the diagnostics, the first one in view
# (tests/ui/run_dev_layout.py).
add_test(NAME ui_dev_layout
  COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/ui/run_dev_layout.py $<TARGET_FILE:enjeux> ${_lib}/casse/scenario.json
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
