#!/usr/bin/env bash
# The sweep's cost between cells: per cell, the wall time that is neither the copy nor its verification (planning,
# resetting the target, opening and warming both pools, recording the run, closing). Goal: < 1 s per cell.
# Runs a 3 × 3 sweep (workers 1,2,4 × pool 1,2,4) of posts-like rows between two databases of one embedded
# PostgreSQL 16, and prints each cell's figure (from `poollab sweep`'s own progress lines) and their median and max.
#
#   bench/sweep-overhead.sh [ROWS]     (default 200000; REPORT_DIR=DIR also exports a report of the sweep)
set -euo pipefail
ROWS="${1:-200000}"
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "error: ROWS must be a positive integer, got $ROWS" >&2; exit 2; }
cd "$(dirname "$0")/.."
PROJECT="$PWD"
TMP="$(mktemp -d -t poollab-sweep-bench-XXXXXX)"
SERVER_PID=""
cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]]; then
        exec 9>&- || true
        for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ ! -f target/poollab.jar || ! -d target/test-classes/io/poollab/bench ]]; then
    mvn -B -q -DskipTests package test-compile >&2
fi
if [[ ! -s target/bench-cp.txt || pom.xml -nt target/bench-cp.txt ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >&2
fi
CLASSPATH_TEST="$PROJECT/target/test-classes:$PROJECT/target/classes:$(cat target/bench-cp.txt)"

mkfifo "$TMP/server.in"
java -cp "$CLASSPATH_TEST" io.poollab.bench.EmbeddedPostgresServer "$TMP/pgdata" \
    <"$TMP/server.in" >"$TMP/server.port" 2>"$TMP/server.log" &
SERVER_PID=$!
exec 9>"$TMP/server.in"
PORT=""
for _ in $(seq 1 1200); do
    PORT="$(head -n1 "$TMP/server.port" 2>/dev/null || true)"
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; exit 1; }
    sleep 0.1
done
[[ "$PORT" =~ ^[0-9]+$ ]] || { echo "error: no port from the embedded PostgreSQL" >&2; exit 1; }

# The databases, made through PoolLab itself (no psql needed): a one-off run seeds src from the sample data.
cat >"$TMP/sweep.yaml" <<YAML
source: {jdbcUrl: "jdbc:postgresql://127.0.0.1:$PORT/postgres", username: postgres,
         seed: {table: posts, rows: $ROWS}}
target: {jdbcUrl: "jdbc:postgresql://127.0.0.1:$PORT/postgres", username: postgres}
tables: [{source: public.posts, target: public.posts_copy, mode: recreate}]
verify: counts
YAML
java -jar target/poollab.jar --home "$TMP/home" run --config "$TMP/sweep.yaml" >/dev/null 2>&1
echo "embedded PostgreSQL 16 on 127.0.0.1:$PORT; $ROWS rows; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar target/poollab.jar --home "$TMP/home" sweep --config "$TMP/sweep.yaml" --workers 1,2,4 \
    --pool-size 1,2,4 2>"$TMP/sweep.err" >"$TMP/sweep.out"
grep -E '^\[|besides' "$TMP/sweep.err"
cat "$TMP/sweep.out"
grep -oE '[0-9.]+ s besides' "$TMP/sweep.err" | cut -d' ' -f1 | sort -n >"$TMP/overheads"
n=$(wc -l <"$TMP/overheads")
median=$(sed -n "$(( (n + 1) / 2 ))p" "$TMP/overheads")
max=$(tail -n1 "$TMP/overheads")
echo "between-cell overhead over $n cells: median $median s, max $max s (goal < 1 s per cell)"
# With REPORT_DIR set, also export the report of the sweep's first cell (it carries the sweep's charts and advice).
if [[ -n "${REPORT_DIR:-}" ]]; then
    first=$(grep -oE '\(run [0-9]+\)' "$TMP/sweep.out" | head -n1 | grep -oE '[0-9]+')
    java -jar target/poollab.jar --home "$TMP/home" report --runs "$first" --out "$REPORT_DIR" --format html,pdf >&2
fi
