#!/usr/bin/env bash
# Frames of the real window while someone types into the search field: ../shared/tools/frames
# (swaplog.so logs every glXSwapBuffers under Xvfb with Mesa's software OpenGL; report.py prints
# frames, interval and swap percentiles, CPU and memory per phase), with typing phases instead of
# drags. Run from the project, full screen at 1920x1080:
#
#   tools/frames-search.sh [-o DIR] -- ./frontline-atlas --fullscreen
#
# Phases: 5 s idle; "Rokosovsky" typed at one key per 120 ms (a fast typist; every key a search
# with a typo pass); 2 s; the text selected and "Moscow" typed (12 results, 3 headings); 2 s;
# Escape. Screenshots of each phase are left in DIR.
set -euo pipefail
frames=$(cd "$(dirname "$0")/../../shared/tools/frames" && pwd); out=/tmp/frames-search
while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2;; --) shift; break;; *) break;; esac; done
[ $# -ge 1 ] || { sed -n '2,12p' "$0"; exit 2; }
mkdir -p "$out"; rm -f "$out"/*.png "$out/swap.txt"
gcc -shared -fPIC -O2 -o "$out/swaplog.so" "$frames/swaplog.c" -ldl
. "$(dirname "$0")/frames-common.sh"
frames_xvfb 200
frames_start SWAPLOG="$out/swap.txt" LD_PRELOAD="$out/swaplog.so" -- "$@"
sleep 5
mark() { frames_mark "$@"; }; shot() { frames_shot "$@"; }
touch "$out/swap.txt"; : > "$out/marks.txt"; mark start
sleep 5; mark idle5s
xdotool mousemove 800 26 click 1; sleep 1; mark focus
xdotool type --delay 120 Rokosovsky; mark typo; shot typo
sleep 2; mark settle1
xdotool key ctrl+a; xdotool type --delay 120 Moscow; mark moscow; shot moscow
sleep 2; mark settle2
xdotool key Escape; sleep 1; mark end
frames_alive
python3 "$frames/report.py" "$out"
