# CPack: a .deb (dependencies computed from the binary by dpkg-shlibdeps) and
# a portable .tar.gz (configure with ENJEUX_PORTABLE=ON). The one command that
# builds both is packaging/build-packages.sh.
set(CPACK_PACKAGE_NAME enjeux)
set(CPACK_PACKAGE_VENDOR "Enjeux contributors")
set(CPACK_PACKAGE_CONTACT "Enjeux maintainers <maintainers@enjeux.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "serious game on responsible AI use at work")
# Debian wants extended-description lines under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION "Enjeux is a serious game for AI training courses: the player decides
how an AI tool is deployed in a workplace (a hospital, a recruiting
team, a city hall, a factory, a university) and sees the ethical and
practical consequences, scored against the course's competencies.
Workshop-ready scenarios in French and English, and tools for
trainers to write and check their own.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
if(NOT CPACK_PACKAGE_DIRECTORY)
  set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
endif()

if(ENJEUX_PORTABLE AND WIN32)
  # A .zip that runs where it is unpacked, and an installer when NSIS is there.
  find_program(ENJEUX_MAKENSIS makensis)
  set(CPACK_GENERATOR ZIP)
  if(ENJEUX_MAKENSIS)
    list(APPEND CPACK_GENERATOR NSIS)
  endif()
  set(CPACK_PACKAGE_FILE_NAME "enjeux-${PROJECT_VERSION}-windows-${CMAKE_SYSTEM_PROCESSOR}")
  set(CPACK_PACKAGE_INSTALL_DIRECTORY "Enjeux")
  set(CPACK_NSIS_DISPLAY_NAME "Enjeux")
  set(CPACK_NSIS_PACKAGE_NAME "Enjeux")
  set(CPACK_NSIS_MENU_LINKS "enjeux.exe" "Enjeux")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
elseif(ENJEUX_PORTABLE AND APPLE)
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_PACKAGE_FILE_NAME "enjeux-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
elseif(ENJEUX_PORTABLE)
  set(CPACK_GENERATOR TGZ)
  set(CPACK_PACKAGE_FILE_NAME "enjeux-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
  set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY ON)
  # bin/, lib/, share/ at the top of the archive (GNUInstallDirs would turn a
  # prefix of "/" into usr/…, so the portable build uses /opt/enjeux).
  set(CPACK_PACKAGING_INSTALL_PREFIX "")
else()
  set(CPACK_GENERATOR DEB)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION games)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://enjeux.invalid/")
endif()
include(CPack)
