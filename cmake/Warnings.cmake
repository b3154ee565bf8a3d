# Strict warnings for every target of the project; -Werror in CI.
# Sanitizers (ASan + UBSan) when ENJEUX_SANITIZE is on.
function(enjeux_set_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
      -Wformat=2 -Wundef -Wcast-align -Wwrite-strings -Wvla -Wnull-dereference)
    if(ENJEUX_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

if(ENJEUX_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# libFuzzer build (clang only): every target instrumented for coverage with
# ASan + UBSan; the fuzz targets in tests/fuzz/ then link libFuzzer's main.
# tests/fuzz/run.sh configures such a build in build-fuzz/.
option(ENJEUX_FUZZ "Build the libFuzzer targets (clang)" OFF)
if(ENJEUX_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ENJEUX_FUZZ needs clang: configure with -DCMAKE_C_COMPILER=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
