#!/usr/bin/env bash
# check-packages.sh — builds the .deb and the portable archive
# (packaging/build-packages.sh) and checks them as a player's machine would:
#   1. the desktop entry and the AppStream file of the installed tree validate;
#   2. lintian finds no error in the .deb;
#   3. the .deb installs with apt, `enjeux --version` and a headless play of a
#      bundled scenario run from the installed binary, and it uninstalls
#      leaving no file behind;
#   4. the portable archive is under 30 MB, and extracted into an empty
#      folder it runs with a clean environment (env -i, no LD_LIBRARY_PATH):
#      a headless play and the screenshot tour, its bundled libraries
#      resolving inside the archive.
# Needs root (dpkg); installs lintian, appstream and the other tools it uses
# through scripts/setup.sh --with packaging. Exit 0 when every check passes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build/packages
export DEBIAN_FRONTEND=noninteractive

"$root/scripts/setup.sh" --with packaging --install-only

rm -f "$out"/*.deb "$out"/*.tar.gz
"$root/packaging/build-packages.sh" >/dev/null
deb=$(ls "$out"/enjeux_*.deb)
tgz=$(ls "$out"/enjeux-*-linux-*.tar.gz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-packages: FAIL: $*" >&2; exit 1; }

echo "==> installed tree: desktop entry and AppStream metadata"
dpkg-deb -x "$deb" "$work/tree"
desktop-file-validate "$work/tree/usr/share/applications/fr.enjeux.Enjeux.desktop"
appstreamcli validate --no-net --pedantic "$work/tree/usr/share/metainfo/fr.enjeux.Enjeux.metainfo.xml"
for f in usr/games/enjeux usr/share/doc/enjeux/changelog.gz usr/share/enjeux/assets/theme.json usr/share/enjeux/scenarios/competencies.json \
         usr/share/enjeux/assets/theme-contrast.json usr/share/enjeux/assets/fonts/OpenDyslexic-Regular.otf \
         usr/share/enjeux/assets/fonts/OpenDyslexic-Bold.otf usr/share/doc/enjeux/fonts/LICENSE-OpenDyslexic.txt \
         usr/share/icons/hicolor/scalable/apps/fr.enjeux.Enjeux.svg \
         usr/share/icons/hicolor/256x256/apps/fr.enjeux.Enjeux.png usr/share/man/man6/enjeux.6.gz \
         usr/share/doc/enjeux/copyright; do
  [ -e "$work/tree/$f" ] || fail "the .deb lacks /$f"
done

echo "==> lintian"
lintian --fail-on error --suppress-tags-from-file "$root/packaging/lintian-overrides.txt" "$deb"

echo "==> install, run, uninstall the .deb"
dpkg -r enjeux >/dev/null 2>&1 || true
apt-get install -y -qq "$deb" >/dev/null
export PATH="$PATH:/usr/games"
[ "$(command -v enjeux)" = /usr/games/enjeux ] || fail "enjeux is not in /usr/games after install"
enjeux --version
enjeux play --headless /usr/share/enjeux/scenarios/urgences-triage --random 20 >/dev/null
enjeux validate /usr/share/enjeux/scenarios >/dev/null
(cd "$work" && HOME="$work/home" SDL_VIDEODRIVER=dummy enjeux --screenshots "$work/shots-deb" \
   --sizes 800x600 >/dev/null)
ls "$work/shots-deb"/*.png >/dev/null || fail "no screenshot from the installed game"
apt-get remove -y -qq --purge enjeux >/dev/null
left=$(dpkg -L enjeux 2>/dev/null || true)
[ -z "$left" ] && [ ! -e /usr/games/enjeux ] && [ ! -e /usr/share/enjeux ] || fail "files left after uninstall"

echo "==> portable archive"
size=$(stat -c %s "$tgz")
echo "$(basename "$tgz"): $((size / 1024)) KiB"
[ "$size" -lt $((30 * 1024 * 1024)) ] || fail "the portable archive is over 30 MB"
mkdir "$work/portable"
tar -xzf "$tgz" -C "$work/portable"
top=$(ls -d "$work"/portable/enjeux-*)
ldd "$top/bin/enjeux" | grep -E "libSDL2|libcjson" | grep -vF "$top/" && fail "a game library resolves outside the archive"
clean=(env -i HOME="$work/home-portable" SDL_VIDEODRIVER=dummy PATH=/usr/bin:/bin)
(cd / && "${clean[@]}" "$top/enjeux" --version)
(cd / && "${clean[@]}" "$top/enjeux" play --headless "$top/share/enjeux/scenarios/recrutement-cv" --random 20 >/dev/null)
(cd / && "${clean[@]}" "$top/enjeux" --screenshots "$work/shots-portable" --sizes 800x600 >/dev/null)
n=$(ls "$work/shots-portable"/*.png | wc -l)
[ "$n" -gt 0 ] || fail "no screenshot from the portable archive"
echo "check-packages: all checks passed ($n screenshots from the portable build)"
