//go:build !unix

package packfs

// openFlags: there are no named pipes in the file system here (Windows keeps them in a
// namespace of their own), so files are opened as usual.
const openFlags = 0
