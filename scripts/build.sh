#!/usr/bin/env bash
# Builds the native core, CLI and unit tests (build/native) and/or the wasm page and wasm CLI
# (build/wasm; the page ends up in build/wasm/web).
# build/asan is the native unit tests under AddressSanitizer + UndefinedBehaviorSanitizer.
# usage: scripts/build.sh [native|wasm|asan|all]   (default all = native + wasm; run scripts/setup.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${OL_JOBS:-$(nproc)}
gen=(); command -v ninja >/dev/null && gen=(-G Ninja)

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S . -B build/native "${gen[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j "$jobs"
fi
if [ "$what" = asan ]; then
  cmake -S . -B build/asan "${gen[@]}" -DCMAKE_BUILD_TYPE=Debug -DOL_SANITIZE=address,undefined >/dev/null
  cmake --build build/asan -j "$jobs" --target overdue_tests
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  # Debian's emscripten runs node tools that need acorn from /usr/share/nodejs.
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S . -B build/wasm "${gen[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j "$jobs"
  # The single offline file (issue #8): the page with wasm, fonts and demo embedded.
  python3 scripts/build_single.py build/wasm/web build/single/overdue-lens.html
fi
