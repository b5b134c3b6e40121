#!/usr/bin/env bash
# Resident memory (and frames) of the real window through a scripted session, the memory goal
# of issue 9: under Xvfb at 1920x1080 with Mesa's software OpenGL (../shared/tools/frames:
# swaplog.so logs every frame, report.py prints frames, interval, swap, CPU and resident MB per
# phase), driven with xdotool. Run from the project, full screen:
#
#   tools/frames-memory.sh [-o DIR] -- ./frontline-atlas --fullscreen --date 1942-11-19
#   tools/frames-memory.sh [-o DIR] --floor      the same script on the cheapest Fyne window
#
# Phases: 5 s idle after the window shows; ten screens of panning (map drags of 1300 px
# across or 560 px down and up, each a 0.5 s gesture, then 0.5 s for the tiles); the wheel
# over the map zooming in through five tile levels (16 notches of 1.25×, a rest of 1.5 s after
# every 3) and back out the same way; Space to play one year at the default 1 month/s (12.5 s)
# and Space to stop; 3 s. The last line gives the peak resident size of the whole run (VmHWM).
# Screenshots of each phase are left in DIR; look at them to be sure the gestures hit the map.
set -euo pipefail
frames=$(cd "$(dirname "$0")/../../shared/tools/frames" && pwd); out=/tmp/frames-memory; floor=0
while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2;; --floor) floor=1; shift;; --) shift; break;; *) break;; esac; done
mkdir -p "$out"; rm -f "$out"/*.png "$out/swap.txt"
gcc -shared -fPIC -O2 -o "$out/swaplog.so" "$frames/swaplog.c" -ldl
if [ $floor = 1 ]; then
  root=$(git rev-parse --show-toplevel); b=$(mktemp -d)
  cp "$frames/floor.go" "$b/main.go"; cp "$root/go.sum" "$b/"
  sed 's/^module .*/module floor/' "$root/go.mod" > "$b/go.mod"
  (cd "$b" && GOFLAGS=-mod=mod go build -o "$out/floor" .); set -- "$out/floor"
fi
[ $# -ge 1 ] || { sed -n '2,17p' "$0"; exit 2; }
. "$(dirname "$0")/frames-common.sh"
frames_xvfb 350
frames_start SWAPLOG="$out/swap.txt" LD_PRELOAD="$out/swaplog.so" -- "$@"
sleep 3
mark() { frames_mark "$@"; }; shot() { frames_shot "$@"; }
# drag X Y DX DY: one gesture of 25 steps of 20 ms.
drag() { local x=$1 y=$2 dx=$3 dy=$4 n=25; local args=(mousemove "$x" "$y" mousedown 1)
  for i in $(seq 1 $n); do args+=(sleep 0.02 mousemove $((x + i*dx/n)) $((y + i*dy/n))); done
  xdotool "${args[@]}" mouseup 1; sleep 0.5; }
touch "$out/swap.txt"; : > "$out/marks.txt"; mark start; shot start
sleep 5; mark idle5s
# Ten screens, ending where they started: west, west, south, east, east, north, east, south,
# west, north (the theatre's edges stop some of them).
for d in "60 380 1300 0" "60 380 1300 0" "700 660 0 -560" "1350 380 -1300 0" "1350 380 -1300 0" \
         "700 100 0 560" "1350 380 -1300 0" "700 660 0 -560" "60 380 1300 0" "700 100 0 560"; do
  drag $d
done
mark pan10; shot pan10
sleep 1; xdotool mousemove 700 380
for i in 1 2 3 4 5 6; do xdotool click --repeat 3 --delay 120 4; sleep 1.5; done  # 18 notches ≥ 5 levels
mark zoomin; shot zoomin
for i in 1 2 3 4 5 6; do xdotool click --repeat 3 --delay 120 5; sleep 1.5; done
mark zoomout; shot zoomout
xdotool key space; sleep 12.5; xdotool key space
mark play; shot play
sleep 3; mark end
frames_alive
python3 "$frames/report.py" "$out"
echo "peak resident (VmHWM): $(awk '/VmHWM/{printf "%d MB", $2/1024}' /proc/$apid/status)"
