package kiosk

import "runtime"

// goos is the system DefaultLogDir answers for (a variable so tests can ask for the others).
var goos = runtime.GOOS
