# shellcheck shell=bash
# Shared by jlink/check-runtime.sh and installer/check-linux.sh (sourced after bin/setup.sh, not
# run): starts a Pult command for 8-30 s under its own virtual display, screenshots it,
# and fails on any sign that the runtime or the class path lacks something. Callers must run
# pult_smoke_cleanup on exit (trap), so no Pult or Xvfb outlives a failed check.

smoke_dir="" smoke_app="" smoke_xvfb=""

# pult_smoke DISPLAY SCREENSHOT COMMAND... : runs COMMAND --benchmark-startup in Russian with a
# fresh data folder, which signs in to the embedded hub by itself and so goes through the HTTP
# client, JSON, SQLite and the localized dates, not only the sign-in window.
pult_smoke() {
    local display=$1 screenshot=$2
    shift 2
    [ ! -e "/tmp/.X11-unix/X${display#:}" ] || pult_fail "Display $display is taken; stop that X server first."
    smoke_dir=$(mktemp -d)

    Xvfb "$display" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
    smoke_xvfb=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

    local home="$smoke_dir/pult-home" log="$smoke_dir/console.log"
    mkdir -p "$home" "$HOME/.local/share/linphone"
    printf 'language=ru\n' > "$home/settings.properties"
    echo "smoke: starting $1 under Xvfb $display…" >&2
    DISPLAY=$display PULT_HOME=$home "$@" --benchmark-startup >"$log" 2>&1 &
    smoke_app=$!
    # At least 8 s so late failures show up; on a busy machine the console can take longer.
    local seconds=0
    until { [ "$seconds" -ge 8 ] && grep -q 'BENCHMARK consoleShownMs' "$log"; } || [ "$seconds" -ge 30 ]; do
        sleep 1
        seconds=$((seconds + 1))
        kill -0 "$smoke_app" 2>/dev/null || { cat "$log" >&2; pult_fail "Pult exited after $seconds s."; }
    done
    DISPLAY=$display import -window root "$screenshot"
    kill "$smoke_app"; wait "$smoke_app" 2>/dev/null || true; smoke_app=""

    echo "---- console output after $seconds s ----" >&2; cat "$log" >&2; echo "----" >&2
    local logs=("$log")
    if [ -f "$home/logs/pult.log" ]; then
        logs+=("$home/logs/pult.log")
    else
        echo "smoke: WARNING: no pult.log in \$PULT_HOME/logs; the file log went elsewhere (checking the console output only)." >&2
    fi
    if grep -E -n 'ClassNotFoundException|NoClassDefFoundError|[Mm]odule .* not found|UnsatisfiedLinkError' "${logs[@]}"; then
        pult_fail "Pult lacks something it needs (lines above)."
    fi
    local expected
    for expected in 'Embedded hub listening' 'Softphone library loaded from' 'BENCHMARK consoleShownMs'; do
        grep -q "$expected" "${logs[@]}" || pult_fail "No '$expected' in Pult's output within $seconds s."
    done
    echo "smoke: OK after $seconds s: hub listening, softphone library loaded, console shown, nothing missing. Screenshot: $screenshot" >&2
}

pult_smoke_cleanup() {
    [ -z "$smoke_app" ] || kill "$smoke_app" 2>/dev/null || true
    [ -z "$smoke_xvfb" ] || kill "$smoke_xvfb" 2>/dev/null || true
    [ -z "$smoke_dir" ] || rm -rf "$smoke_dir"
}
