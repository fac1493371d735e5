#!/usr/bin/env bash
# The chaos soak: 16 threads sharing one client against the sandbox under random faults, token rotation and
# FULL logging, every invariant checked and printed as counts (soak/src/main/java/io/engagive/sdk/soak/ChaosSoak.java).
#
#   bash soak/run.sh [SECONDS]                 the sandbox in the soak's process (CI runs 60 s)
#   bash soak/run.sh [SECONDS] --own-process   the sandbox as `engagive sandbox serve`, a process of its own
#   bash soak/run.sh --docs MINUTES            both, MINUTES each, their tables written into docs/testing/soak.md
#
# Exits non-zero when an invariant fails. Needs `./mvnw -B install` first (or builds the two jars it needs).
set -euo pipefail
cd "$(dirname "$0")/.."
soak_jar=soak/target/engagive-soak.jar
cli_jar=cli/target/engagive-cli.jar
[[ -f "$soak_jar" && -f "$cli_jar" ]] || ./mvnw -B -q -DskipTests -pl soak,cli -am install

pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

run_soak() {  # seconds, own-process (true/false), report file or ""
  local args=(--seconds "$1" --threads 16)
  [[ -n "$3" ]] && args+=(--report "$3")
  if [[ "$2" == true ]]; then
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    java -Xmx256m -jar "$cli_jar" sandbox serve --port "$port" >/dev/null 2>&1 &
    local sandbox=$!
    pids+=("$sandbox")
    for _ in $(seq 1 300); do
      curl -sf -o /dev/null "http://127.0.0.1:$port/__sandbox/health" && break
      sleep 0.1
    done
    args+=(--sandbox-admin "http://127.0.0.1:$port/__sandbox")
    timeout $(( $1 + 120 )) java -Xmx512m -jar "$soak_jar" "${args[@]}"
    kill "$sandbox" 2>/dev/null || true
  else
    timeout $(( $1 + 120 )) java -Xmx512m -jar "$soak_jar" "${args[@]}"
  fi
}

if [[ "${1:-}" == "--docs" ]]; then
  seconds=$(( ${2:?minutes} * 60 ))
  work=$(mktemp -d)
  run_soak "$seconds" false "$work/embedded.md"
  run_soak "$seconds" true "$work/own-process.md"
  python3 - docs/testing/soak.md "$work/embedded.md" "$work/own-process.md" "$(date -u +%Y-%m-%d)" "$(git rev-parse --short HEAD)" <<'PY'
import sys
doc, embedded, own, day, commit = sys.argv[1:]
text = open(doc, encoding="utf-8").read()
start = text.index("<!-- soak results: written by soak/run.sh --docs -->")
end = text.index("<!-- end of soak results -->")
results = ("<!-- soak results: written by soak/run.sh --docs -->\n"
           f"Run of {day} on commit {commit}, on this project's two-core CI machine.\n\n"
           + open(embedded, encoding="utf-8").read() + "\n" + open(own, encoding="utf-8").read())
open(doc, "w", encoding="utf-8").write(text[:start] + results + text[end:])
PY
  echo "soak: docs/testing/soak.md written"
else
  own=false
  [[ "${2:-}" == "--own-process" ]] && own=true
  run_soak "${1:-60}" "$own" ""
fi
