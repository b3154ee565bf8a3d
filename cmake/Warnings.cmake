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
