#!/usr/bin/env bash
# Builds the Linux installer target/installer/pult_0.1.0_amd64.deb with jpackage, on the trimmed
# runtime from jlink/build-runtime.sh. Needs the built app (./mvnw -B -q install -DskipTests).
# Installs to /opt/pult; installer/check-linux.sh installs, starts and removes it.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk
pult_ensure_packages fakeroot

version=0.1.0
runtime=target/pult-runtime
native=softphone-native/target/native/libpultphone.so
dest=target/installer
staging=$dest/input

if [ ! -f app/target/pult-app.jar ] || ! compgen -G 'app/target/lib/*.jar' >/dev/null || [ ! -f "$native" ]; then
    pult_fail "The built app is missing (app/target/pult-app.jar, app/target/lib/, $native).
Build it first:  ./mvnw -B -q install -DskipTests"
fi
[ -x "$runtime/bin/java" ] || jlink/build-runtime.sh

# The jar's manifest names its dependencies as lib/*.jar, so the staging folder keeps that
# layout; jpackage copies it to /opt/pult/lib/app, which the launcher calls $APPDIR.
rm -rf "$dest"
mkdir -p "$staging/lib"
cp app/target/pult-app.jar "$staging/"
cp app/target/lib/*.jar "$staging/lib/"
cp "$native" "$staging/"

# jpackage adds the packages of the native libraries it can see, but only those installed on the
# build machine, so liblinphone10 is named here too. JavaFX unpacks its own natives from the jars
# at first start, unseen: its GTK and GL packages are the list bin/run installs for a checkout.
runtime_deps=$(printf ', %s' "${PULT_RUNTIME_PACKAGES[@]}")

# The JVM flags of bin/run (PULT_JVM_OPTIONS). $APPDIR stays unexpanded on purpose: the
# installed launcher replaces it with /opt/pult/lib/app.
# shellcheck disable=SC2016
"$JAVA_HOME/bin/jpackage" --type deb --dest "$dest" \
    --name pult --app-version "$version" --vendor Pult \
    --description "Contact-center operator console: calls, chats and e-mail in one window" \
    --input "$staging" --main-jar pult-app.jar --main-class org.pult.app.Main \
    --runtime-image "$runtime" \
    --java-options "$PULT_JVM_OPTIONS" \
    --java-options '-Dpult.softphone.library=$APPDIR/libpultphone.so' \
    --icon installer/icons/pult.png --resource-dir installer/linux \
    --linux-shortcut --linux-menu-group Office \
    --linux-package-deps "liblinphone10$runtime_deps"

deb="$dest/pult_${version}_amd64.deb"
[ -f "$deb" ] || pult_fail "jpackage finished but $deb is not there: $(ls "$dest")"
echo "installer: $deb $(du -h "$deb" | cut -f1), installed size $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
