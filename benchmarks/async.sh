#!/usr/bin/env bash
# The async view's throughput beside the blocking client's and raw java.net.http sendAsync, at 8 and 64 calls in
# flight (AsyncBenchmark), pinned as run.sh pins (server on CPU 1, JMH on CPU 0), twice: as the machine is (one CPU
# seen: java.net.http's sendAsync would start a thread per call, so the async view sends with the blocking send on its
# threads), and with the common pool's parallelism raised to 4, as on a machine of three CPUs or more (the async view
# uses sendAsync). Writes the async section of benchmarks/RESULTS.md. About twelve minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am package
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/results
mkdir -p "$out"
common_pool=-Djava.util.concurrent.ForkJoinPool.common.parallelism=4
for pass in machine common-pool; do
  extra=()
  [[ "$pass" == common-pool ]] && extra=(-jvmArgsPrepend "$common_pool")
  benchmarks/run-pinned.sh "$jar" "${extra[@]}" -f 2 -wi 8 -w 2 -i 4 -r 2 -rf json -rff "$out/jmh-async-$pass.json" \
    'AsyncBenchmark' | tee "$out/jmh-async-$pass.txt"
  # A command-line -jvmArgsAppend replaces @Fork's flags: check every fork ran with the flags this pass gives.
  if grep '^# VM options:' "$out/jmh-async-$pass.txt" | grep -qv -- '-Xmx512m'; then
    echo "a fork ran without -Xmx512m: see $out/jmh-async-$pass.txt" >&2
    exit 1
  fi
  if [[ "$pass" == common-pool ]] && grep '^# VM options:' "$out/jmh-async-$pass.txt" | grep -qv -- "$common_pool"; then
    echo "a fork ran without $common_pool: see $out/jmh-async-$pass.txt" >&2
    exit 1
  fi
done
# Run on the benchmark's core, so that it sees the CPUs the forks saw (java.net.http's path depends on them).
taskset -c 0 java -cp "$jar" io.engagive.sdk.bench.AsyncReport "$out/jmh-async-machine.json" \
  "$out/jmh-async-common-pool.json" benchmarks/RESULTS.md \
  "Written by \`benchmarks/async.sh\` on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores; JMH throughput, 2 forks × 8 × 2 s warm-up × 4 × 2 s, the loopback server on CPU 1 and the benchmark on CPU 0, the java.net.http transport."
