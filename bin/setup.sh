# Shared set-up for bin/run and bin/test (sourced, not run): finds a JDK 25 and installs the
# Debian packages a step needs, or stops and says exactly what to install.

pult_fail() {
    printf '\npult: %s\n' "$*" >&2
    exit 1
}

pult_find_jdk() {
    local candidate
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-25-openjdk-arm64; do
        if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then
            local major
            major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
            if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
                export JAVA_HOME="$candidate"
                export PATH="$JAVA_HOME/bin:$PATH"
                return 0
            fi
        fi
    done
    pult_fail "Pult needs a JDK 25 and found none.
Install Temurin 25 (package temurin-25-jdk from the Adoptium repository) so that
/usr/lib/jvm/temurin-25-jdk-amd64 exists, or set JAVA_HOME to any JDK 25, then run this again."
}

# pult_ensure_packages PKG... : installs the missing ones with apt-get (as root, or through sudo).
pult_ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || pult_fail "These packages are missing: ${missing[*]}. Install them with your system's package manager."
    echo "pult: installing ${missing[*]}" >&2
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            pult_fail "These Debian packages are missing: ${missing[*]}
Install them as root, then run this again:
    sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        fi
    fi
    $sudo apt-get update -qq >/dev/null || pult_fail "apt-get update failed; install by hand: apt-get install -y ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || pult_fail "apt-get could not install: ${missing[*]}"
}

# What building Pult needs (the voice engine's JNI bridge is compiled from softphone-native/),
# and what JavaFX needs to open a window on Linux.
PULT_BUILD_PACKAGES=(cmake make gcc pkg-config liblinphone-dev)
PULT_RUNTIME_PACKAGES=(libgtk-3-0 libxtst6 libgl1 libasound2 fonts-dejavu-core)
# Real peers for the tests: a SIP registrar/proxy (with TLS), sipp, openssl for the test CA, coturn
# (STUN/TURN for the ICE tests) and PulseAudio, whose null sinks stand in for sound cards. The system
# services these packages may install (coturn on port 3478, PulseAudio's user service) are never used:
# the tests start their own turnserver and pulseaudio on free ports and private sockets.
PULT_TEST_PACKAGES=(kamailio kamailio-tls-modules sip-tester openssl coturn pulseaudio pulseaudio-utils)

# The JVM options of every way Pult is started (bin/run, bench/, installer/): serial GC, C1 only
# and a heap that starts small and gives memory back keep an idle console small.
PULT_JVM_OPTIONS="--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms16m -Xmx1g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"

# exec_pult ARGS... : replaces this shell with Pult, built in app/target by ./mvnw install.
# The CDS archive is created on the first start and makes the later ones faster.
exec_pult() {
    mkdir -p "${HOME}/.local/share/linphone"
    # shellcheck disable=SC2086
    exec "$JAVA_HOME/bin/java" $PULT_JVM_OPTIONS \
        -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app/target/pult-cds.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Dpult.softphone.library="$PWD/softphone-native/target/native/libpultphone.so" \
        -cp "app/target/pult-app.jar:app/target/lib/*" \
        org.pult.app.Main "$@"
}
