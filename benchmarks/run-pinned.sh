#!/usr/bin/env bash
# Runs JMH with the loopback API server in its own process on CPU 1 and the benchmark (and its
# forks) on CPU 0, so the two never compete for a core. Usage:
#   benchmarks/run-pinned.sh [benchmarks.jar] JMH-ARGS...
# e.g. benchmarks/run-pinned.sh -bm sample -f 2 -wi 3 -w 2 -i 5 -r 2 -prof gc 'ClientBenchmark\.full'
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/benchmarks.jar
if [[ "${1:-}" == *.jar ]]; then
  jar=$1
  shift
fi
[[ -f "$jar" ]] || ./mvnw -B -q -DskipTests -pl benchmarks -am package
if [[ "$(nproc)" -lt 2 ]]; then
  echo "needs two CPUs to pin the server and the benchmark apart" >&2
  exit 2
fi
url_file=$(mktemp)
taskset -c 1 java -Xms256m -Xmx256m -Dsun.net.httpserver.nodelay=true -cp "$jar" io.engagive.sdk.bench.LoopbackApi \
  >"$url_file" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$url_file"' EXIT
for _ in $(seq 1 100); do
  [[ -s "$url_file" ]] && break
  sleep 0.1
done
base_url=$(head -n 1 "$url_file")
[[ -n "$base_url" ]] || { echo "the loopback server did not start" >&2; exit 1; }
# A command-line -jvmArgsAppend replaces @Fork's own, so the forks' flags are all given here (and checked in the
# forks' output by run.sh).
taskset -c 0 java -jar "$jar" -jvmArgsAppend "-Xms512m -Xmx512m -Dsun.net.httpserver.nodelay=true -Dengagive.bench.baseUrl=$base_url" "$@"
