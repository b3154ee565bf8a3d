#!/usr/bin/env bash
# Compiles the core, the CLI and main.c for Windows with the MinGW-w64 cross
# compiler (syntax and types only: no SDL for Windows here), warnings as
# errors, so the Win32 branches of the platform file (src/core/fsutil.c) and
# everything else outside src/ui/ keep compiling for Windows players.
# Usage: check-windows-compile.sh COMPILER SOURCE_DIR CJSON_INCLUDE_DIR
set -euo pipefail
cc=$1 src=$2 cjson_inc=$3
inc=$(mktemp -d)
trap 'rm -rf "$inc"' EXIT
# Only cJSON's header from the host: glibc's headers must not be seen.
ln -s "$cjson_inc/cjson" "$inc/cjson"
status=0
n=0
for f in "$src"/src/core/*.c "$src"/src/cli/*.c "$src"/src/main.c; do
  if ! "$cc" -std=c17 -D_POSIX_C_SOURCE=200809L -DENJEUX_VERSION='"check"' \
       -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$src/src" -I"$inc" "$f"; then
    echo "FAIL: $f does not compile for Windows" >&2
    status=1
  fi
  n=$((n + 1))
done
echo "$n files checked for Windows with $cc"
exit $status
