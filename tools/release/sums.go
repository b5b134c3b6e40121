package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// SumsFile is the checksum file of a release, in the format of GNU sha256sum (and of
// `shasum -a 256` on macOS): one line per file, the hex SHA-256, two spaces, the file name.
// `sha256sum -c SHA256SUMS` checks a download against it.
const SumsFile = "SHA256SUMS"

// writeSums writes dir/SHA256SUMS for every other regular file in dir, sorted by name, then
// reads it back and checks every file against it.
func writeSums(dir string, log io.Writer) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && e.Name() != SumsFile {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("%s: no files to sum", dir)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		sum, err := fileSHA256(filepath.Join(dir, n))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s  %s\n", sum, n)
	}
	out := filepath.Join(dir, SumsFile)
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	if err := verifySums(out); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s (%d files)\n", out, len(names))
	return nil
}

// verifySums checks every file listed in a SHA256SUMS file, as `sha256sum -c` does.
func verifySums(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var problems []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || name == "" || strings.ContainsAny(name, "/\\") {
			problems = append(problems, fmt.Sprintf("line %d: want \"<sha256>  <file>\"", n))
			continue
		}
		got, err := fileSHA256(filepath.Join(filepath.Dir(path), name))
		if err != nil {
			problems = append(problems, err.Error())
		} else if got != sum {
			problems = append(problems, fmt.Sprintf("%s: SHA-256 %s, the list says %s", name, got, sum))
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s:\n  %s", path, strings.Join(problems, "\n  "))
	}
	return nil
}

func fileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", p, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
