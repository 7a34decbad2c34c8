#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real workbench under Xvfb: a connection test against an embedded
# PostgreSQL 16, the built-in H2 demo copied into it with a live resize, its replay in History, and the dark theme.
# Needs: apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1 poppler-utils chromium (and imagemagick for the whole-screen shot).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Djavafx.cachedir=target/openjfx-cache -cp "$CP" io.poollab.ui.ScreenshotTour docs/screenshots
# The tour exported a report of its two runs: page 1 of the PDF, and the HTML page as a phone and a desktop see it.
# Needs: apt-get install -y poppler-utils chromium
pdftoppm -r 80 -png -f 1 -l 2 target/screenshot-report/report.pdf target/screenshot-report/page
cp target/screenshot-report/page-1.png docs/screenshots/report-pdf-page1.png
cp target/screenshot-report/page-2.png docs/screenshots/report-pdf-page2.png
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1900 \
  --screenshot="$PWD/docs/screenshots/report-html.png" "file://$PWD/target/screenshot-report/report.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=390,1400 \
  --screenshot="$PWD/docs/screenshots/report-html-phone.png" "file://$PWD/target/screenshot-report/report.html"
