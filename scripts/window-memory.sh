#!/usr/bin/env bash
# The real window's memory and CPU while it opens a folder, as BENCHMARKS.md measures it:
# starts the window under its own Xvfb (display :7, 1366×768, llvmpipe), samples /proc every
# 20 ms for SAMPLES samples, then prints one line: the peak RSS, the anonymous RSS at the
# peak, the RSS at the end, the CPU ticks used and when the peak came (ms after start).
#
#   scripts/window-memory.sh open /tmp/ws250k     # a folder
#   SAMPLES=100 scripts/window-memory.sh          # the empty window (the sample)
#   BIN=/tmp/old-build scripts/window-memory.sh open /tmp/ws250k
#
# Fill the page cache first for warm figures: find DIR -name '*.ron' -print0 | xargs -0 cat >/dev/null
# Needs Xvfb. Settings go to a throwaway home, so no earlier folder is reopened.
set -euo pipefail
bin=${BIN:-target/release/twe-planner}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
Xvfb :7 -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 1
mkdir -m 700 "$home/run"
start=$(date +%s%N)
DISPLAY=:7 HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config \
    XDG_RUNTIME_DIR=$home/run LANG=en_GB.UTF-8 "$bin" "$@" >"$home/log" 2>&1 &
pid=$!
peak=0 anon_at_peak=0 peak_at=0 rss=0 ticks=0
for _ in $(seq 1 "${SAMPLES:-400}"); do
    sleep 0.02
    [ -r "/proc/$pid/status" ] || break
    now=$(( ($(date +%s%N) - start) / 1000000 ))
    # The process may end between the look and the read: then the samples end too.
    read -r rss anon < <(awk '/^VmRSS/{r=$2} /^RssAnon/{a=$2} END{print int(r/1024), int(a/1024)}' \
        "/proc/$pid/status" 2>/dev/null) || break
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || break
    if [ "$rss" -gt "$peak" ]; then peak=$rss anon_at_peak=$anon peak_at=$now; fi
done
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
echo "peak ${peak} MB (anonymous ${anon_at_peak} MB) at ${peak_at} ms; at the end ${rss} MB; ${ticks} CPU ticks"
