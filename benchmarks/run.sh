#!/usr/bin/env bash
# Runs every benchmark: JMH at 1 and 8 threads with -prof gc, the loopback server in its own process
# on CPU 1 and the benchmark on CPU 0 (run-pinned.sh), 3 forks each; cold start over 10 launches
# each; and the runtime dependency footprint. Raw results go to benchmarks/target/results.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am package
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
for threads in 1 8; do
  benchmarks/run-pinned.sh "$jar" -t "$threads" -f 3 -prof gc -rf json -rff "$out/jmh-threads-$threads.json" \
    ClientBenchmark \
    | tee "$out/jmh-threads-$threads.txt"
done
java -cp "$jar" io.engagive.sdk.bench.ColdStart measure 10 | tee "$out/cold-start.txt"
./mvnw -B -q -pl client-extensions dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$PWD/$out/runtime-classpath.txt"
tr ':' '\n' < "$out/runtime-classpath.txt" | xargs ls -l | awk '{ total += $5; print $5, $9 } END { print total, "bytes in all" }' \
  | tee "$out/footprint.txt"
