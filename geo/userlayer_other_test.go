//go:build !unix

package geo

import "errors"

func mkfifo(string) error { return errors.New("no named pipes here") }
