# Portable builds for Windows (MSYS2) and macOS (Homebrew), included by
# Install.cmake when ENJEUX_PORTABLE is ON on those systems. Not run by CI:
# this machine builds Linux only (see docs/building.md, "Windows" and
# "macOS", and .github/workflows/other-platforms.yml, labelled not yet run).
#
# Windows — a folder that runs where it is unpacked:
#   enjeux.exe and every DLL it needs from the MSYS2 prefix, side by side
#   (Windows looks for DLLs beside the program first)
#   share/enjeux/{assets,scenarios}   found through ENJEUX_REL_DATA_DIR
#   doc/                              licences
#   CPack makes a .zip, and an NSIS installer when makensis is installed.
#
# macOS — Enjeux.app:
#   Contents/MacOS/enjeux
#   Contents/Resources/{assets,scenarios}   SDL_GetBasePath() returns
#                                           Contents/Resources/ in a bundle
#   Contents/Frameworks/*.dylib             copied and re-linked by
#                                           BundleUtilities' fixup_bundle
#   CPack makes a .dmg (DragNDrop).

set(_pkg ${PROJECT_SOURCE_DIR}/packaging)

if(WIN32)
  install(TARGETS enjeux RUNTIME DESTINATION .)
  install(DIRECTORY assets/ DESTINATION share/enjeux/assets PATTERN "icons" EXCLUDE)
  install(DIRECTORY scenarios/ DESTINATION share/enjeux/scenarios)
  install(FILES LICENSE ${_pkg}/copyright DESTINATION doc)
  install(DIRECTORY assets/fonts/ DESTINATION doc/fonts
    FILES_MATCHING PATTERN "LICENSE*" PATTERN "*.txt")
  install(FILES scenarios/LICENSE-content.md DESTINATION doc OPTIONAL)
  install(FILES ${ENJEUX_TRAINER_DOCS} DESTINATION doc)
  install(DIRECTORY docs/images/ DESTINATION doc/images)
  # The DLLs come from the compiler's prefix (e.g. C:/msys64/ucrt64/bin);
  # Windows' own DLLs stay out.
  get_filename_component(_dll_dir "${CMAKE_C_COMPILER}" DIRECTORY)
  install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES \"$<TARGET_FILE:enjeux>\"
      DIRECTORIES \"${_dll_dir}\"
      RESOLVED_DEPENDENCIES_VAR _deps
      UNRESOLVED_DEPENDENCIES_VAR _missing
      PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
      POST_EXCLUDE_REGEXES \".*[Ss][Yy][Ss][Tt][Ee][Mm]32.*\")
    if(_missing)
      message(FATAL_ERROR \"Unresolved DLLs: \${_missing}\")
    endif()
    foreach(_d IN LISTS _deps)
      file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}\" TYPE SHARED_LIBRARY FILES \"\${_d}\")
    endforeach()
  ")
  target_compile_definitions(enjeux PRIVATE ENJEUX_REL_DATA_DIR="share/enjeux")
elseif(APPLE)
  set_target_properties(enjeux PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME enjeux
    MACOSX_BUNDLE_BUNDLE_NAME "Enjeux"
    MACOSX_BUNDLE_GUI_IDENTIFIER "fr.enjeux.Enjeux"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}")
  install(TARGETS enjeux BUNDLE DESTINATION .)
  set(_res Enjeux.app/Contents/Resources)
  install(DIRECTORY assets/ DESTINATION ${_res}/assets PATTERN "icons" EXCLUDE)
  install(DIRECTORY scenarios/ DESTINATION ${_res}/scenarios)
  install(FILES LICENSE ${_pkg}/copyright DESTINATION ${_res}/doc)
  install(DIRECTORY assets/fonts/ DESTINATION ${_res}/doc/fonts
    FILES_MATCHING PATTERN "LICENSE*" PATTERN "*.txt")
  install(FILES ${ENJEUX_TRAINER_DOCS} DESTINATION ${_res}/doc)
  install(DIRECTORY docs/images/ DESTINATION ${_res}/doc/images)
  # The target's bundle is named after OUTPUT_NAME: rename it once installed.
  install(CODE "
    if(EXISTS \"\${CMAKE_INSTALL_PREFIX}/enjeux.app\" AND NOT EXISTS \"\${CMAKE_INSTALL_PREFIX}/Enjeux.app/Contents/MacOS\")
      file(COPY \"\${CMAKE_INSTALL_PREFIX}/enjeux.app/Contents/\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/Enjeux.app/Contents\")
      file(REMOVE_RECURSE \"\${CMAKE_INSTALL_PREFIX}/enjeux.app\")
    endif()
    include(BundleUtilities)
    fixup_bundle(\"\${CMAKE_INSTALL_PREFIX}/Enjeux.app\" \"\" \"\")
  ")
  target_compile_definitions(enjeux PRIVATE ENJEUX_REL_DATA_DIR="../Resources")
endif()
