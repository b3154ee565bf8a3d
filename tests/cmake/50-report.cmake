# The class report and the debrief mode (issue 8): the core on the results
# of two workshop computers (tests/fixtures/report/, regenerated on purpose
# by tests/report/make_fixtures.py), `enjeux report` end to end with the
# HTML rendered by Chromium headless and checked not blank, and the
# benchmark of 10,000 plays (built, not registered: tests/bench/README.md).
enjeux_add_c_test(report_core ${ENJEUX_TESTS_DIR}/report/test_report.c)

if(ENJEUX_BUILD_GAME)
  # Reads Chromium's screenshot with SDL2_image.
  add_executable(png_stats ${ENJEUX_TESTS_DIR}/report/png_stats.c)
  target_link_libraries(png_stats PRIVATE SDL2::SDL2 SDL2_image::SDL2_image)
  enjeux_set_warnings(png_stats)
  add_test(NAME report_e2e
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/report/report_e2e.py $<TARGET_FILE:enjeux>
            $<TARGET_FILE:png_stats>
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(report_e2e PROPERTIES TIMEOUT 180)
endif()

add_executable(bench_report ${ENJEUX_TESTS_DIR}/bench/bench_report.c)
target_link_libraries(bench_report PRIVATE enjeux_core)
enjeux_set_warnings(bench_report)
