#!/usr/bin/env bash
# Application class-data sharing (AppCDS) for an app-image: the classes the workbench loads until its first window
# is up, parsed and verified once, then mapped into every later start.
#   packaging/cds-archive.sh train APP_IMAGE     one training start of the workbench (under xvfb-run, or $DISPLAY)
#                                                 writes APP_IMAGE/lib/app/poollab.classlist
#   packaging/cds-archive.sh dump LAUNCHER        writes the archive, lib/app/poollab.jsa, from that class list
# On JDK 17 an archive is valid only for the class path it was made with, and the launcher's class path holds the
# app's absolute folder: so the archive is made where the app will run (at build time for the app-image, by the
# .deb's postinst for /opt/poollab). The launcher's -XX:SharedArchiveFile=$APPDIR/poollab.jsa with -Xshare:auto
# starts without it, silently, when it is missing or stale.
set -euo pipefail

# The options reach the JVM through _JAVA_OPTIONS, so the training start and the dump run the launcher itself,
# with exactly the class path and options of a user's start.
case ${1:-} in
  train)
    image=${2:?usage: packaging/cds-archive.sh train APP_IMAGE}
    list="$image/lib/app/poollab.classlist"
    if [[ -z ${DISPLAY:-} ]] && [[ ${POOLLAB_CDS_UNDER_XVFB:-} != 1 ]]; then
      command -v xvfb-run >/dev/null || { echo "no class list: no display and no xvfb-run (apt-get install -y xvfb)"; exit 1; }
      POOLLAB_CDS_UNDER_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" train "$image"
    fi
    home=$(mktemp -d /tmp/poollab-cds-home.XXXXXX)
    log="$home/startup.log"
    rm -f "$list"
    POOLLAB_HOME=$home POOLLAB_STARTUP_LOG=1 _JAVA_OPTIONS="-XX:DumpLoadedClassList=$list" \
      "$image/bin/PoolLab" >/dev/null 2>"$log" &
    pid=$!
    for ((w = 0; w < 1200; w++)); do
      grep -q '^startup:' "$log" 2>/dev/null && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    shown=$(grep -c '^startup:' "$log" || true)
    # A little longer than the first window: its first frames and the first background work load classes too.
    [[ $shown == 1 ]] && sleep 2
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ $shown != 1 || ! -s $list ]]; then
      echo "no class list: the training start showed no window"; cat "$log"; rm -rf "$home"; exit 1
    fi
    rm -rf "$home"
    echo "class list: $list ($(wc -l <"$list") classes)"
    ;;
  dump)
    launcher=${2:?usage: packaging/cds-archive.sh dump LAUNCHER}
    app=$(dirname "$(readlink -f "$launcher")")/../lib/app
    # The JVM reports each class it cannot archive (signed jars, JFR events) as a warning: expected, so kept quiet.
    if _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/poollab.classlist" "$launcher" >/dev/null 2>&1 \
        && [[ -s $app/poollab.jsa ]]; then
      echo "class-data archive: $(readlink -f "$app/poollab.jsa") ($(du -h "$app/poollab.jsa" | cut -f1))"
    else
      rm -f "$app/poollab.jsa"
      echo "no class-data archive: the dump failed; PoolLab starts without it"
      exit 1
    fi
    ;;
  *)
    echo "usage: packaging/cds-archive.sh train APP_IMAGE | dump LAUNCHER" >&2
    exit 2
    ;;
esac
