#!/usr/bin/env bash
# Drives the standalone Engagive sandbox from outside the JVM, with tools we did not write:
#   1. the Pact Rust verifier (npm @pact-foundation/pact-cli) verifies our pact against
#      `engagive sandbox serve`, with provider states set over HTTP;
#   2. the same again through Prism (npm @stoplight/prism-cli) as a validating proxy;
#   3. interop/test_sandbox.py (Python's standard library) through Prism;
#   4. interop/load_and_negative.py: 1,000 requests through Prism on kept-alive connections, oversized bodies
#      among them, with no reset; negative bodies and content types at the sandbox get the documented status;
#   5. the TypeScript client generated from the spec (interop/typescript) against every answer the sandbox
#      can be configured to give, the error body on 200 included;
#   6. the Python client generated from the spec (interop/python, pydantic 2) against the same answers;
#   7. the curl commands of docs/testing/sandbox.md;
# then fails on any failure, on any violation Prism logs in a response, and on any request
# violation but the three the pact sends on purpose. Needs `./mvnw -B install` first (the CLI jar
# and the pact file). Every step has a time limit; everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=$root/cli/target/engagive-cli.jar
pact=$root/contract-tests/target/pacts/engagive-java-client-engagive-business-api.json
spec=$root/api-spec/src/main/resources/engagive/engagive-openapi.yaml
work=$(mktemp -d)
export PACT_DO_NOT_TRACK=true

for needed in "$jar" "$pact"; do
  [[ -f "$needed" ]] || { echo "interop: $needed is missing; run ./mvnw -B install first" >&2; exit 2; }
done

pids=()
stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop_all EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for() {  # url, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.1
  done
  echo "interop: $1 did not answer within $2 s" >&2
  return 1
}

echo "== installing the pinned tools (interop/package-lock.json)"
(cd interop && timeout 300 npm ci --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null)
bin=$root/interop/node_modules/.bin

echo "== starting the sandbox and Prism"
sandbox_port=$(free_port)
java -jar "$jar" sandbox serve --port "$sandbox_port" >"$work/sandbox.log" 2>&1 &
pids+=($!)
sandbox=http://127.0.0.1:$sandbox_port
wait_for "$sandbox/__sandbox/health" 60
prism_port=$(free_port)
"$bin/prism" proxy "$spec" "$sandbox/api/business/public" --port "$prism_port" --host 127.0.0.1 \
  >"$work/prism.log" 2>&1 &
pids+=($!)
prism=http://127.0.0.1:$prism_port
for _ in $(seq 1 900); do
  grep -q "Prism is listening" "$work/prism.log" && break
  sleep 0.1
done
grep -q "Prism is listening" "$work/prism.log" || { cat "$work/prism.log"; echo "interop: Prism did not start" >&2; exit 1; }

verify() {  # label, pact file, host port
  echo "== Pact Rust verifier: $1"
  timeout 180 "$bin/pact-verifier" --file "$2" --hostname 127.0.0.1 --port "$3" \
    --state-change-url "$sandbox/__sandbox/provider-states" --state-change-teardown \
    --json "$work/$1.json" --no-colour >"$work/$1.out" 2>&1 || { cat "$work/$1.out"; return 1; }
  python3 - "$work/$1.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
results = report["interactionResults"]
passed = [result for result in results if result["result"] == "OK"]
print(f"   {len(passed)} of {len(results)} interactions verified")
if not report["result"] or len(passed) != len(results) or len(results) < 17:
    sys.exit(1)
PY
}
verify direct "$pact" "$sandbox_port"
python3 - "$pact" "$work/through-prism.json" <<'PY'
import json, sys
pact = json.load(open(sys.argv[1]))
for interaction in pact["interactions"]:
    interaction["request"]["path"] = interaction["request"]["path"].removeprefix("/api/business/public")
json.dump(pact, open(sys.argv[2], "w"))
PY
verify through-prism "$work/through-prism.json" "$prism_port"

echo "== Python standard-library test, through Prism"
ENGAGIVE_SANDBOX_API=$prism ENGAGIVE_SANDBOX_ADMIN=$sandbox/__sandbox \
  timeout 120 python3 interop/test_sandbox.py

echo "== 1,000 requests through Prism (oversized bodies among them), negative requests at the sandbox"
ENGAGIVE_SANDBOX_API=$prism ENGAGIVE_SANDBOX_DIRECT=$sandbox/api/business/public ENGAGIVE_SANDBOX_ADMIN=$sandbox/__sandbox \
  timeout 300 python3 interop/load_and_negative.py

echo "== the TypeScript client generated from the spec (typescript-fetch), against every answer the sandbox gives"
timeout 300 ./mvnw -B -q -f interop/typescript/pom.xml generate-sources >"$work/typescript-generate.log" 2>&1 \
  || { cat "$work/typescript-generate.log"; exit 1; }
(cd interop/typescript && timeout 120 "$bin/tsc" -p tsconfig.json)
SANDBOX=$sandbox timeout 120 node interop/typescript/target/js/drive.js

echo "== the Python client generated from the spec (python, pydantic 2), against every answer the sandbox gives"
python3 -c 'import pydantic, urllib3, dateutil, typing_extensions; assert pydantic.VERSION >= "2"' 2>/dev/null || {
  echo "interop: the generated Python client needs python3 with pydantic 2, urllib3, python-dateutil and" \
    "typing-extensions (this machine kind's Python has them; nothing is installed from PyPI)" >&2
  exit 1
}
timeout 300 ./mvnw -B -q -f interop/python/pom.xml generate-sources >"$work/python-generate.log" 2>&1 \
  || { cat "$work/python-generate.log"; exit 1; }
SANDBOX=$sandbox PYTHONPATH=interop/python/target/client timeout 120 python3 interop/python/drive.py

echo "== the curl commands of docs/testing/sandbox.md"
python3 - "$root/docs/testing/sandbox.md" >"$work/readme.sh" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
marker = text.index("These commands are run by `interop/run.sh`")
block = re.search(r"```bash\n(.*?)```", text[marker:], re.S).group(1)
print("set -euo pipefail\n" + block)
PY
SANDBOX=$sandbox timeout 60 bash "$work/readme.sh" >"$work/readme.out"
grep -q '"success":true' "$work/readme.out"

echo "== what the sandbox and Prism saw"
violations=$(curl -sf "$sandbox/__sandbox/spec-violations")
echo "   sandbox: $violations"
python3 -c 'import json, sys; sys.exit(1 if json.loads(sys.argv[1])["violations"] else 0)' "$violations"
python3 - "$work/prism.log" <<'PY'
import re, sys
lines = [line for line in open(sys.argv[1], encoding="utf-8") if "Violation:" in line]
responses = [line for line in lines if "Violation: response" in line]
requests = [line for line in lines if "Violation: request" in line]
on_purpose = re.compile(r"request\.header.*[Aa]uthorization|request\.body\.to |Violation: request.*[Ss]ecurity")
unexpected = [line for line in requests if not on_purpose.search(line)]
print(f"   prism: {len(responses)} response violation(s), {len(requests)} request violation(s) "
      f"({len(requests) - len(unexpected)} sent on purpose by the pact)")
for line in responses + unexpected:
    print("   " + line.strip())
if responses or unexpected or len(requests) != 3:
    sys.exit(1)
PY
echo "interop: all passed"
