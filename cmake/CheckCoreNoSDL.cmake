# The core must stay headless: no SDL header under src/core/. Checked at
# configure time (fails the configure) and again by the test `core_no_sdl`.
file(GLOB_RECURSE _core_files ${PROJECT_SOURCE_DIR}/src/core/*.c ${PROJECT_SOURCE_DIR}/src/core/*.h)
foreach(_f IN LISTS _core_files)
  file(STRINGS ${_f} _hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]SDL")
  if(_hits)
    message(FATAL_ERROR "${_f} includes SDL (${_hits}); src/core/ must stay free of SDL. Move that code to src/ui/.")
  endif()
endforeach()
