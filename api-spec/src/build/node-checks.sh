#!/usr/bin/env bash
# The spec's Node.js checks: `npm ci` of the pinned tools, Spectral on the API spec and on the
# sandbox admin spec, and Redocly's rendered reference page. They run only when one of their inputs
# changed since they last passed (SHA-256 digests kept in target/): a build that did not touch the
# spec skips them. `mvn clean` forgets the digests, so a clean build always runs them.
# Usage: node-checks.sh NPM NODE TARGET_DIR
set -euo pipefail
npm=$1
node=$2
target=$3
cd "$(dirname "$0")/../.."
mkdir -p "$target"
digest_of() {
  { sha256sum "$@"; "$node" --version; } | sha256sum | cut -d' ' -f1
}
tools=$(digest_of package.json package-lock.json)
if [[ ! -d node_modules || "$(cat "$target/npm-ci.sha256" 2>/dev/null)" != "$tools" ]]; then
  "$npm" ci --ignore-scripts --no-audit --no-fund --prefer-offline
  echo "$tools" > "$target/npm-ci.sha256"
fi
spec=src/main/resources/engagive/engagive-openapi.yaml
admin=src/main/resources/engagive/engagive-sandbox-admin.yaml
reference=$target/reference/index.html
checks=$(digest_of package-lock.json .spectral.yaml .spectral-admin.yaml "$spec" "$admin" "$0")
if [[ -f "$reference" && "$(cat "$target/node-checks.sha256" 2>/dev/null)" == "$checks" ]]; then
  echo "Spectral and Redocly: their inputs are unchanged since they last passed; not run again"
  exit 0
fi
rm -f "$target/node-checks.sha256"
"$node" node_modules/@stoplight/spectral-cli/dist/index.js lint --fail-severity=warn --ruleset .spectral.yaml "$spec"
"$node" node_modules/@stoplight/spectral-cli/dist/index.js lint --fail-severity=warn --ruleset .spectral-admin.yaml \
  "$admin"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$node" node_modules/@redocly/cli/bin/cli.js build-docs \
  "$spec" --inlineBundle --title "Engagive business public API" --output "$reference"
echo "$checks" > "$target/node-checks.sha256"
