#!/usr/bin/env bash
# Checks that target/pult-runtime (from jlink/build-runtime.sh) really runs Pult: a probe of the
# services jdeps cannot see, then Pult itself for 8 s under a virtual display (jlink/smoke.sh).
# Usage: jlink/check-runtime.sh [SCREENSHOT.png]   (default /tmp/jlink-check.png)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
source jlink/smoke.sh
pult_find_jdk

runtime=target/pult-runtime
[ -x "$runtime/bin/java" ] || pult_fail "$runtime is missing; run jlink/build-runtime.sh first."
[ -f app/target/pult-app.jar ] || pult_fail "app/target/pult-app.jar is missing; build the app first."
trap pult_smoke_cleanup EXIT

echo "check: runtime probe (Russian dates, TLS, EC keys)…" >&2
probe_dir=$(mktemp -d)
"$JAVA_HOME/bin/javac" --release 25 -d "$probe_dir" jlink/RuntimeProbe.java
"$runtime/bin/java" -Xshare:on -cp "$probe_dir" RuntimeProbe
rm -rf "$probe_dir"

# shellcheck disable=SC2086
pult_smoke :55 "${1:-/tmp/jlink-check.png}" \
    "$runtime/bin/java" $PULT_JVM_OPTIONS \
    -Dpult.softphone.library="$PWD/softphone-native/target/native/libpultphone.so" \
    -cp 'app/target/pult-app.jar:app/target/lib/*' org.pult.app.Main
