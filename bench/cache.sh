#!/usr/bin/env bash
# Cache benchmark (issue "Offline-first cache and sync"). Usage:
#   bench/cache.sh [--messages 1000000] [--conversations 100000] [--queries 300] [--opens 500]
#                  [--actions 5000] [--dir DIR [--reuse]]
# Builds a cache of N messages through the stores' sync upserts (ingest rate), then measures
# full-text search (median/p95 over a few hundred varied queries), opening a conversation, and
# the replay of an outbox filled offline against the real hub in-process over loopback HTTP.
# Without --dir the cache goes to a temporary folder that is removed afterwards; with --dir it
# stays, and --reuse skips the ingest on the next run. Offline Maven: MAVEN_ARGS=-o bench/cache.sh
# Never part of `mvn verify`: the sources are in src/cache/src/bench and compiled here.
# Machines are shared and noisy: quote medians, and compare runs made close together.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk

if [ -z "${PULT_BENCH_NO_BUILD:-}" ]; then
    echo "building core, cache, hub and sync (tests skipped)..." >&2
    ./mvnw -B -q install -DskipTests -pl src/core,src/cache,src/hub,src/sync
fi
out=src/cache/target/bench
mkdir -p "$out/classes"
./mvnw -B -q dependency:build-classpath -pl src/sync -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
classpath="$(ls src/sync/target/pult-sync-*.jar | grep -v sources | head -1):$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/javac" -d "$out/classes" -cp "$classpath" $(find src/cache/src/bench/java -name '*.java')

args=("$@")
tmp=""
if [[ " $* " != *" --dir "* ]]; then
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/pult-cache-bench.XXXXXX")"
    trap 'rm -rf "$tmp"' EXIT
    args+=(--dir "$tmp")
fi
"$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED \
    -Dlogback.configurationFile="$PWD/src/cache/src/bench/resources/logback-bench.xml" \
    -cp "$out/classes:$classpath" org.pult.cache.bench.CacheBenchmark "${args[@]}"
