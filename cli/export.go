package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"frontline-atlas/geo"
	"frontline-atlas/internal/atomicfile"
	"frontline-atlas/timeline"
)

// runExport writes the chronicle and the fronts into cmd.Output, all files or none: they are
// written to a staging folder and put in place together (atomicfile.Dir). What validate calls
// a warning (a missing image) is left out and reported, and does not stop the export.
func runExport(cmd Command, stdout, stderr io.Writer) int {
	content := loadForCommand(cmd.Content, loadFronts, stderr)
	if content == nil {
		return 1
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "frontline-atlas export: %v\n", err)
		return 1
	}
	if pack := content.Catalog.Pack(); pack != nil && pack.OnDisk() != "" {
		if err := outsidePack(cmd.Output, pack.OnDisk()); err != nil {
			return fail(err)
		}
	}
	others, err := otherJSON(cmd.Output)
	if err != nil {
		return fail(err)
	}
	d, err := atomicfile.CreateDir(cmd.Output)
	if err != nil {
		return fail(err)
	}
	defer d.Abort()
	write := func(name string, data []byte) error { return d.WriteFile(name, data, 0o644) }
	warnings, err := content.Catalog.ExportFiles(write)
	if err != nil {
		return fail(err)
	}
	if b, err := geo.FrontsFile(content.Map); err != nil {
		warnings = append(warnings, fmt.Sprintf("%v: %s not written", err, geo.FrontsExportFile))
	} else if err := write(geo.FrontsExportFile, b); err != nil {
		return fail(err)
	}
	if err := d.Commit(); err != nil {
		return fail(err)
	}
	if len(others) > 0 {
		warnings = append(warnings, othersWarning(cmd.Output, others))
	}
	for _, w := range warnings {
		fmt.Fprintf(stderr, "frontline-atlas export: warning: %s\n", w)
	}
	fmt.Fprintf(stdout, "wrote the chronicle to %s\n", cmd.Output)
	return 0
}

// outsidePack refuses an export folder that is the pack folder or inside it: the export would
// replace the pack's own files (or add a second copy that it then loads).
func outsidePack(out, packDir string) error {
	pst, err := os.Stat(packDir)
	if err != nil {
		return nil // the pack is gone; nothing to protect
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	// Walk up from the folder to the root: any ancestor that is the pack folder (by identity,
	// so links and other spellings of the path are caught) means the export is inside it.
	for p := abs; ; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil && os.SameFile(st, pst) {
			if p == abs {
				return fmt.Errorf("-o %s is the content pack being exported: choose another folder", out)
			}
			return fmt.Errorf("-o %s is inside the content pack being exported (%s): choose a folder outside it", out, packDir)
		}
		if filepath.Dir(p) == p {
			return nil
		}
	}
}

// otherJSON lists the *.json files at the top of folder dir that the export does not write: a
// content-pack loader reads them with the exported files. A missing folder has none.
func otherJSON(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ours := timeline.ExportNames()
	var others []string
	for _, e := range ents {
		n := e.Name()
		if strings.HasSuffix(n, ".json") && !strings.HasPrefix(n, ".") && !e.IsDir() && !slices.Contains(ours, n) {
			others = append(others, n)
		}
	}
	return others, nil
}

// othersWarning says what the other JSON files of the export folder do to it as a pack: it is
// loaded to find out.
func othersWarning(dir string, others []string) string {
	list := strings.Join(others, ", ")
	_, err := timeline.LoadDir(dir)
	if err == nil {
		return fmt.Sprintf("%s also holds %s, which load with the exported files: the pack there is more than what was exported", dir, list)
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	if len(lines) > 6 {
		lines = append(lines[:6], "…")
	}
	return fmt.Sprintf("%s also holds %s, which load with the exported files, and the folder does not load as a content pack (move them out):\n  %s",
		dir, list, strings.Join(lines, "\n  "))
}
