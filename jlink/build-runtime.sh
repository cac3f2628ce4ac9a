#!/usr/bin/env bash
# Builds target/pult-runtime: a Java runtime holding only the JDK modules Pult uses, with a CDS
# archive, for the installers. Usage: jlink/build-runtime.sh [--update-modules]
# The module list is derived from the built app with jdeps and must match jlink/modules.txt;
# when the app's dependencies change, --update-modules rewrites the file (review the diff).
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/setup.sh
pult_find_jdk

case "${1:-}" in
    "" | --update-modules) ;;
    *) pult_fail "Unknown argument: $1. Usage: jlink/build-runtime.sh [--update-modules]" ;;
esac
modules_file=jlink/modules.txt
output=target/pult-runtime

# jdeps sees only static references. These modules are reached through the service loader,
# so they are added by hand (see jlink/modules.md for why each one is needed):
#   jdk.localedata - CLDR data for Russian month names and date formats; java.base has English only
extra_modules=(jdk.localedata)

if [ ! -f app/target/pult-app.jar ] || ! compgen -G 'app/target/lib/*.jar' >/dev/null; then
    pult_fail "app/target/pult-app.jar and app/target/lib/ are missing. Build the app first:
    ./mvnw -B -q install -DskipTests"
fi

# Every jar, JavaFX's modular ones too, is read as part of the unnamed module here, so jdeps
# names JDK modules only (JavaFX's own requirements among them, e.g. java.desktop, jdk.jfr).
echo "jlink: deriving the module list with jdeps…" >&2
jdeps_modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
    --class-path 'app/target/lib/*' app/target/pult-app.jar)
derived=$( { tr ',' '\n' <<<"$jdeps_modules"; printf '%s\n' "${extra_modules[@]}"; } | sort -u | paste -sd, )

if [ "${1:-}" = "--update-modules" ] || [ ! -f "$modules_file" ]; then
    echo "$derived" > "$modules_file"
    echo "jlink: wrote $modules_file: $derived" >&2
elif [ "$derived" != "$(cat "$modules_file")" ]; then
    checked_in=$(tr ',' '\n' < "$modules_file" | sort)
    now=$(tr ',' '\n' <<<"$derived")
    pult_fail "The app's JDK modules drifted from $modules_file.
  needed now, missing from the file: $(comm -13 <(echo "$checked_in") <(echo "$now") | paste -sd' ')
  in the file, no longer needed:     $(comm -23 <(echo "$checked_in") <(echo "$now") | paste -sd' ')
If the change is intended, run: jlink/build-runtime.sh --update-modules
and say in jlink/modules.md why each new module is needed."
fi

echo "jlink: linking $output with $(cat "$modules_file")" >&2
rm -rf "$output"
mkdir -p "$(dirname "$output")"
"$JAVA_HOME/bin/jlink" \
    --add-modules "$(cat "$modules_file")" \
    --include-locales=en,ru \
    --strip-debug --no-header-files --no-man-pages --compress zip-6 \
    --output "$output"

# jlink leaves the image without a CDS archive (the JDK's own would not match the trimmed module
# graph); without one every start of the installed app loads java.base's classes from scratch.
# -Xshare:on fails loudly if the fresh archive cannot be mapped.
"$output/bin/java" -Xshare:dump >/dev/null
"$output/bin/java" -Xshare:on -version >/dev/null 2>&1 || pult_fail "$output ignores its CDS archive"

echo "jlink: runtime image $(du -sh "$output" | cut -f1) in $output"
