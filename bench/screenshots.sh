#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real workbench under Xvfb: a connection test against an embedded
# PostgreSQL 16, the built-in H2 demo copied into it with a live resize, its replay in History, and the dark theme.
# Needs: apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1 (and imagemagick for the whole-screen shot).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Djavafx.cachedir=target/openjfx-cache -cp "$CP" io.poollab.ui.ScreenshotTour docs/screenshots
