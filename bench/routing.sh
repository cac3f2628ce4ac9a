#!/usr/bin/env bash
# Routing benchmark (issue "The hub grows up": queues, skills, routing). Usage:
#   bench/routing.sh [--runs 3] [--operators 500] [--queues 10] [--items 20000] [--refill 100]
# Compiles the hub and its tests in the reactor (tests not run, nothing installed), then runs
# org.pult.hub.bench.RoutingBenchmark (a main in the test sources, never run by `mvn verify`)
# RUNS times, each in a fresh JVM on a fresh database in a temporary folder, and prints the
# median of each phase over the runs. Every run's raw output goes to
# src/hub/target/bench-results/ (not committed; the figures go to docs/benchmarks/routing.md).
# Skip the build with PULT_BENCH_NO_BUILD=1. Offline Maven: MAVEN_ARGS=-o bench/routing.sh
# Machines are shared and noisy: quote medians, compare runs made close together.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk

runs=3
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --*) [ $# -ge 2 ] || pult_fail "option $1 needs a value"; args+=("$1" "$2"); shift 2 ;;
        *) pult_fail "unknown argument: $1 (see the comment at the top of $0)" ;;
    esac
done

out=src/hub/target/bench-results
if [ -z "${PULT_BENCH_NO_BUILD:-}" ]; then
    echo "compiling core and hub with their tests (tests not run)..." >&2
    # One reactor build: core resolves to its target/classes, nothing comes from ~/.m2 for it.
    ./mvnw -B -q test-compile dependency:build-classpath -pl src/hub -am -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
[ -d src/hub/target/test-classes/org/pult/hub/bench ] \
    || pult_fail "the benchmark classes are not compiled; run without PULT_BENCH_NO_BUILD"
classpath="src/hub/target/test-classes:src/hub/target/classes:src/core/target/classes:$(cat src/hub/target/bench-classpath.txt)"
mkdir -p "$out"
stamp="$(date +%Y%m%d-%H%M%S)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pult-routing-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
for run in $(seq "$runs"); do
    file="$out/routing-$stamp-run$run.txt"
    echo "==== run $run of $runs ====" >&2
    "$JAVA_HOME/bin/java" -Xmx1g --enable-native-access=ALL-UNNAMED \
        -Dlogback.configurationFile="$PWD/src/hub/src/test/resources/logback-test.xml" \
        -cp "$classpath" org.pult.hub.bench.RoutingBenchmark --dir "$work/run$run" --label "run$run" \
        ${args[@]+"${args[@]}"} | tee "$file"
done
echo "==== medians over $runs runs ====" >&2
cat "$out"/routing-"$stamp"-run*.txt | awk '
    / RESULT / {
        phase = $3
        for (i = 4; i <= NF; i++) { split($i, kv, "="); values[phase, kv[1]] = values[phase, kv[1]] " " kv[2] }
        phases[phase] = 1
    }
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
        split("fill full refill", order, " ")
        for (k = 1; k <= 3; k++) {
            p = order[k]
            if (!(p in phases)) continue
            printf "%-6s decisions=%s pass_ms=%s decisions_per_s=%s   (runs:%s)\n", p, median(values[p, "decisions"]),
                median(values[p, "pass_ms"]), median(values[p, "decisions_per_s"]), values[p, "decisions_per_s"]
        }
    }'
