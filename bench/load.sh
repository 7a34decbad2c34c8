#!/usr/bin/env bash
# Issue 9's load goal: 64 workers, 1,000 partitions, 5M posts-like rows, PostgreSQL → PostgreSQL on one embedded
# PostgreSQL 16 (default durability), in a 512 MB heap. Prints rows/s, the heap's high-water mark, the live threads
# before and after and PoolLab's sessions left on the server (both must come back: 0 sessions).
#   bench/load.sh [ROWS] [WORKERS] [PARTITIONS]     (default 5000000 64 1000; HEAP=1g to change -Xmx)
set -euo pipefail
ROWS="${1:-5000000}"
WORKERS="${2:-64}"
PARTITIONS="${3:-1000}"
cd "$(dirname "$0")/.."
if [[ ! -d target/test-classes/io/poollab/bench || ! -s target/bench-cp.txt || pom.xml -nt target/bench-cp.txt ]]; then
    mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >&2
fi
echo "$(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); -Xmx${HEAP:-512m}"
exec java "-Xmx${HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
    io.poollab.bench.LoadBench "$ROWS" "$WORKERS" "$PARTITIONS"
