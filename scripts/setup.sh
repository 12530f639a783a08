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
      python3-sklearn poppler-utils)
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

# --- Dear ImGui 1.92.x source from Debian sid (never committed) -------------------------------
deps="$root/build/_deps"
mkdir -p "$deps"
if [ ! -f "$deps/imgui/imgui.h" ]; then
  apt_dir="$deps/apt"
  mkdir -p "$apt_dir/parts" "$apt_dir/lists/partial"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: sid\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$apt_dir/parts/src.sources"
  # A private source list and lists directory: the machine's own package lists stay untouched.
  apt_opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$apt_dir/parts"
            -o Dir::State::Lists="$apt_dir/lists")
  apt-get "${apt_opts[@]}" update -q
  (cd "$deps" && apt-get "${apt_opts[@]}" source --download-only imgui)
  tarball=$(ls "$deps"/imgui_*.orig.tar.* | head -n 1)
  rm -rf "$deps/imgui.tmp" && mkdir -p "$deps/imgui.tmp"
  tar -xf "$tarball" -C "$deps/imgui.tmp"
  src=$(dirname "$(find "$deps/imgui.tmp" -maxdepth 2 -name imgui.h | head -n 1)")
  rm -rf "$deps/imgui" && mv "$src" "$deps/imgui" && rm -rf "$deps/imgui.tmp"
fi
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
if [ "$want_browser" = 1 ] && [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: done"
