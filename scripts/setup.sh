#!/usr/bin/env bash
# setup.sh — installs what Enjeux needs that is missing (Debian/Ubuntu), then
# configures and builds it with CMake and Ninja. play.sh and test.sh run it
# first; you can also run it alone.
#
#   scripts/setup.sh [--build-dir DIR] [--with GROUP…] [--install-only] [-DOPTION=VALUE …]
#
# --build-dir DIR   build folder, relative to the repository (default: build)
# --with GROUP      also install an optional group of packages: fuzz (the
#                   libFuzzer targets, tests/fuzz/run.sh), valgrind (the suite
#                   under memcheck, tests/valgrind/run.sh) or packaging (the
#                   package checks, packaging/check-packages.sh); repeatable
# --install-only    install the packages, do not configure or build
# -D…               extra CMake options, e.g. -DENJEUX_WERROR=ON
#
# Idempotent: installs only the packages that are missing (apt-get update only
# when apt has no list or does not know a package), reuses an existing build
# folder, rebuilds only what changed. As root it calls apt-get directly; as a
# user it uses sudo. On a system without apt-get it installs nothing: it says
# so and builds with what is there (README.md lists the packages elsewhere).
# Set ENJEUX_NO_INSTALL=1 to skip the package step on Debian too.
set -euo pipefail

# The one list of Debian/Ubuntu packages the project needs, and what for.
# README.md and docs/building.md point here.
PACKAGES=(
  build-essential     # C compiler, libc headers, make
  cmake               # the build system (3.20 or newer)
  ninja-build         # the build tool CMake drives
  pkg-config          # library lookups used by the SDL2 CMake files
  libsdl2-dev         # window, input, rendering
  libsdl2-ttf-dev     # text rendering (fonts are bundled in assets/fonts/)
  libsdl2-image-dev   # PNG/JPEG/SVG illustrations
  libcjson-dev        # JSON parser of the core (scenarios, saves)
  libespeak-ng-dev    # self-voicing (optional at build time: -DENJEUX_WITH_ESPEAK=OFF)
  python3             # runs the JSON Schema tests
  python3-jsonschema  # JSON Schema validator (draft 2020-12) for those tests
  xvfb                # virtual X display: the UI benchmark (tests/bench/bench_ui)
                      # and the game on a machine without a screen (xvfb-run -a)
  xauth               # needed by xvfb-run
  groff-base          # checks the manual page (packaging/enjeux.6) in the tests
  desktop-file-utils  # checks the desktop entry (packaging/*.desktop) in the tests
  graphviz            # `enjeux graph -o x.svg` runs its `dot`; the graph tests check the DOT with it
  nodejs              # runs the npm test tools (tests/xapi: Learning Locker's
  npm                 # xAPI validator), installed from their package-lock.json
  gettext             # msgfmt --check on the interface catalogues (assets/i18n/*.po) in the tests
  gcc-mingw-w64-x86-64-posix # checks that the code outside src/ui/ compiles for Windows
  chromium            # opens the class report (enjeux report) headless in the tests
)
# Optional groups (--with GROUP), used by .ci/run.
PACKAGES_FUZZ=(
  clang               # compiles the libFuzzer targets with coverage instrumentation
  libclang-rt-14-dev  # libFuzzer and the sanitizer runtimes for clang
)
PACKAGES_VALGRIND=(
  valgrind            # memcheck: the test suite's memory errors and leaks
)
PACKAGES_PACKAGING=(
  dpkg-dev            # dpkg-shlibdeps: the .deb's dependencies, computed by CPack
  file                # used by dpkg-shlibdeps
  lintian             # checks the .deb against Debian policy
  appstream           # appstreamcli validates the AppStream metadata
  desktop-file-utils  # desktop-file-validate on the installed desktop entry
  gzip                # compresses the man page and changelog
)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=build
CMAKE_ARGS=()
INSTALL_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --with) [ $# -ge 2 ] || { echo "setup.sh: --with needs a group (fuzz, valgrind, packaging)" >&2; exit 2; }
            case "$2" in
              fuzz) PACKAGES+=("${PACKAGES_FUZZ[@]}") ;;
              valgrind) PACKAGES+=("${PACKAGES_VALGRIND[@]}") ;;
              packaging) PACKAGES+=("${PACKAGES_PACKAGING[@]}") ;;
              *) echo "setup.sh: unknown group '$2' (fuzz, valgrind, packaging)" >&2; exit 2 ;;
            esac
            shift 2 ;;
    --install-only) INSTALL_ONLY=1; shift ;;
    --build-dir) [ $# -ge 2 ] || { echo "setup.sh: --build-dir needs a folder" >&2; exit 2; }
                 BUILD_DIR=$2; shift 2 ;;
    --build-dir=*) BUILD_DIR=${1#--build-dir=}; shift ;;
    -D*) CMAKE_ARGS+=("$1"); shift ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument '$1' (expected --build-dir DIR or -DOPTION=VALUE)" >&2; exit 2 ;;
  esac
done
case "$BUILD_DIR" in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac

say() { printf '==> %s\n' "$*"; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup.sh: installing packages needs root; run as root or install sudo." >&2
    echo "  Missing: ${MISSING[*]}" >&2
    exit 1
  fi
}

is_installed() {
  case "$1" in
    # Node.js from elsewhere (NodeSource's nodejs bundles npm and conflicts
    # with Debian's npm package): a working node and npm are enough.
    nodejs) command -v node >/dev/null 2>&1 && return 0 ;;
    npm) command -v npm >/dev/null 2>&1 && return 0 ;;
  esac
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# apt needs an update when it has no package list at all, or when one of the
# packages has no installation candidate in the lists it has.
apt_needs_update() {
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then return 0; fi
  local p policy
  for p in "$@"; do
    policy=$(apt-cache policy "$p" 2>/dev/null || true)
    case "$policy" in *"Candidate: (none)"*|"") return 0 ;; esac
  done
  return 1
}

install_packages() {
  if [ "${ENJEUX_NO_INSTALL:-0}" = 1 ]; then
    say "ENJEUX_NO_INSTALL=1: not installing packages"
    return
  fi
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    say "No apt-get here: install the packages listed in README.md yourself; building with what is there"
    return
  fi
  MISSING=()
  local p
  for p in "${PACKAGES[@]}"; do
    is_installed "$p" || MISSING+=("$p")
  done
  if [ ${#MISSING[@]} -eq 0 ]; then
    say "All needed Debian packages are installed"
    return
  fi
  say "Installing missing packages: ${MISSING[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt_needs_update "${MISSING[@]}"; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  fi
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING[@]}"; then
    # Stale lists (a package moved to a new version): refresh once and retry.
    say "apt-get install failed; refreshing the package lists and retrying"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${MISSING[@]}"
  fi
}

configure_and_build() {
  local gen=()
  # Keep the generator of an existing build folder (CMake refuses a change).
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    if command -v ninja >/dev/null 2>&1; then gen=(-G Ninja); fi
  fi
  say "Configuring in ${BUILD_DIR#"$ROOT"/}"
  cmake -S "$ROOT" -B "$BUILD_DIR" ${gen[@]+"${gen[@]}"} ${CMAKE_ARGS[@]+"${CMAKE_ARGS[@]}"}
  say "Building"
  cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)"
}

# npm test tools, from the committed package-lock.json (npm ci), into
# tests/xapi/node_modules; the test that needs them also runs npm ci when
# they are missing.
install_npm_tools() {
  local dir=$ROOT/tests/xapi
  [ -f "$dir/node_modules/xapi-validation/package.json" ] && return
  if ! command -v npm >/dev/null 2>&1; then
    say "npm not found: the xAPI validation test will fail (install nodejs and npm)"
    return
  fi
  say "Installing the npm test tools (tests/xapi)"
  (cd "$dir" && npm ci --no-audit --no-fund)
}

install_packages
install_npm_tools
[ "$INSTALL_ONLY" = 1 ] || configure_and_build
