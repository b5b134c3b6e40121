package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// appMeta is what a package must agree with: FyneApp.toml and the module's name.
type appMeta struct {
	Name     string // Details.Name, e.g. "Frontline Atlas"
	ID       string // Details.ID, e.g. "org.frontlineatlas.app"
	Version  string // Details.Version, x.y.z
	Icon     string // Details.Icon, relative to the toml's folder
	Exe      string // the binary's name: the last element of the module path
	Comment  string // LinuxAndBSD.Comment
	Category []string
}

// readAppMeta reads FyneApp.toml and the go.mod beside it.
func readAppMeta(path string) (appMeta, error) {
	var doc struct {
		Details struct {
			Icon, Name, ID, Version string
			Build                   int
		}
		LinuxAndBSD struct {
			Comment    string
			Categories []string
		}
	}
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		return appMeta{}, fmt.Errorf("%s: %w", path, err)
	}
	m := appMeta{Name: doc.Details.Name, ID: doc.Details.ID, Version: doc.Details.Version,
		Icon: filepath.Join(filepath.Dir(path), doc.Details.Icon), Comment: doc.LinuxAndBSD.Comment,
		Category: doc.LinuxAndBSD.Categories}
	for field, v := range map[string]string{"Details.Name": m.Name, "Details.ID": m.ID, "Details.Version": m.Version, "Details.Icon": doc.Details.Icon} {
		if v == "" {
			return m, fmt.Errorf("%s: %s is missing", path, field)
		}
	}
	gomod := filepath.Join(filepath.Dir(path), "go.mod")
	b, err := os.ReadFile(gomod)
	if err != nil {
		return m, fmt.Errorf("the binary's name: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if mod, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			mod = strings.Trim(strings.TrimSpace(mod), `"`)
			m.Exe = mod[strings.LastIndex(mod, "/")+1:]
		}
	}
	if m.Exe == "" {
		return m, fmt.Errorf("%s: no module line", gomod)
	}
	return m, nil
}
