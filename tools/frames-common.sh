# What the tools/frames-*.sh scripts share, sourced by them (not run): a full-HD Xvfb, the
# program started in it with a frame-logging shim, the phase marks and the screenshots.
# A script sets $out (its folder) first; these set $disp, $xpid and $apid.

# frames_xvfb BASE: an Xvfb at 1920x1080 on display BASE+0..49 (each script its own range, so
# two scripts can run at once), killed with the program when the script exits or is
# interrupted; exports DISPLAY and LANG. It waits until the display answers (10 s at most) and
# takes another number if that one is in use (the Xvfb then exits at once).
frames_xvfb() {
  local try i
  apid=; xpid=
  trap '[ -n "$apid" ] && kill $apid 2>/dev/null; sleep 0.3; [ -n "$xpid" ] && kill $xpid 2>/dev/null; true' EXIT
  trap 'exit 130' INT TERM
  for try in 1 2 3 4 5; do
    disp=:$(( $1 + RANDOM % 50 ))
    Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
    for i in $(seq 1 100); do
      kill -0 $xpid 2>/dev/null || break
      # Ours answers with its size; another server on that number would not have it, and ours
      # would exit (checked again before returning).
      if [ "$(DISPLAY=$disp xdotool getdisplaygeometry 2>/dev/null)" = "1920 1080" ]; then
        sleep 0.2; kill -0 $xpid 2>/dev/null || break
        export DISPLAY=$disp LANG=${LANG:-en_US.UTF-8}; return 0
      fi
      sleep 0.1
    done
    kill $xpid 2>/dev/null; wait $xpid 2>/dev/null; xpid=
  done
  echo "frames: no Xvfb display could be started" >&2; exit 1
}

# frames_start VAR=VALUE... -- PROGRAM ARGS...: starts the program with those variables in
# its environment (the shim's LD_PRELOAD and log file), output in $out/program.log, and waits
# (10 s at most) for its window.
frames_start() {
  local env=(); while [ "$1" != -- ]; do env+=("$1"); shift; done; shift
  env "${env[@]}" "$@" >"$out/program.log" 2>&1 & apid=$!
  for i in $(seq 1 100); do xdotool search --pid $apid >/dev/null 2>&1 && break; sleep 0.1; done
}

# frames_mark NAME: a phase ends (swaplog's frames so far, the time, the CPU ticks and the
# resident kB of the program), for ../shared/tools/frames/report.py.
frames_mark() { echo "$1 $(wc -l < "$out/swap.txt" 2>/dev/null || echo 0) $(date +%s%N) $(awk '{print $14+$15}' /proc/$apid/stat) $(awk '/VmRSS/{print $2}' /proc/$apid/status)" >> "$out/marks.txt"; }

# frames_shot NAME: a screenshot of the screen into $out/NAME.png.
frames_shot() { import -window root "$out/$1.png" 2>/dev/null || true; }

# frames_alive: fails, with the end of the program's output, if the program has died.
frames_alive() { kill -0 $apid 2>/dev/null || { echo "the program died:"; tail -20 "$out/program.log"; exit 1; }; }
