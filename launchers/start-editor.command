#!/usr/bin/env bash
# macOS: double-click to start the tour editor (Terminal opens and keeps it running).
# The first time, macOS may ask: right-click → Open. The work is done by start-editor.sh.
exec bash "$(dirname "$0")/start-editor.sh"
