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
disp=:$(( 200 + RANDOM % 50 ))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
apid=; trap '[ -n "$apid" ] && kill $apid 2>/dev/null; kill $xpid 2>/dev/null || true' EXIT
sleep 1; export DISPLAY=$disp LANG=${LANG:-en_US.UTF-8}
SWAPLOG="$out/swap.txt" LD_PRELOAD="$out/swaplog.so" "$@" >"$out/program.log" 2>&1 & apid=$!
for i in $(seq 1 100); do xdotool search --pid $apid >/dev/null 2>&1 && break; sleep 0.1; done
sleep 5
mark() { echo "$1 $(wc -l < "$out/swap.txt" 2>/dev/null || echo 0) $(date +%s%N) $(awk '{print $14+$15}' /proc/$apid/stat) $(awk '/VmRSS/{print $2}' /proc/$apid/status)" >> "$out/marks.txt"; }
shot() { import -window root "$out/$1.png" 2>/dev/null || true; }
touch "$out/swap.txt"; : > "$out/marks.txt"; mark start
sleep 5; mark idle5s
xdotool mousemove 800 26 click 1; sleep 1; mark focus
xdotool type --delay 120 Rokosovsky; mark typo; shot typo
sleep 2; mark settle1
xdotool key ctrl+a; xdotool type --delay 120 Moscow; mark moscow; shot moscow
sleep 2; mark settle2
xdotool key Escape; sleep 1; mark end
kill -0 $apid 2>/dev/null || { echo "the program died:"; tail -20 "$out/program.log"; exit 1; }
python3 "$frames/report.py" "$out"
