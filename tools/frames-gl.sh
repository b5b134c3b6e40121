#!/usr/bin/env bash
# GL work per frame of the real window, counted rather than timed, so that a loaded machine
# cannot spoil it: under Xvfb with Mesa's software OpenGL, an LD_PRELOAD shim
# (framesgl/glcount.c: go-gl looks GL functions up with glXGetProcAddress, which the shim
# wraps) counts the draw calls (glDrawArrays) and the bytes of texture uploaded
# (glTexImage2D, glTexSubImage2D) between two glClear calls (one a frame), while the window
# is dragged as ../shared/tools/frames/run.sh drags it: a 150-step map drag (4 px per 16 ms),
# 2 s of rest, a 150-step timeline drag. Run from the project, full screen:
#
#   tools/frames-gl.sh [-o DIR] -- ./frontline-atlas --fullscreen --date 1942-11-19
#
# It prints, per phase: frames, draw calls per frame, kB of texture uploaded per frame. With
# llvmpipe every draw call costs CPU whatever its size (docs/performance.md, "The real window").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); out=/tmp/frames-gl
while [ $# -gt 0 ]; do case $1 in -o) out=$2; shift 2;; --) shift; break;; *) break;; esac; done
[ $# -ge 1 ] || { sed -n '2,13p' "$0"; exit 2; }
mkdir -p "$out"; rm -f "$out/gl.txt" "$out/marks.txt"
gcc -shared -fPIC -O2 -o "$out/glcount.so" "$here/framesgl/glcount.c" -ldl
. "$here/frames-common.sh"
frames_xvfb 300
frames_start GLCOUNT="$out/gl.txt" LD_PRELOAD="$out/glcount.so" -- "$@"
sleep 8
mark() { echo "$1 $(date +%s%N)" >> "$out/marks.txt"; }
drag() { local x=$1 y=$2 dx=$3; local args=(mousemove "$x" "$y" mousedown 1)
  for i in $(seq 1 150); do args+=(sleep 0.016 mousemove $((x + i*dx)) "$y"); done
  xdotool "${args[@]}" mouseup 1; }
mark start; drag 600 400 4; mark map; sleep 2; mark rest
drag 1200 "${TIMELINE_Y:-930}" -4; mark timeline; sleep 1; mark end
frames_shot end
frames_alive
awk 'NR==FNR{m[++n]=$1; t[n]=$2; next}
  {for(i=2;i<=n;i++) if($1>t[i-1] && $1<=t[i]){f[i]++; d[i]+=$2; b[i]+=$3}}
  END{printf "%-9s %6s %12s %18s\n", "phase", "frames", "draws/frame", "texture kB/frame";
    for(i=2;i<=n;i++) printf "%-9s %6d %12.1f %18.1f\n", m[i], f[i], (f[i]?d[i]/f[i]:0), (f[i]?b[i]/f[i]/1024:0)}' \
  "$out/marks.txt" "$out/gl.txt"
