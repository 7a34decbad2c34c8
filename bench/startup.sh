#!/usr/bin/env bash
# Time from launch to the first window on screen (goal ≤ 2 s), for the packaged app-image's launcher and for
# `java -jar target/poollab.jar`, under Xvfb, each launched ROUNDS times with a fresh home; plus the bundle sizes.
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

# measure LABEL fresh|kept COMMAND…: "fresh" gives every launch a new home (the first start: the history is
# created), "kept" reuses one home that an earlier launch created (every later start).
measure() {
  local label=$1 homes=$2; shift 2
  local times=() kept=""
  if [[ $homes == kept ]]; then
    kept=$(mktemp -d /tmp/poollab-startup.XXXXXX)
    java -jar target/poollab.jar --home "$kept" history list >/dev/null 2>&1
  fi
  for ((i = 0; i < rounds; i++)); do
    local home log pid start shown
    home=${kept:-$(mktemp -d /tmp/poollab-startup.XXXXXX)}
    log=$(mktemp /tmp/poollab-startup-log.XXXXXX)
    start=$(date +%s%3N)
    DISPLAY=:97 POOLLAB_HOME=$home POOLLAB_STARTUP_LOG=1 "$@" 2>"$log" >/dev/null &
    pid=$!
    for ((w = 0; w < 300; w++)); do
      grep -q '^startup:' "$log" 2>/dev/null && break
      sleep 0.05
    done
    shown=$(sed -n 's/^startup: first window shown at epoch \([0-9]*\) ms.*/\1/p' "$log")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ -n "$shown" ]] || { echo "$label: no window within 15 s"; cat "$log"; exit 1; }
    times+=($((shown - start)))
    [[ -n $kept ]] || rm -rf "$home"
    rm -f "$log"
  done
  [[ -z $kept ]] || rm -rf "$kept"
  local sorted
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$label: first window after median ${sorted[$((rounds / 2))]} ms (min ${sorted[0]}, max ${sorted[$((rounds - 1))]}) over $rounds launches   goal ≤ 2000 ms"
}

measure "app-image bin/PoolLab, first start (new home)" fresh target/dist/PoolLab/bin/PoolLab
measure "app-image bin/PoolLab, later starts (existing home)" kept target/dist/PoolLab/bin/PoolLab
measure "java -jar target/poollab.jar, later starts" kept java -Djavafx.cachedir=target/openjfx-cache -jar target/poollab.jar
echo "app-image size: $(du -sh target/dist/PoolLab | cut -f1) (runtime $(du -sh target/dist/PoolLab/lib/runtime | cut -f1))"
ls target/dist/*.deb >/dev/null 2>&1 && echo ".deb size: $(du -h target/dist/*.deb | cut -f1)"
