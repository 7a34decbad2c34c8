#!/bin/sh
# Starts PoolLab as the jpackage launcher would (its lib/app/PoolLab.cfg: class path, main class, Java options),
# minus its package lookup: on Linux the JDK 17 launcher runs `rpm -qf` and `dpkg -S` on itself, twice, before it
# starts the JVM, and `dpkg -S` reads every installed package's file list (0.4 s each here, 871 packages).
# The menu entry and the `poollab` command run this script; bin/PoolLab and bin/poollab still work, only slower.
#   poollab-start.sh [ARGS…]        no arguments: the workbench; with a command: the CLI
set -eu
app=$(dirname "$(readlink -f "$0")")
root=$(dirname "$(dirname "$app")")
main=
classpath=
# The .cfg holds no option with a space in it (packaging/common.options), so each option is one word.
options=
# One sed for the whole file: a process per line would cost more than the lookup this script avoids.
while IFS= read -r line; do
    case $line in
        app.mainclass=*) main=${line#app.mainclass=} ;;
        app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
        java-options=*) options="$options ${line#java-options=}" ;;
    esac
done <<CFG
$(sed "s|\$APPDIR|$app|g; s|\$ROOTDIR|$root|g; s|\$BINDIR|$root/bin|g" "$app/PoolLab.cfg")
CFG
# shellcheck disable=SC2086 # one option per word, see above
exec "$root/lib/runtime/bin/java" $options -Djava.class.path="$classpath" "$main" "$@"
