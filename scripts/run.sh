#!/usr/bin/env bash
# Sets everything up, builds the page and serves it on 127.0.0.1.
# usage: scripts/run.sh [PORT]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8080}}
bash scripts/setup.sh --no-browser
bash scripts/build.sh wasm
echo
echo "OverdueLens is at http://127.0.0.1:$port/  (Ctrl+C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build/wasm/web
