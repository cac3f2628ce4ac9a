#!/usr/bin/env bash
# Softphone benchmark (issue "Softphone benchmark"). Usage:
#   bench/softphone.sh [--runs 2] [--calls 50] [--warmup 3] [--answer-delay-ms 300]
#                      [--cpu-calls 5] [--cpu-window-s 20] [--cpu-codecs PCMA,opus] [--parts memory,latency,cpu]
# Builds siplab, softphone-native and softphone (tests skipped, offline when the local Maven
# repository allows), then runs org.pult.softphone.bench.SoftphoneBenchmark (a main in the test
# sources, never run by `mvn verify`) RUNS times, each in a fresh JVM with the app's JVM options.
# Each run prints medians and p95 and writes its report with the raw samples to
# src/softphone/target/bench-results/ (not committed; the figures go to docs/benchmarks/softphone.md).
# Loopback only, engines in file-audio mode; the memory and CPU parts start a second JVM for the
# far ends. Skip the build with PULT_BENCH_NO_BUILD=1.
# Machines are shared and noisy: quote medians, compare runs made close together.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk

runs=2
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --*) [ $# -ge 2 ] || pult_fail "option $1 needs a value"; args+=("$1" "$2"); shift 2 ;;
        *) pult_fail "unknown argument: $1 (see the comment at the top of $0)" ;;
    esac
done

modules=src/siplab,softphone-native,src/softphone
if [ -z "${PULT_BENCH_NO_BUILD:-}" ]; then
    echo "building $modules (tests skipped)..." >&2
    ./mvnw -B -q -o install -DskipTests -pl "$modules" -am \
        || ./mvnw -B -q install -DskipTests -pl "$modules" -am
fi
library="$PWD/softphone-native/target/native/libpultphone.so"
[ -f "$library" ] || pult_fail "$library is missing; build softphone-native (see softphone-native/README.md)"
[ -d src/softphone/target/test-classes/org/pult/softphone/bench ] \
    || pult_fail "the benchmark classes are not compiled; run without PULT_BENCH_NO_BUILD"

out=src/softphone/target/bench-results
mkdir -p "$out"
./mvnw -B -q -o dependency:build-classpath -pl src/softphone -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null \
    || ./mvnw -B -q dependency:build-classpath -pl src/softphone -Dmdep.includeScope=test \
        -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
classpath="src/softphone/target/test-classes:src/softphone/target/classes:$(cat "$out/classpath.txt")"

work="$PWD/src/softphone/target/softphone-bench-work"
rm -rf "$work"
stamp="$(date +%Y%m%d-%H%M%S)"
for run in $(seq "$runs"); do
    file="$out/softphone-$stamp-run$run.txt"
    echo "==== run $run of $runs ====" >&2
    # shellcheck disable=SC2086
    "$JAVA_HOME/bin/java" $PULT_JVM_OPTIONS -Dpult.softphone.library="$library" -cp "$classpath" \
        org.pult.softphone.bench.SoftphoneBenchmark --label "run $run of $runs" \
        --work "$work" --out "$file" ${args[@]+"${args[@]}"}
done
