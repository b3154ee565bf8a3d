# Install layout (GNU directories) and the portable bundle.
#
#   bin/enjeux
#   share/enjeux/{assets,scenarios}            game data, found relative to the binary
#   share/applications/fr.enjeux.Enjeux.desktop
#   share/metainfo/fr.enjeux.Enjeux.metainfo.xml
#   share/icons/hicolor/{scalable,256x256}/apps/fr.enjeux.Enjeux.{svg,png}
#   share/man/man6/enjeux.6
#   share/doc/enjeux/                          licences (code, content, fonts), the trainer's guides
#
# With ENJEUX_PORTABLE=ON the binary gets an rpath of $ORIGIN/../lib and the
# shared libraries it needs are copied to lib/, except those that belong to
# the system (C library, display, audio and GPU stacks; see
# packaging/portable-exclude.txt), and a launcher `enjeux` sits at the top.
include(GNUInstallDirs)

option(ENJEUX_PORTABLE "Build a relocatable tree that bundles its libraries" OFF)

# The trainer's guides, which validate's hints and the scenario template
# point to (docs/authoring.md…), with the images they show.
set(ENJEUX_TRAINER_DOCS docs/authoring.md docs/authoring.en.md docs/format.md docs/analyze.md
    docs/competencies.md docs/workshop.md docs/report.md)

if(ENJEUX_PORTABLE AND (WIN32 OR APPLE))
  # Windows zip/installer and macOS .app: see cmake/PlatformBundles.cmake.
  include(${PROJECT_SOURCE_DIR}/cmake/PlatformBundles.cmake)
  return()
endif()

# Where the data is, relative to the binary: the game looks there first.
file(RELATIVE_PATH ENJEUX_REL_DATA_DIR
  "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}"
  "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/enjeux")
target_compile_definitions(enjeux PRIVATE ENJEUX_REL_DATA_DIR="${ENJEUX_REL_DATA_DIR}")

if(ENJEUX_PORTABLE)
  set_target_properties(enjeux PROPERTIES
    INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}"
    BUILD_WITH_INSTALL_RPATH OFF)
endif()

install(TARGETS enjeux RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/enjeux/assets
  PATTERN "icons" EXCLUDE)
install(DIRECTORY scenarios/ DESTINATION ${CMAKE_INSTALL_DATADIR}/enjeux/scenarios)

set(_pkg ${PROJECT_SOURCE_DIR}/packaging)
install(FILES ${_pkg}/fr.enjeux.Enjeux.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_pkg}/fr.enjeux.Enjeux.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES assets/icons/fr.enjeux.Enjeux.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES assets/icons/fr.enjeux.Enjeux-256.png
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME fr.enjeux.Enjeux.png)
# Man pages are installed compressed, as distributions expect.
find_program(ENJEUX_GZIP gzip)
if(ENJEUX_GZIP)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/enjeux.6.gz
    COMMAND ${ENJEUX_GZIP} -9nc ${_pkg}/enjeux.6 > ${PROJECT_BINARY_DIR}/enjeux.6.gz
    DEPENDS ${_pkg}/enjeux.6 VERBATIM)
  add_custom_target(enjeux_manpage ALL DEPENDS ${PROJECT_BINARY_DIR}/enjeux.6.gz)
  install(FILES ${PROJECT_BINARY_DIR}/enjeux.6.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
  # A native Debian package carries its changelog, compressed.
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/changelog.gz
    COMMAND ${ENJEUX_GZIP} -9nc ${_pkg}/changelog > ${PROJECT_BINARY_DIR}/changelog.gz
    DEPENDS ${_pkg}/changelog VERBATIM)
  add_custom_target(enjeux_changelog ALL DEPENDS ${PROJECT_BINARY_DIR}/changelog.gz)
  install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
else()
  install(FILES ${_pkg}/enjeux.6 DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
endif()
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${_pkg}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${ENJEUX_TRAINER_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/images/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/images)
install(DIRECTORY assets/fonts/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/fonts
  FILES_MATCHING PATTERN "LICENSE*" PATTERN "*.txt")
if(EXISTS ${PROJECT_SOURCE_DIR}/scenarios/LICENSE-content.md)
  install(FILES scenarios/LICENSE-content.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

if(ENJEUX_PORTABLE)
  install(PROGRAMS ${_pkg}/portable/enjeux-launcher.sh DESTINATION . RENAME enjeux)
  install(FILES ${_pkg}/portable/README.txt DESTINATION .)
  install(CODE "
    file(STRINGS \"${_pkg}/portable-exclude.txt\" _exclude ENCODING UTF-8 REGEX \"^[^#]\")
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES \"$<TARGET_FILE:enjeux>\"
      RESOLVED_DEPENDENCIES_VAR _deps
      UNRESOLVED_DEPENDENCIES_VAR _missing
      PRE_EXCLUDE_REGEXES \${_exclude}
      POST_EXCLUDE_REGEXES \${_exclude})
    if(_missing)
      message(FATAL_ERROR \"Unresolved libraries: \${_missing}\")
    endif()
    foreach(_d IN LISTS _deps)
      file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}\"
        TYPE SHARED_LIBRARY FOLLOW_SYMLINK_CHAIN FILES \"\${_d}\")
    endforeach()
  ")
endif()
