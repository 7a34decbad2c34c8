#!/usr/bin/env bash
# Screenshots of the demo: scenario 2 (per-worker vs shared vs no pool) run for real on the demo's own embedded
# PostgreSQL, the Demo page while it runs and when it ended, and presentation mode at 1920 × 1080.
# Usage: bench/demo-screenshots.sh [ROWS]   (default 100000)
# Needs: apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1920x1080x24" \
  java -Djavafx.cachedir=target/openjfx-cache -cp "$CP" io.poollab.ui.DemoTour docs/screenshots "${1:-100000}"
