#!/usr/bin/env bash
# The report's speed goal: two 1-hour runs (250 ms samples) to HTML + PDF + CSV + snippets in < 3 s; measured in
# a warm process (as the workbench exports) and as a cold `java -jar` CLI process (JVM start and H2 open included).
#   bench/report.sh [ROUNDS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
home=$(mktemp -d /tmp/poollab-report-bench.XXXXXX)
trap 'rm -rf "$home"' EXIT
java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.poollab.bench.ReportBench "${1:-5}" "$home"
times=()
for i in 1 2 3; do
  start=$(date +%s%N)
  java -jar target/poollab.jar --home "$home" report --runs 1,2 --out "$home/cli-report" >/dev/null 2>&1
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "the same as a cold CLI process (java -jar … report), 3 runs: median ${sorted[1]} ms (min ${sorted[0]})"
