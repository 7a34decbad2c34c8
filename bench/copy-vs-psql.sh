#!/usr/bin/env bash
# PoolLab's PostgreSQL → PostgreSQL copy against the psql COPY pipes, on one embedded PostgreSQL 16 server
# (two databases, src and dst), with PostgreSQL's default durability (fsync on, synchronous_commit on).
#
#   bench/copy-vs-psql.sh [--repeat N] [--rows N] [--workers N] [--no-build]
#
# Needs java 17 and psql on PATH (and mvn, for the build and the test classpath). Prints one line per timed run
# (as it happens), then a table of medians and minimums. Exits 1 if any PoolLab run leaves dst with the wrong
# row count. Every tool gets the same conditions: target table truncated and a CHECKPOINT before each timed run,
# runs interleaved (text, binary, PoolLab, PoolLab+checksum, then again) so that noise on the shared machine
# falls on all of them alike.
set -euo pipefail

REPEAT=3
ROWS=1000000
WORKERS=2
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --repeat) REPEAT="$2"; shift 2 ;;
        --rows) ROWS="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "error: unknown argument $1 (see $0 --help)" >&2; exit 2 ;;
    esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "error: --repeat must be a positive integer, got $REPEAT" >&2; exit 2; }
[[ "$ROWS" =~ ^[1-9][0-9]*$ ]] || { echo "error: --rows must be a positive integer, got $ROWS" >&2; exit 2; }
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || { echo "error: --workers must be a positive integer, got $WORKERS" >&2; exit 2; }

cd "$(dirname "$0")/.."
PROJECT="$PWD"
command -v psql >/dev/null || { echo "error: psql is not on PATH (apt-get install postgresql-client)" >&2; exit 2; }
command -v java >/dev/null || { echo "error: java is not on PATH" >&2; exit 2; }

TMP="$(mktemp -d -t poollab-bench-XXXXXX)"
SERVER_PID=""
cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]]; then
        # Closing the server's stdin is its stop signal; it stops PostgreSQL and exits.
        exec 9>&- || true
        for _ in $(seq 1 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "warning: the embedded PostgreSQL did not stop within 30 s; killing its JVM $SERVER_PID" >&2
            kill "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build and classpath -------------------------------------------------------------------------------------
if [[ "$BUILD" == 1 && ( ! -f target/poollab.jar || ! -d target/test-classes/io/poollab/bench ) ]]; then
    echo "building (mvn -B -q -DskipTests package test-compile)…" >&2
    mvn -B -q -DskipTests package test-compile >&2
fi
[[ -f target/poollab.jar && -f target/test-classes/io/poollab/bench/EmbeddedPostgresServer.class ]] || {
    echo "error: target/poollab.jar or the bench classes are missing; run without --no-build" >&2; exit 2; }
if [[ ! -s target/bench-cp.txt || pom.xml -nt target/bench-cp.txt ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >&2
fi
CLASSPATH_TEST="$PROJECT/target/test-classes:$PROJECT/target/classes:$(cat target/bench-cp.txt)"

# --- server --------------------------------------------------------------------------------------------------
mkfifo "$TMP/server.in"
java -cp "$CLASSPATH_TEST" io.poollab.bench.EmbeddedPostgresServer "$TMP/pgdata" \
    <"$TMP/server.in" >"$TMP/server.port" 2>"$TMP/server.log" &
SERVER_PID=$!
exec 9>"$TMP/server.in"
PORT=""
for _ in $(seq 1 1200); do
    PORT="$(head -n1 "$TMP/server.port" 2>/dev/null || true)"
    [[ -n "$PORT" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/server.log" >&2; echo "error: the embedded PostgreSQL did not start" >&2; exit 1; }
    sleep 0.1
done
[[ "$PORT" =~ ^[0-9]+$ ]] || { cat "$TMP/server.log" >&2; echo "error: no port from the embedded PostgreSQL within 120 s" >&2; exit 1; }
grep '^embedded PostgreSQL:' "$TMP/server.log" | head -n1
loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
echo "load average at start: $(loadavg) (the machine is shared: compare only figures from the same run)"

export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGCONNECT_TIMEOUT=10
unset PGPASSWORD PGDATABASE PGSERVICE PGOPTIONS
q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
scalar() { psql -X -q -v ON_ERROR_STOP=1 -tA "$@"; }

# --- data ----------------------------------------------------------------------------------------------------
# The posts table of io.poollab.db.SampleData: the same DDL, and the rows SQL read from that file so the two
# never drift apart.
DDL="CREATE TABLE posts (id BIGINT PRIMARY KEY, author_id INTEGER NOT NULL, thread_id BIGINT,
  created_at TIMESTAMP NOT NULL, updated_at TIMESTAMPTZ, published BOOLEAN NOT NULL, score NUMERIC(10,2),
  external_id UUID, title VARCHAR(120) NOT NULL, body TEXT)"
ROWS_SQL="$(awk '/POSTGRES_ROWS = """/{on=1; next} on && /"""/{sub(/""".*/, ""); print; exit} on' \
    src/main/java/io/poollab/db/SampleData.java)"
[[ "$ROWS_SQL" == *generate_series* ]] || { echo "error: cannot read POSTGRES_ROWS from SampleData.java" >&2; exit 1; }

q -d postgres -c "CREATE DATABASE src" -c "CREATE DATABASE dst"
seed_start=$(date +%s.%N)
# "::bigint" makes g a bigint even where SampleData still says generate_series(1, ?): with an integer g,
# g * 7919 overflows from g = 271,182 on ("integer out of range"). Every expression gives the same value either way.
q -d src -c "$DDL" -c "INSERT INTO posts ${ROWS_SQL//\?/${ROWS}::bigint}" -c "ANALYZE posts"
q -d dst -c "$DDL"
seed_end=$(date +%s.%N)
SIZE="$(scalar -d src -c "SELECT pg_size_pretty(pg_table_size('posts'))")"
printf 'src.posts: %s rows, %s (seeded in %.1f s); server PostgreSQL 16.4 on 127.0.0.1:%s; psql %s; %d cores\n' \
    "$(scalar -d src -c 'SELECT count(*) FROM posts')" "$SIZE" \
    "$(awk -v a="$seed_start" -v b="$seed_end" 'BEGIN{print b-a}')" "$PORT" \
    "$(psql --version | awk '{print $3}')" "$(nproc)"

# --- PoolLab configs -----------------------------------------------------------------------------------------
write_config() { # $1 file, $2 verify mode
    cat >"$1" <<EOF
name: bench copy-vs-psql ($2)
source:
  jdbcUrl: jdbc:postgresql://127.0.0.1:$PORT/src
  username: postgres
target:
  jdbcUrl: jdbc:postgresql://127.0.0.1:$PORT/dst
  username: postgres
tables:
  - source: public.posts
    mode: truncate
workers: $WORKERS
partitionsPerTable: auto
batchRows: 10000
holdConnections: perPartition
pool:
  mode: shared
  source: {maximumPoolSize: 2, minimumIdle: 2}
  target: {maximumPoolSize: 2, minimumIdle: 2}
sampleIntervalMs: 250
verify: $2
copyFormat: binary
EOF
}
write_config "$TMP/none.yaml" none
write_config "$TMP/checksum.yaml" checksum
mkdir -p "$TMP/home"

# --- timing helpers ------------------------------------------------------------------------------------------
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", b-a}'; }
json_number() { grep -o "\"$1\":[-0-9.eE+]*" "$2" | head -n1 | cut -d: -f2; }
prepare_target() {
    q -d dst -c "TRUNCATE posts"
    q -d postgres -c "CHECKPOINT"
}
check_target() { # $1 label
    local count
    count="$(scalar -d dst -c 'SELECT count(*) FROM posts')"
    echo "    dst.posts after $1: $count rows"
    if [[ "$count" != "$ROWS" ]]; then
        echo "error: dst.posts has $count rows after $1, expected $ROWS" >&2
        exit 1
    fi
}

declare -A SAMPLES   # series name → space-separated seconds
add() { SAMPLES[$1]="${SAMPLES[$1]:-} $2"; }

pipe_run() { # $1 series, $2 COPY options ("" or " (FORMAT binary)")
    prepare_target
    local start end
    start=$(now)
    psql -X -q -v ON_ERROR_STOP=1 -d src -c "COPY posts TO STDOUT$2" \
        | psql -X -q -v ON_ERROR_STOP=1 -d dst -c "COPY posts FROM STDIN$2"
    end=$(now)
    add "$1" "$(elapsed "$start" "$end")"
    printf '  %-26s %8.3f s\n' "$1" "$(elapsed "$start" "$end")"
    check_target "$1"
}

poollab_run() { # $1 verify mode, $2 run number
    local json="$TMP/run-$1-$2.json" err="$TMP/run-$1-$2.err" start end status=0
    prepare_target
    start=$(now)
    java -jar target/poollab.jar --home "$TMP/home" run --config "$TMP/$1.yaml" --workers "$WORKERS" --json \
        >"$json" 2>"$err" || status=$?
    end=$(now)
    if [[ $status -ne 0 ]] || ! grep -q '"status":"succeeded"' "$json"; then
        cat "$err" >&2; cat "$json" >&2
        echo "error: PoolLab run (verify: $1) failed with exit code $status" >&2
        exit 1
    fi
    local wall seconds rps verify
    wall="$(elapsed "$start" "$end")"
    seconds="$(json_number seconds "$json")"
    rps="$(json_number rowsPerSecond "$json")"
    verify="$(json_number verifySeconds "$json")"
    add "poollab-$1 wall" "$wall"
    add "poollab-$1 copy" "$seconds"
    [[ "$1" == checksum ]] && add "poollab-$1 verify" "$verify"
    printf '  %-26s %8.3f s wall, copy %s s (%s rows/s), verify %s s, partitions %s, breakdown ms %s\n' \
        "poollab verify:$1" "$wall" "$seconds" "$rps" "$verify" \
        "$(json_number partitions "$json")" "$(grep -o '"timeBreakdownMs":{[^}]*}' "$json" | cut -d: -f2-)"
    if [[ "$2" == 1 ]]; then
        # The plan line names the partitions and the transfer path (copy-binary expected).
        grep -iE 'partition|copy-|transfer' "$err" | head -n3 | sed 's/^/    stderr: /' || true
    fi
    if [[ "$1" == checksum ]] && ! grep -q '"verified":true' "$json"; then
        echo "error: PoolLab verify: checksum did not verify the table" >&2; cat "$json" >&2; exit 1
    fi
    check_target "poollab verify:$1"
}

# --- the runs ------------------------------------------------------------------------------------------------
# One untimed PoolLab run first: it warms the OS page cache of src and checks the setup before anything is timed.
echo "warm-up (untimed): text pipe, PoolLab verify:none"
prepare_target
psql -X -q -d src -c "COPY posts TO STDOUT" | psql -X -q -v ON_ERROR_STOP=1 -d dst -c "COPY posts FROM STDIN"
poollab_run none 0 >/dev/null
SAMPLES=()
for i in $(seq 1 "$REPEAT"); do
    echo "round $i of $REPEAT"
    pipe_run "text pipe" ""
    pipe_run "binary pipe" " (FORMAT binary)"
    poollab_run none "$i"
    poollab_run checksum "$i"
done

# --- table ---------------------------------------------------------------------------------------------------
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -g | head -n1; }
TEXT_MED="$(median <<<"${SAMPLES[text pipe]}")"
BIN_MED="$(median <<<"${SAMPLES[binary pipe]}")"
echo
printf '%s rows, %s, %d runs each, workers %d (PoolLab), medians; ratio = pipe time / tool time (>= 1.0: tool at least as fast)\n' \
    "$ROWS" "$SIZE" "$REPEAT" "$WORKERS"
printf '%-37s %9s %9s %11s %9s %9s\n' tool "median s" "min s" "rows/s" "vs text" "vs binary"
row() { # $1 label, $2 series, $3 "ratio" or "-"
    local med min
    med="$(median <<<"${SAMPLES[$2]}")"
    min="$(minimum <<<"${SAMPLES[$2]}")"
    if [[ "$3" == ratio ]]; then
        awk -v l="$1" -v m="$med" -v n="$min" -v r="$ROWS" -v t="$TEXT_MED" -v b="$BIN_MED" \
            'BEGIN{printf "%-37s %9.3f %9.3f %11.0f %9.2f %9.2f\n", l, m, n, r/m, t/m, b/m}'
    else
        awk -v l="$1" -v m="$med" -v n="$min" 'BEGIN{printf "%-37s %9.3f %9.3f %11s %9s %9s\n", l, m, n, "-", "-", "-"}'
    fi
}
row "psql text pipe" "text pipe" ratio
row "psql binary pipe" "binary pipe" ratio
row "PoolLab verify:none (wall, JVM)" "poollab-none wall" ratio
row "PoolLab verify:none (copy seconds)" "poollab-none copy" ratio
row "PoolLab verify:checksum (wall, JVM)" "poollab-checksum wall" ratio
row "PoolLab verify:checksum (copy s)" "poollab-checksum copy" ratio
row "  of which verifySeconds" "poollab-checksum verify" -
echo
echo "load average at end: $(loadavg)"
echo "samples (s):"
for key in "text pipe" "binary pipe" "poollab-none wall" "poollab-none copy" "poollab-checksum wall" \
           "poollab-checksum copy" "poollab-checksum verify"; do
    printf '  %-24s%s\n' "$key" "${SAMPLES[$key]}"
done
