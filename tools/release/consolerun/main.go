//go:build windows

// Command consolerun starts a program the way cmd.exe starts a windowed (GUI-subsystem)
// program on Windows: from a process with a console, with no standard handles passed on. It
// waits for the program and exits with its exit status. `make check-windows` runs the app's
// command-line verbs through it under Wine, whose own launcher hands every program the
// terminal's handles and so would hide a program that never attaches to its parent's console.
//
//	consolerun PROGRAM [ARG]...
package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: consolerun PROGRAM [ARG]...")
		os.Exit(2)
	}
	code, err := run(os.Args[1], os.Args[2:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "consolerun: %v\n", err)
		os.Exit(125)
	}
	os.Exit(int(code))
}

// run starts prog with args, no inherited handles and null standard handles, and returns its
// exit status.
func run(prog string, args []string) (uint32, error) {
	line := syscall.EscapeArg(prog)
	for _, a := range args {
		line += " " + syscall.EscapeArg(a)
	}
	cmdline, err := syscall.UTF16PtrFromString(line)
	if err != nil {
		return 0, err
	}
	// STARTF_USESTDHANDLES with null handles: the child's GetStdHandle returns NULL, as for a
	// GUI program started from cmd.exe or PowerShell.
	si := &syscall.StartupInfo{Flags: syscall.STARTF_USESTDHANDLES}
	si.Cb = uint32(0x68) // sizeof(STARTUPINFOW) on 64-bit Windows
	var pi syscall.ProcessInformation
	if err := syscall.CreateProcess(nil, cmdline, nil, nil, false, 0, nil, nil, si, &pi); err != nil {
		return 0, fmt.Errorf("starting %s: %w", prog, err)
	}
	defer syscall.CloseHandle(pi.Thread)
	defer syscall.CloseHandle(pi.Process)
	if _, err := syscall.WaitForSingleObject(pi.Process, syscall.INFINITE); err != nil {
		return 0, fmt.Errorf("waiting for %s: %w", prog, err)
	}
	var code uint32
	if err := syscall.GetExitCodeProcess(pi.Process, &code); err != nil {
		return 0, fmt.Errorf("exit status of %s: %w", prog, err)
	}
	return code, nil
}
