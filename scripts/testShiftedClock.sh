#!/usr/bin/env bash
# Runs the clock-sensitive suites with the machine's clock a year ahead and a year back
# (Debian's faketime), proving that no test depends on today's date. CI runs it; the whole
# unit suite passes the same way: SUITES=all npm run test:shifted.
set -euo pipefail
if ! command -v faketime >/dev/null; then
  echo 'faketime is missing: apt-get install -y faketime' >&2
  exit 1
fi
suites=(server/clock server/sessions server/auth server/members server/access server/sync/test/access.test.ts)
[ "${SUITES:-}" = all ] && suites=(--project server --project shared --project client)
for shift in +365d -365d; do
  printf '\n== clock shifted %s: %s\n' "$shift" "$(faketime -f "$shift" date -u +%FT%TZ)"
  faketime -f "$shift" vitest run "${suites[@]}"
done
