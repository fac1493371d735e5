#!/usr/bin/env bash
# Records the full client and the java.net.http floor with JFR (its "profile" settings: CPU and
# allocation samples), pinned as run-pinned.sh pins them, and prints each recording's summary
# (benchmarks/jfr-summary.py). Recordings go to benchmarks/target/jfr. Usage:
#   benchmarks/profile.sh ['ClientBenchmark\.(raw|full)$']
set -euo pipefail
cd "$(dirname "$0")/.."
pattern=${1:-'ClientBenchmark\.(raw|full)$'}
dir=$PWD/benchmarks/target/jfr
rm -rf "$dir"
benchmarks/run-pinned.sh -bm sample -f 1 -wi 2 -w 2 -i 3 -r 3 -prof "jfr:dir=$dir;configName=profile" "$pattern"
for recording in "$dir"/*/profile.jfr; do
  echo "##### $recording"
  python3 benchmarks/jfr-summary.py "$recording"
done
