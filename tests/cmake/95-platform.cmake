# Other platforms, checked from this Linux machine: system-specific code
# stays in src/core/fsutil.c, the CMake presets parse
# (all of them, Windows and macOS ones included), and the code outside
# src/ui/ compiles for Windows with the MinGW-w64 cross compiler.
add_test(NAME platform_presets
  COMMAND ${CMAKE_COMMAND} --list-presets=all
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(platform_presets PROPERTIES TIMEOUT 60)

find_program(ENJEUX_MINGW_CC NAMES x86_64-w64-mingw32-gcc-posix x86_64-w64-mingw32-gcc)
find_path(ENJEUX_CJSON_INCLUDE cjson/cJSON.h)
if(ENJEUX_MINGW_CC AND ENJEUX_CJSON_INCLUDE)
  add_test(NAME platform_windows_compiles
    COMMAND bash ${PROJECT_SOURCE_DIR}/tests/platform/check-windows-compile.sh
            ${ENJEUX_MINGW_CC} ${PROJECT_SOURCE_DIR} ${ENJEUX_CJSON_INCLUDE})
  set_tests_properties(platform_windows_compiles PROPERTIES TIMEOUT 300)
else()
  message(STATUS "MinGW-w64 not found: the Windows compile check is not registered "
                 "(scripts/setup.sh installs gcc-mingw-w64-x86-64-posix)")
endif()

add_test(NAME platform_one_file
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/platform/check-one-platform-file.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(platform_one_file PROPERTIES TIMEOUT 60)

# The data folder is found by one search (src/core/datadir.c) for the window,
# `enjeux new` and `enjeux report`.
enjeux_add_c_test(platform_datadir ${ENJEUX_TESTS_DIR}/platform/test_datadir.c)
