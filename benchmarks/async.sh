#!/usr/bin/env bash
# The async view's throughput beside the blocking client's and the raw sendAsync floor, at 8 and 64 calls in flight
# (AsyncBenchmark), pinned as run.sh pins (server on CPU 1, JMH on CPU 0); writes the async section of
# benchmarks/RESULTS.md. About six minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am package
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
benchmarks/run-pinned.sh "$jar" -f 2 -wi 4 -w 2 -i 4 -r 2 -rf json -rff "$out/jmh-async.json" 'AsyncBenchmark' \
  | tee "$out/jmh-async.txt"
# A command-line -jvmArgsAppend replaces @Fork's flags: check every fork ran with the heap run-pinned.sh gives.
if grep '^# VM options:' "$out/jmh-async.txt" | grep -qv -- '-Xmx512m'; then
  echo "a fork ran without -Xmx512m: see $out/jmh-async.txt" >&2
  exit 1
fi
# Run on the benchmark's core, so that it sees the CPUs the forks saw (java.net.http's path depends on them).
taskset -c 0 java -cp "$jar" io.engagive.sdk.bench.AsyncReport "$out/jmh-async.json" benchmarks/RESULTS.md \
  "Written by \`benchmarks/async.sh\` on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores; JMH throughput, 2 forks × 4 × 2 s warm-up × 4 × 2 s, the loopback server on CPU 1 and the benchmark on CPU 0, the java.net.http transport."
