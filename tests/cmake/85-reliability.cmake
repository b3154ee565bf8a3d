# Crash and disk safety (issue 10): the player's files under SIGKILL, a full
# disk and a read-only data folder, and paths that must not leave the data
# folders. See docs/reliability.md.

# settings.json, progress.json and profiles.json: their real writers killed
# at random moments, 200 times each (tests/reliability/test_store_kill.c).
if(UNIX)
  enjeux_add_c_test(reliability_store_sigkill ${ENJEUX_TESTS_DIR}/reliability/test_store_kill.c)
  set_tests_properties(reliability_store_sigkill PROPERTIES TIMEOUT 300)
endif()

# A full disk and a read-only data folder, simulated for one folder by an
# LD_PRELOAD library built only for tests (tests/reliability/faultfs.c),
# never instrumented by the sanitizers; and, where a user namespace can
# mount one, a real 64 KiB tmpfs (skipped, code 77, where it cannot).
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  add_library(faultfs MODULE ${ENJEUX_TESTS_DIR}/reliability/faultfs.c)
  target_link_libraries(faultfs PRIVATE ${CMAKE_DL_LIBS})
  target_compile_options(faultfs PRIVATE -fno-sanitize=all)
  target_link_options(faultfs PRIVATE -fno-sanitize=all)
  enjeux_set_warnings(faultfs)
endif()
if(CMAKE_SYSTEM_NAME STREQUAL "Linux" AND ENJEUX_BUILD_GAME)
  add_test(NAME reliability_disk_faults
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/reliability/disk_test.py $<TARGET_FILE:enjeux>
            $<TARGET_FILE:faultfs> ${ENJEUX_TESTS_DIR}/fixtures/ui/library
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME reliability_disk_tmpfs
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/reliability/disk_test.py $<TARGET_FILE:enjeux>
            $<TARGET_FILE:faultfs> ${ENJEUX_TESTS_DIR}/fixtures/ui/library --tmpfs
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(reliability_disk_faults reliability_disk_tmpfs PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77)
endif()

# Paths: damaged profile ids, symbolic links planted in the user folder
# (folders and files), a U/profiles link: nothing outside is written, read
# for export or removed, with a message (tests/reliability/paths_test.py).
if(UNIX AND ENJEUX_BUILD_GAME)
  add_test(NAME reliability_paths
    COMMAND ${ENJEUX_PYTHON3} ${ENJEUX_TESTS_DIR}/reliability/paths_test.py $<TARGET_FILE:enjeux>
            ${ENJEUX_TESTS_DIR}/fixtures/ui/library
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(reliability_paths PROPERTIES TIMEOUT 300)
endif()
