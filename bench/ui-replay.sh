#!/usr/bin/env bash
# The Run view's goals for long runs: during a simulated 1-hour run (14,400 samples at 4 Hz, a resize every
# 10 minutes), heap growth stays < 50 MB and each chart redraw takes < 16 ms. Needs no database and no display.
#   bench/ui-replay.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
exec java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.poollab.bench.ChartReplayBench
