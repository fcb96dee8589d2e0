#!/bin/sh
# Makes Vigil's class-data sharing archive (AppCDS), lib/app/vigil.jsa, from lib/app/vigil.classlist: the classes
# the tray app loads by its icon, parsed and verified once, so every launch maps them instead of reading them from
# the jar (the launcher's --java-options name $APPDIR/vigil.jsa). Made where the app is installed, by its own
# runtime, because an archive only serves the JVM that wrote it and the jar it saw (path, size and time stamp):
# the .deb's postinst runs this, and installer/build-linux.sh for the app image. Without the archive, or with one
# that does not match, Vigil starts as before, only slower.
# Usage: cds-archive.sh [VIGIL_HOME]     (default: the folder two levels above this script; the dump's output goes
#                                        to $CDS_LOG when set)
set -e
home="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
app="$home/lib/app"
rm -f "$app/vigil.jsa"
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/vigil.classlist -XX:SharedArchiveFile=$app/vigil.jsa" \
  "$home/bin/vigil" >"${CDS_LOG:-/dev/null}" 2>&1
[ -s "$app/vigil.jsa" ]
