#!/usr/bin/env bash
# The real window's memory and CPU while it opens a folder, as BENCHMARKS.md measures it:
# starts the window under an Xvfb of its own (1366×768, a free display, drawn by llvmpipe),
# looks at /proc every 20 ms (plus the time the look takes) for SAMPLES looks, then prints
# one line: the peak resident memory (the kernel's high-water mark, VmHWM), when the largest
# RSS looked at came and its anonymous part, the RSS at the end and the CPU ticks used.
#
#   scripts/window-memory.sh open /tmp/ws250k     # a folder
#   SAMPLES=60 scripts/window-memory.sh           # the empty window (the sample)
#   BIN=/tmp/old-build scripts/window-memory.sh open /tmp/ws250k
#
# Fill the page cache first for warm figures: find DIR -name '*.ron' -print0 | xargs -0 cat >/dev/null
# Settings go to a throwaway home, so no earlier folder is reopened. Fails (exit 1, with the
# window's output) when Xvfb or the window does not start or the window ends early.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-target/release/twe-planner}
command -v Xvfb >/dev/null || { echo "Xvfb is not installed (apt install xvfb)" >&2; exit 1; }
[ -x "$bin" ] || { echo "$bin: no such program (cargo build --release)" >&2; exit 1; }
home=$(mktemp -d)
xvfb=
cleanup() {
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
    rm -rf "$home"
}
trap cleanup EXIT
# Xvfb picks a free display and writes its number once it is ready.
Xvfb -displayfd 3 -screen 0 1366x768x24 3>"$home/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 1 100); do
    [ -s "$home/display" ] && break
    sleep 0.05
done
[ -s "$home/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
display=":$(head -n1 "$home/display")"
mkdir -m 700 "$home/run"
start=$(date +%s%N)
DISPLAY=$display HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
    XDG_RUNTIME_DIR=$home/run LANG=en_GB.UTF-8 "$bin" "$@" >"$home/log" 2>&1 &
pid=$!
# Whether the window's process still runs (not ended, not a zombie waiting to be reaped).
alive() {
    local state
    state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}
largest=0 anon_at_largest=0 largest_at=0 rss=0 hwm=0 ticks=0 looks=0
for _ in $(seq 1 "${SAMPLES:-400}"); do
    sleep 0.02
    alive || break
    status=$(cat "/proc/$pid/status" 2>/dev/null) || break
    now=$(( ($(date +%s%N) - start) / 1000000 ))
    read -r rss anon hwm <<<"$(awk '/^VmRSS/{r=$2} /^RssAnon/{a=$2} /^VmHWM/{h=$2}
        END{print int(r/1024), int(a/1024), int(h/1024)}' <<<"$status")"
    # Fields after the command's name, which may hold spaces: utime and stime are 12 and 13.
    ticks=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
    looks=$((looks + 1))
    if [ "$rss" -gt "$largest" ]; then largest=$rss anon_at_largest=$anon largest_at=$now; fi
done
if ! alive; then
    echo "the window ended after $looks looks; its output:" >&2
    cat "$home/log" >&2
    exit 1
fi
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
echo "peak ${hwm} MB (largest RSS looked at ${largest} MB, anonymous ${anon_at_largest} MB, at ${largest_at} ms); at the end ${rss} MB; ${ticks} CPU ticks"
