//go:build !unix

package timeline

import "errors"

func mkfifoForTest(string) error { return errors.New("no named pipes on this system") }
