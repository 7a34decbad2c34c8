#!/usr/bin/env bash
# The history's speed goals: `history list` over 10,000 runs (< 200 ms), the samples of a 1-hour run (< 300 ms),
# and the recorder's cost to a real PostgreSQL copy (<= 1%). Starts its own embedded PostgreSQL.
#   bench/history.sh [ROUNDS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d target/test-classes/io/poollab/bench ]]; then
  mvn -B -q -DskipTests package test-compile
fi
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.poollab.bench.HistoryBench "${1:-5}"
