# Finds the four libraries of the design card through the CMake config files
# that distributions ship. A missing one stops configuration with the package
# names to install.
function(enjeux_require pkg target hint)
  find_package(${pkg} CONFIG QUIET)
  if(NOT ${pkg}_FOUND AND NOT TARGET ${target})
    message(FATAL_ERROR
      "Enjeux needs ${pkg}, which CMake could not find.\n"
      "Install it, then configure again:\n${hint}\n"
      "(README.md lists the packages for every platform.)")
  endif()
endfunction()

enjeux_require(cJSON cjson
  "  Debian/Ubuntu: apt-get install libcjson-dev\n  Fedora: dnf install cjson-devel\n  Arch: pacman -S cjson\n  macOS: brew install cjson\n  MSYS2: pacman -S mingw-w64-ucrt-x86_64-cjson")
if(ENJEUX_BUILD_GAME)
  enjeux_require(SDL2 SDL2::SDL2
    "  Debian/Ubuntu: apt-get install libsdl2-dev\n  Fedora: dnf install SDL2-devel\n  Arch: pacman -S sdl2\n  macOS: brew install sdl2\n  MSYS2: pacman -S mingw-w64-ucrt-x86_64-SDL2")
  enjeux_require(SDL2_ttf SDL2_ttf::SDL2_ttf
    "  Debian/Ubuntu: apt-get install libsdl2-ttf-dev\n  Fedora: dnf install SDL2_ttf-devel\n  Arch: pacman -S sdl2_ttf\n  macOS: brew install sdl2_ttf\n  MSYS2: pacman -S mingw-w64-ucrt-x86_64-SDL2_ttf")
  enjeux_require(SDL2_image SDL2_image::SDL2_image
    "  Debian/Ubuntu: apt-get install libsdl2-image-dev\n  Fedora: dnf install SDL2_image-devel\n  Arch: pacman -S sdl2_image\n  macOS: brew install sdl2_image\n  MSYS2: pacman -S mingw-w64-ucrt-x86_64-SDL2_image")
  # Debian's SDL2 config names the target SDL2::SDL2; older ones only set vars.
  if(NOT TARGET SDL2::SDL2)
    message(FATAL_ERROR "SDL2 was found but exports no SDL2::SDL2 target; SDL2 >= 2.0.12 is needed.")
  endif()
endif()

# Self-voicing (issue 5) through espeak-ng, optional: found with pkg-config
# (Debian: libespeak-ng-dev). ENJEUX_WITH_ESPEAK=AUTO uses it when present,
# ON requires it, OFF builds without (the settings screen then says that
# voice reading is not part of this build).
set(ENJEUX_WITH_ESPEAK AUTO CACHE STRING "Self-voicing through espeak-ng: AUTO, ON or OFF")
set_property(CACHE ENJEUX_WITH_ESPEAK PROPERTY STRINGS AUTO ON OFF)
set(ENJEUX_HAVE_ESPEAK OFF)
if(ENJEUX_BUILD_GAME AND NOT ENJEUX_WITH_ESPEAK STREQUAL "OFF")
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(ESPEAK_NG QUIET IMPORTED_TARGET espeak-ng)
  endif()
  if(ESPEAK_NG_FOUND)
    set(ENJEUX_HAVE_ESPEAK ON)
  elseif(ENJEUX_WITH_ESPEAK STREQUAL "ON")
    message(FATAL_ERROR "ENJEUX_WITH_ESPEAK=ON but espeak-ng was not found with pkg-config.\n"
      "  Debian/Ubuntu: apt-get install libespeak-ng-dev pkg-config\n"
      "or configure with -DENJEUX_WITH_ESPEAK=OFF.")
  endif()
endif()
message(STATUS "Self-voicing (espeak-ng): ${ENJEUX_HAVE_ESPEAK}")
