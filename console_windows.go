package main

import (
	"log"
	"os"
	"syscall"
)

// The Windows build is a GUI-subsystem program (`fyne package` links it with -H windowsgui), so
// a double click opens the window and no console. Started from cmd.exe or PowerShell it gets
// no console either, and the command-line verbs (validate, export, front, snapshot, --help, a
// usage error) would print into nothing. attachParentConsole, run before main, attaches the
// process to the console of the program that started it, when there is one, and points the
// standard streams that were not redirected at it. Redirected streams (a file, a pipe, NUL) are
// kept as they are. Started from Explorer there is no parent console: nothing changes.
func init() { attachParentConsole() }

var (
	kernel32          = syscall.NewLazyDLL("kernel32.dll")
	procAttachConsole = kernel32.NewProc("AttachConsole")
	procSetStdHandle  = kernel32.NewProc("SetStdHandle")
)

const (
	attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	fileTypeChar        = 0x0002     // FILE_TYPE_CHAR
	fileTypeDisk        = 0x0001     // FILE_TYPE_DISK
	fileTypePipe        = 0x0003     // FILE_TYPE_PIPE
)

// stdStream is one of the three standard streams of the process.
type stdStream struct {
	id     int       // STD_INPUT_HANDLE, STD_OUTPUT_HANDLE or STD_ERROR_HANDLE
	file   **os.File // os.Stdin, os.Stdout or os.Stderr
	name   string    // the name os gives the stream
	device string    // the console device to open: CONIN$ or CONOUT$
}

func attachParentConsole() {
	streams := []stdStream{
		{syscall.STD_INPUT_HANDLE, &os.Stdin, "/dev/stdin", "CONIN$"},
		{syscall.STD_OUTPUT_HANDLE, &os.Stdout, "/dev/stdout", "CONOUT$"},
		{syscall.STD_ERROR_HANDLE, &os.Stderr, "/dev/stderr", "CONOUT$"},
	}
	var todo []stdStream
	for _, s := range streams {
		h, _ := syscall.GetStdHandle(s.id)
		if !redirected(h) {
			todo = append(todo, s)
		}
	}
	if len(todo) == 0 {
		return // everything goes to files or pipes: nothing to attach
	}
	// ERROR_ACCESS_DENIED means the process has a console already (Wine gives a windowed
	// program its parent's console): use it as well. Any other failure means there is none.
	r, _, err := procAttachConsole.Call(uintptr(attachParentProcess))
	if r == 0 && err != syscall.ERROR_ACCESS_DENIED {
		return // started from Explorer (or the parent has no console): stay silent
	}
	for _, s := range todo {
		dev, _ := syscall.UTF16PtrFromString(s.device)
		h, err := syscall.CreateFile(dev, syscall.GENERIC_READ|syscall.GENERIC_WRITE,
			syscall.FILE_SHARE_READ|syscall.FILE_SHARE_WRITE, nil, syscall.OPEN_EXISTING, 0, 0)
		if err != nil {
			continue
		}
		procSetStdHandle.Call(uintptr(uint32(s.id)), uintptr(h)) // for C code and child processes
		*s.file = os.NewFile(uintptr(h), s.name)
	}
	// The standard logger (which Fyne's errors go through) captured os.Stderr at start.
	log.SetOutput(os.Stderr)
}

// redirected reports whether h is a file, a pipe or a character device other than a console
// (NUL, a serial port): a stream the user chose, which must not be replaced by the console.
func redirected(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	if err != nil {
		return false
	}
	switch t {
	case fileTypeDisk, fileTypePipe:
		return true
	case fileTypeChar:
		var mode uint32
		return syscall.GetConsoleMode(h, &mode) != nil // a console answers GetConsoleMode
	}
	return false
}
