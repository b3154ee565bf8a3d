#!/bin/sh
# Enjeux portable launcher: runs the bundled binary from wherever this folder
# was extracted. The binary finds its libraries (rpath $ORIGIN/../lib) and its
# data (../share/enjeux) by itself; this script only resolves its own folder.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
exec "$here/bin/enjeux" "$@"
