#!/usr/bin/env bash
# Runs every benchmark and rewrites benchmarks/RESULTS.md and the README's performance summary from
# the results (ResultsReport). JMH runs with the loopback server in its own process on CPU 1 and the
# benchmark on CPU 0 (run-pinned.sh): ClientBenchmark at 1 and 8 threads (sample mode, 3 forks,
# -prof gc, 5 x 2 s warm-up), ScalingBenchmark (2 forks); then cold start over 10 launches, peak heap
# of the largest lists, and the runtime dependency footprint. Raw results go to
# benchmarks/target/results. About 30 minutes on the 2-core build machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am package
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
# 4 x 2 s of warm-up: with 2 x 2 s, iteration means still fell within a fork. The diagnostics (the pipeline's own
# cost over an in-memory transport, a request built per call) are measured at 1 thread only.
common='rawUrlConnection|raw|rawDirectExecutor|rawDirectStream|full|rawUnauthorized|fullUnauthorized|rawOkHttp|fullOkHttp|rawApache|fullApache'
for threads in 1 8; do
  pattern="ClientBenchmark\\.($common)\$"
  [[ "$threads" == 1 ]] && pattern="ClientBenchmark\\.($common|rawDirectFreshRequest|pipelineInMemory|decodeInMemory)\$"
  benchmarks/run-pinned.sh "$jar" -t "$threads" -bm sample -f 3 -wi 4 -w 2 -i 4 -r 2 -prof gc \
    -rf json -rff "$out/jmh-threads-$threads.json" "$pattern" | tee "$out/jmh-threads-$threads.txt"
  # A command-line -jvmArgsAppend replaces @Fork's flags: check every fork ran with the heap run-pinned.sh gives.
  if grep '^# VM options:' "$out/jmh-threads-$threads.txt" | grep -qv -- '-Xmx512m'; then
    echo "a fork ran without -Xmx512m: see $out/jmh-threads-$threads.txt" >&2
    exit 1
  fi
done
benchmarks/run-pinned.sh "$jar" -bm avgt -f 2 -prof gc -rf json -rff "$out/jmh-scaling.json" ScalingBenchmark \
  | tee "$out/jmh-scaling.txt"
java -cp "$jar" io.engagive.sdk.bench.ColdStart measure 10 | tee "$out/cold-start.txt"
java -cp "$jar" io.engagive.sdk.bench.PeakHeap measure | tee "$out/peak-heap.txt"
./mvnw -B -q -pl client-extensions dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$PWD/$out/runtime-classpath.txt"
{ ls -l client-extensions/target/engagive-client-*[0-9T].jar; tr ':' '\n' < "$out/runtime-classpath.txt" | xargs ls -l; } \
  | awk '{ total += $5; n = split($9, path, "/"); printf "%10d  %s\n", $5, path[n] } END { print total, "bytes in all" }' \
  | tee "$out/footprint.txt"
# What each transport module adds to engagive-client's closure.
for transport in okhttp apache; do
  ./mvnw -B -q -pl "transports/$transport" dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$PWD/$out/runtime-classpath-$transport.txt"
  { ls -l transports/$transport/target/engagive-transport-$transport-*[0-9T].jar
    tr ':' '\n' < "$out/runtime-classpath-$transport.txt" | grep -vxFf <(tr ':' '\n' < "$out/runtime-classpath.txt") \
      | grep -v '/engagive-client-' | xargs ls -l; } \
    | awk '{ total += $5; n = split($9, path, "/"); printf "%10d  %s\n", $5, path[n] } END { print total, "bytes added" }' \
    | tee "$out/footprint-$transport.txt"
done
java -cp "$jar" io.engagive.sdk.bench.ResultsReport "$out" benchmarks/RESULTS.md docs/performance.md
