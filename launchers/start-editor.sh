#!/usr/bin/env bash
# Starts the tour editor and opens it in the browser: double-click (or run) this file.
# Checks Node.js (20 or newer), installs the dependencies on the first run, then runs
# `npm run author`. TOUR_REPO: the repository (default: the folder above this one);
# TOUR_EDITOR_PORT: the port (default 5173); TOUR_BROWSER: the program that opens the page.
set -u
repo="${TOUR_REPO:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$repo" || exit 1
port="${TOUR_EDITOR_PORT:-5173}"
url="http://127.0.0.1:${port}/editor/"

stop() {
  # A double-clicked terminal closes at once: leave the message on screen.
  if [ -t 0 ]; then read -r -p "Nhấn Enter để đóng / Press Enter to close " _; fi
  exit "$1"
}

need_node() {
  echo "Cần Node.js phiên bản 20 trở lên$1. Tải bản LTS tại https://nodejs.org/vi/download"
  echo "  (Ubuntu/Debian: sudo apt install nodejs npm — hoặc dùng https://github.com/nvm-sh/nvm)."
  echo "Node.js 20 or newer is needed$2. Get the LTS version from https://nodejs.org/en/download"
  stop 1
}

command -v node >/dev/null 2>&1 || need_node "" ""
major="$(node -p 'parseInt(process.versions.node)' 2>/dev/null || echo 0)"
if [ "${major:-0}" -lt 20 ] 2>/dev/null; then
  need_node " (máy đang có $(node --version))" " (this computer has $(node --version))"
fi

if [ ! -d node_modules ]; then
  echo "Lần chạy đầu: đang cài các thành phần cần thiết (vài phút)…"
  echo "First run: installing what the editor needs (a few minutes)…"
  npm ci || { echo "Cài đặt không thành công / Installing failed (npm ci)."; stop 1; }
fi

node launchers/open-when-ready.mjs "$url" &
exec npm run author -- --port "$port" --strictPort
