#!/usr/bin/env bash
# Startup and memory benchmark. Usage: bench/startup.sh [RUNS] [embedded|external]
# Each run starts Pult with --benchmark-startup under Xvfb (unless a display is set): it signs in
# as the demo operator and logs the figures; this prints their medians. "embedded" (default) is
# the run command's configuration, hub in-process; "external" runs the hub as its own process,
# as an operator's PC with a real backend would.
# Machines are shared and noisy: compare medians from one run of this script, not single starts.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk
runs="${1:-7}"
backend_mode="${2:-embedded}"

[ -f app/target/pult-app.jar ] || ./mvnw -B -q install -DskipTests
if [ -z "${DISPLAY:-}" ]; then
    Xvfb :77 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
    export DISPLAY=:77
    sleep 1
fi
export PULT_HOME="$(mktemp -d)/pult-home"
log="$(mktemp)"
pult_args=(--benchmark-startup)
if [ "$backend_mode" = external ]; then
    hub_port=$(( 20000 + RANDOM % 20000 ))
    "$JAVA_HOME/bin/java" -jar src/hub/target/pult-hub.jar --port "$hub_port" --data "$(dirname "$PULT_HOME")/hub" >/dev/null 2>&1 &
    hub_pid=$!
    trap 'kill $hub_pid ${xvfb_pid:-} 2>/dev/null || true' EXIT
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$hub_port/api/v1/health" >/dev/null && break; sleep 0.2; done
    pult_args+=(--backend "http://127.0.0.1:$hub_port")
fi

run_once() {
    (exec_pult "${pult_args[@]}") >"$log" 2>&1 || true
    grep -o 'BENCHMARK .*' "$log" | tr '\n' ' '
    echo
}

echo "warm-up (creates the CDS archive, seeds the hub and the cache):" >&2
run_once >&2
results=()
for i in $(seq "$runs"); do
    line=$(run_once)
    echo "run $i: $line" >&2
    results+=("$line")
done

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) {print "n/a"} else if (NR%2) {print a[(NR+1)/2]} else {print (a[NR/2]+a[NR/2+1])/2}}'; }
figure() { printf '%s\n' "${results[@]}" | grep -o "$1=[0-9]*" | cut -d= -f2 | median; }
echo "runs: $runs, backend: $backend_mode"
echo "median JVM start -> sign-in window shown:  $(figure windowShownMs) ms"
echo "median JVM start -> console with inbox:    $(figure consoleShownMs) ms (includes the automatic sign-in)"
echo "median resident memory, console idle 10 s: $(( $(figure idleRssKb) / 1024 )) MB"
