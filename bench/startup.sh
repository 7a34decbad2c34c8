#!/usr/bin/env bash
# Time from launch to the first window on screen (goal ≤ 2 s), for the packaged app-image's start script (what the
# menu entry and the poollab command run; with its class-data archive, and without: -Xshare:off), its jpackage
# launcher bin/PoolLab, and `java -jar target/poollab.jar`, under Xvfb, each launched
# ROUNDS times; plus the CPU time to the first window (steadier than the wall clock on a shared machine), when each
# startup phase ended (POOLLAB_STARTUP_LOG), and the bundle sizes.
#   bench/startup.sh [ROUNDS]      (default 5; needs: apt-get install -y xvfb libgtk-3-0 libxtst6 libgl1)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
if [[ ! -x target/dist/PoolLab/bin/PoolLab ]]; then
  mvn -B -q -DskipTests package
  packaging/build.sh "$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout)" --app-image-only
fi
Xvfb :97 -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
min() { printf '%s\n' "$@" | sort -n | head -1; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }

# measure LABEL fresh|kept COMMAND…: "fresh" gives every launch a new home (the first start: the history is
# created), "kept" reuses one home that an earlier launch created (every later start).
measure() {
  local label=$1 homes=$2; shift 2
  local times=() cpus=() phases=() launcher=() kept=""
  if [[ $homes == kept ]]; then
    kept=$(mktemp -d /tmp/poollab-startup.XXXXXX)
    java -jar target/poollab.jar --home "$kept" history list >/dev/null 2>&1
  fi
  for ((i = 0; i < rounds; i++)); do
    local home log pid start shown line
    home=${kept:-$(mktemp -d /tmp/poollab-startup.XXXXXX)}
    log=$(mktemp /tmp/poollab-startup-log.XXXXXX)
    start=$(date +%s%3N)
    DISPLAY=:97 POOLLAB_HOME=$home POOLLAB_STARTUP_LOG=1 "$@" 2>"$log" >/dev/null &
    pid=$!
    for ((w = 0; w < 300; w++)); do
      grep -q '^startup:' "$log" 2>/dev/null && break
      sleep 0.05
    done
    line=$(grep '^startup:' "$log" || true)
    shown=$(sed -n 's/^startup: first window shown at epoch \([0-9]*\) ms.*/\1/p' <<<"$line")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ -n "$shown" ]] || { echo "$label: no window within 15 s"; cat "$log"; exit 1; }
    times+=($((shown - start)))
    launcher+=($((shown - start - $(sed -n 's/.* ms, \([0-9]*\) ms after the JVM started,.*/\1/p' <<<"$line"))))
    cpus+=($(sed -n 's/.* \([0-9]*\) ms of CPU.*/\1/p' <<<"$line"))
    # "main 50, history 980, toolkit 1100, ...": each phase's end, ms after the JVM started.
    phases+=("$(sed -n 's/.*JVM started: \(.*\))$/\1/p' <<<"$line")")
    [[ -n $kept ]] || rm -rf "$home"
    rm -f "$log"
  done
  [[ -z $kept ]] || rm -rf "$kept"
  echo "$label: first window after median $(median "${times[@]}") ms (min $(min "${times[@]}"), max \
$(max "${times[@]}")) over $rounds launches, $(median "${cpus[@]}") ms of CPU   goal ≤ 2000 ms"
  local name names
  names=$(sed 's/ [0-9][0-9]*//g; s/,/ /g' <<<"${phases[0]}")
  printf '  launch to JVM started %s ms; phases ended at (median, ms after the JVM started):' \
    "$(median "${launcher[@]}")"
  for name in $names; do
    printf ' %s %s' "$name" "$(median $(printf '%s\n' "${phases[@]}" | sed -n "s/.*\b$name \([0-9]*\).*/\1/p"))"
  done
  echo
}

start=target/dist/PoolLab/lib/app/poollab-start.sh
measure "app-image poollab-start.sh (menu entry, poollab command), first start (new home)" fresh $start
measure "app-image poollab-start.sh (menu entry, poollab command), later starts (existing home)" kept $start
measure "app-image bin/PoolLab (jpackage launcher), later starts" kept target/dist/PoolLab/bin/PoolLab
_JAVA_OPTIONS=-Xshare:off measure "app-image poollab-start.sh, later starts, no class-data archive" kept $start
measure "java -jar target/poollab.jar, later starts" kept java -Djavafx.cachedir=target/openjfx-cache -jar target/poollab.jar
jsa=target/dist/PoolLab/lib/app/poollab.jsa
echo "app-image size: $(du -sh target/dist/PoolLab | cut -f1) (runtime $(du -sh target/dist/PoolLab/lib/runtime | cut -f1),\
 class-data archive $( [[ -f $jsa ]] && du -h $jsa | cut -f1 || echo "missing: packaging/cds-archive.sh"))"
ls target/dist/*.deb >/dev/null 2>&1 && echo ".deb size: $(du -h target/dist/*.deb | cut -f1)"
