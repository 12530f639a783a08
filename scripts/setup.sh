#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian 12 machine, and fetches the
# build-time dependency sources (Dear ImGui 1.92.x from Debian sid's source package) into
# build/_deps. Idempotent: a second run skips what is already there.
# usage: scripts/setup.sh [--no-browser]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Debian packages -------------------------------------------------------------------------
# clang + libclang-rt-14-dev (libFuzzer and the sanitizer runtimes, for scripts/fuzz.sh; clang
# only recommends the latter, and packages are installed without recommends).
pkgs=(cmake g++ clang libclang-rt-14-dev make ninja-build python3 xz-utils ca-certificates
      emscripten nlohmann-json3-dev libfast-float-dev doctest-dev libeigen3-dev
      fonts-dejavu-core fonts-droid-fallback python3-fonttools debian-archive-keyring python3-pandas
      python3-sklearn poppler-utils dpkg-dev
      python3-xlsxwriter python3-openpyxl)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
[ "$want_browser" = 1 ] && pkgs+=(chromium)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_if_needed apt-get update -q
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- Dependency sources from Debian's source packages (never committed) ---------------------
# A private source list and lists directory per suite: the machine's own package lists stay
# untouched. dpkg-source applies Debian's patches (expat's security fixes among them).
deps="$root/build/_deps"
mkdir -p "$deps"
fetch_source() {  # suite package dir-in-_deps file-that-proves-it-is-there
  local suite=$1 package=$2 dest=$3 proof=$4
  [ -f "$deps/$dest/$proof" ] && return 0
  local apt_dir="$deps/apt-$suite"
  mkdir -p "$apt_dir/parts" "$apt_dir/lists/partial"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$suite" > "$apt_dir/parts/src.sources"
  local apt_opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$apt_dir/parts"
                  -o Dir::State::Lists="$apt_dir/lists")
  [ -n "$(ls "$apt_dir/lists" 2>/dev/null | grep -v partial)" ] || apt-get "${apt_opts[@]}" update -q
  (cd "$deps" && rm -f "${package}"_*.dsc && apt-get "${apt_opts[@]}" source --download-only "$package")
  local dsc; dsc=$(ls "$deps/${package}"_*.dsc | head -n 1)
  rm -rf "$deps/$package.tmp"
  dpkg-source --no-check -x "$dsc" "$deps/$package.tmp" >/dev/null
  local found; found=$(find "$deps/$package.tmp" -maxdepth 4 -path "*/$proof" | head -n 1)
  local src=${found%/"$proof"}
  rm -rf "$deps/$dest" && mv "$src" "$deps/$dest" && rm -rf "$deps/$package.tmp"
}
fetch_source sid imgui imgui imgui.h
# Workbooks (issue #18): zlib inflates the zip entries, expat parses the sheet XML as a stream.
# Debian 12's versions, built from the same source for native and wasm (CMakeLists.txt).
fetch_source bookworm zlib zlib inflate.c
fetch_source bookworm expat expat lib/xmlparse.c
version=$(grep -m1 '#define IMGUI_VERSION ' "$deps/imgui/imgui.h" | sed 's/.*"\(.*\)".*/\1/')
case "$version" in
  1.92*) echo "setup: Dear ImGui $version" ;;
  *) echo "setup: expected Dear ImGui 1.92.x from Debian sid, got '$version'" >&2; exit 1 ;;
esac

# --- Header-only libraries in a build-local include folder ------------------------------------
# em++ must never see -I/usr/include (glibc headers would shadow Emscripten's libc).
inc="$deps/include"
mkdir -p "$inc"
for d in nlohmann fast_float doctest; do
  [ -e "$inc/$d" ] || ln -s "/usr/include/$d" "$inc/$d"
done
[ -e "$inc/Eigen" ] || ln -s /usr/include/eigen3/Eigen "$inc/Eigen"

# --- npm packages for the browser tests ------------------------------------------------------
# (Again when a package was added since: an older node_modules lacks SheetJS, issue #18.)
if [ "$want_browser" = 1 ] && { [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/xlsx ] || [ ! -d tests/browser/node_modules/axe-core ]; }; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: done"
