#!/usr/bin/env bash
# Runs every benchmark and rewrites benchmarks/RESULTS.md and the README's performance summary from
# the results (ResultsReport). JMH runs with the loopback server in its own process on CPU 1 and the
# benchmark on CPU 0 (run-pinned.sh): ClientBenchmark at 1 and 8 threads (sample mode, 3 forks,
# -prof gc), ScalingBenchmark (2 forks); then cold start over 10 launches, peak heap
# of the largest lists, and the runtime dependency footprint. Raw results go to
# benchmarks/target/results. About 18 minutes on the 2-core build machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am package
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
for threads in 1 8; do
  benchmarks/run-pinned.sh "$jar" -t "$threads" -bm sample -f 3 -prof gc \
    -rf json -rff "$out/jmh-threads-$threads.json" \
    'ClientBenchmark\.(rawUrlConnection|raw|rawStream|rawDirectExecutor|generatedUrlConnection|generatedJava11|full|fullJdkExecutor|fullWithListener|rawUnauthorized|fullUnauthorized)$' \
    | tee "$out/jmh-threads-$threads.txt"
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
java -cp "$jar" io.engagive.sdk.bench.ResultsReport "$out" benchmarks/RESULTS.md README.md
