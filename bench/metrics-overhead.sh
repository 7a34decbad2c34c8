#!/usr/bin/env bash
# What the live metrics endpoint costs a run: the same PostgreSQL → PostgreSQL copy with (a) no endpoint, (b) the
# endpoint scraped every second (/metrics, /health and /stats), (c) scraped every 100 ms; rounds alternate a, b, c…
# on an embedded PostgreSQL 16 that the benchmark starts and stops itself. Goal: (b) costs <= 1 % of rows/s.
#
#   bench/metrics-overhead.sh [--no-build] [--rows 400000] [--rounds 5]
#                             [--port N]   (N: use a running PostgreSQL on 127.0.0.1:N, user postgres, trust auth)
#
# Needs java 17 and mvn (for the build and the test classpath). Prints the figures on stdout.
set -euo pipefail

BUILD=1
ARGS=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        --rows|--rounds|--port)
            [[ $# -ge 2 ]] || { echo "error: $1 needs a value (see $0 --help)" >&2; exit 2; }
            [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "error: $1 needs a positive integer, got $2" >&2; exit 2; }
            ARGS+=("$1" "$2"); shift 2 ;;
        *) echo "error: unknown argument $1 (see $0 --help)" >&2; exit 2 ;;
    esac
done

cd "$(dirname "$0")/.."
command -v java >/dev/null || { echo "error: java is not on PATH" >&2; exit 2; }
if [[ "$BUILD" == 1 && ( ! -f target/poollab.jar || ! -f target/test-classes/io/poollab/bench/MetricsOverheadBench.class ) ]]; then
    echo "building (mvn -B -q -DskipTests package test-compile)…" >&2
    mvn -B -q -DskipTests package test-compile >&2
fi
[[ -f target/test-classes/io/poollab/bench/MetricsOverheadBench.class ]] || {
    echo "error: the bench classes are missing (target/test-classes); run without --no-build" >&2; exit 2; }
if [[ ! -s target/bench-cp.txt || pom.xml -nt target/bench-cp.txt ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >&2
fi
CLASSPATH_TEST="$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench-cp.txt)"

# slf4j-simple would print HikariCP's INFO lines between the figures.
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CLASSPATH_TEST" io.poollab.bench.MetricsOverheadBench "${ARGS[@]}"
