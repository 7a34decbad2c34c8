#!/usr/bin/env bash
# The Run view's goal for long runs, on the FX thread: while an hour of samples (14,400 at 250 ms, a resize every
# 10 minutes, 1,000 partitions completed) is replayed into the real workbench window, no pulse waits more than
# 100 ms. The hour is replayed 8× faster by default (7.5 minutes, 8 samples per drain); --speed 1 takes the hour.
# Exits 1 when the goal is missed. Needs a display: Xvfb (apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1).
#   bench/fx-stall.sh [--speed N] [--minutes M]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Xmx512m -Dprism.verbose=true -Djavafx.cachedir=target/openjfx-cache -cp "$CP" \
  io.poollab.bench.FxStallBench "$@"
