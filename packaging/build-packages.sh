#!/usr/bin/env bash
# Builds the two Linux packages of Enjeux into build/packages/:
#   enjeux_<version>_<arch>.deb                 (installs to /usr; needs apt for its deps)
#   enjeux-<version>-linux-<arch>.tar.gz        (portable: runs extracted anywhere)
# Usage: packaging/build-packages.sh   (from anywhere; needs cmake, ninja, dpkg-dev)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/build/packages"
mkdir -p "$out"

# .deb: installed under /usr (the binary in /usr/games, as Debian policy
# wants for section games), libraries from the system, deps from shlibdeps.
cmake -S "$root" -B "$root/build/pkg-deb" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_BINDIR=games -DENJEUX_BUILD_TESTS=OFF \
  -DCPACK_PACKAGE_DIRECTORY="$out"
cmake --build "$root/build/pkg-deb"
(cd "$root/build/pkg-deb" && cpack -G DEB)

# Portable archive: relocatable tree with its libraries in lib/.
cmake -S "$root" -B "$root/build/pkg-portable" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX=/opt/enjeux -DENJEUX_PORTABLE=ON -DENJEUX_BUILD_TESTS=OFF \
  -DCPACK_PACKAGE_DIRECTORY="$out"
cmake --build "$root/build/pkg-portable"
(cd "$root/build/pkg-portable" && cpack -G TGZ)

ls -l "$out"/*.deb "$out"/*.tar.gz
