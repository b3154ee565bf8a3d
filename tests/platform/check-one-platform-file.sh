#!/usr/bin/env bash
# Everything that differs between POSIX and Windows lives in one file,
# src/core/fsutil.c (docs/building.md, "The platform file"). This check
# fails, naming file and line, when any other file under src/ includes a
# system-specific header or calls a POSIX-only or Win32-only function.
# Usage: check-one-platform-file.sh SOURCE_DIR
set -euo pipefail
src=$1/src
headers='dirent|unistd|fcntl|spawn|windows|io|direct|process|psapi|sys/[a-z_]+'
calls='opendir|readdir|realpath|readlink|posix_spawn[a-z]*|waitpid|fork|mkstemp|getrusage|clock_gettime|_mkdir|mkdir|rmdir|lstat|unlink|fsync|GetModuleFileName[AW]?|FindFirstFile[AW]?'
hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*<($headers)\.h>|\b($calls)[[:space:]]*\(|/dev/urandom|/proc/self" \
         "$src" --include='*.c' --include='*.h' | grep -v "^$src/core/fsutil\.[ch]:" || true)
if [ -n "$hits" ]; then
  echo "System-specific code outside src/core/fsutil.c; move it behind a function of fsutil.h:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "only src/core/fsutil.c holds system-specific code"
