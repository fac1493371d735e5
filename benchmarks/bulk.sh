#!/usr/bin/env bash
# The bulk sender's benchmark figures (benchmarks/src/main/java/io/engagive/sdk/bench/BulkFigures.java): memory while
# streaming 1,000,000 CSV rows into a journal, and the sender's overhead over plain sends at a rate it cannot reach.
# Writes benchmarks/BULK.md and the figures section of docs/client/bulk.md; about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl benchmarks -am install
jar=benchmarks/target/benchmarks.jar
section=$(mktemp)
java -Xmx256m -cp "$jar" io.engagive.sdk.bench.BulkFigures "$section"
{
  echo "# Bulk sender figures"
  echo
  echo "Written by \`benchmarks/bulk.sh\` on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores; the sandbox and the sender share them."
  echo
  cat "$section"
} > benchmarks/BULK.md
python3 - docs/client/bulk.md benchmarks/BULK.md <<'PY'
import sys
doc, figures = sys.argv[1:]
text = open(doc, encoding="utf-8").read()
start = text.index("<!-- bulk figures: written by benchmarks/bulk.sh -->")
end = text.index("<!-- end of bulk figures -->")
body = open(figures, encoding="utf-8").read().split("\n", 2)[2]
open(doc, "w", encoding="utf-8").write(text[:start] + "<!-- bulk figures: written by benchmarks/bulk.sh -->\n" + body
                                       + text[end:])
PY
echo "bulk figures: benchmarks/BULK.md and docs/client/bulk.md written"
