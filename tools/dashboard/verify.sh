#!/usr/bin/env bash
# CI check: re-installs the pinned chart library from package-lock.json and fails if the committed copy in
# src/Tradewind.Server/Dashboard/assets/vendor/ differs from what build.sh produces (a hand edit, or a lock
# change without re-running build.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
committed="$repo/src/Tradewind.Server/Dashboard/assets/vendor"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT

"$here/build.sh" "$fresh" >/dev/null
if ! diff -r "$committed" "$fresh" >/dev/null; then
  echo "The committed chart library differs from tools/dashboard/package-lock.json:" >&2
  diff -r "$committed" "$fresh" | head -20 >&2 || true
  echo "Run tools/dashboard/build.sh and commit src/Tradewind.Server/Dashboard/assets/vendor/." >&2
  exit 1
fi
echo "Dashboard vendor assets match package-lock.json."
