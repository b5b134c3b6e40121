package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Opt-in profiles of the running window, for finding where a frame goes (docs/performance.md):
//
//	FRONTLINE_CPUPROFILE=cpu.pprof   CPU profile from start until the window closes, SIGTERM or
//	                                 SIGINT, or FRONTLINE_PROFILE_SECONDS have passed
//	FRONTLINE_MEMPROFILE=heap.pprof  heap profile (after a GC) at the same moment
//
// Read them with `go tool pprof -top frontline-atlas cpu.pprof`. Without the variables nothing
// is started.
var profiles struct {
	once    sync.Once
	cpu     *os.File
	memPath string
}

func init() {
	cpuPath, memPath := os.Getenv("FRONTLINE_CPUPROFILE"), os.Getenv("FRONTLINE_MEMPROFILE")
	if cpuPath == "" && memPath == "" {
		return
	}
	profiles.memPath = memPath
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err != nil {
			fmt.Fprintf(os.Stderr, "frontline-atlas: FRONTLINE_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "frontline-atlas: FRONTLINE_CPUPROFILE: %v\n", err)
			f.Close()
		} else {
			profiles.cpu = f
		}
	}
	if s := os.Getenv("FRONTLINE_PROFILE_SECONDS"); s != "" {
		secs, err := strconv.ParseFloat(s, 64)
		if err != nil || secs <= 0 {
			fmt.Fprintf(os.Stderr, "frontline-atlas: FRONTLINE_PROFILE_SECONDS=%q is not a positive number of seconds\n", s)
		} else {
			time.AfterFunc(time.Duration(secs*float64(time.Second)), stopProfiles)
		}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	go func() {
		<-sig
		stopProfiles()
		os.Exit(130)
	}()
}

// stopProfiles writes the profiles asked for; only the first call does anything.
func stopProfiles() {
	profiles.once.Do(func() {
		if profiles.cpu != nil {
			pprof.StopCPUProfile()
			profiles.cpu.Close()
		}
		if profiles.memPath == "" {
			return
		}
		f, err := os.Create(profiles.memPath)
		if err != nil {
			fmt.Fprintf(os.Stderr, "frontline-atlas: FRONTLINE_MEMPROFILE: %v\n", err)
			return
		}
		defer f.Close()
		runtime.GC()
		if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
			fmt.Fprintf(os.Stderr, "frontline-atlas: FRONTLINE_MEMPROFILE: %v\n", err)
		}
	})
}
