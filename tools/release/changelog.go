package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const changelogHead = `# Changelog

Every release of Frontline Atlas, newest first. ` + "`make release VERSION=x.y.z`" + ` adds an entry
listing the commits since the previous release's tag (vX.Y.Z); edit it into prose before
committing.
`

// writeChangelog adds an entry for version to the changelog at path (created when missing):
// "## x.y.z — YYYY-MM-DD" and the subjects of the commits since the last tag v*, oldest last.
// An entry that is already there is kept as it is (it may have been edited by hand).
func writeChangelog(path, version string, log io.Writer) error {
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	text := string(old)
	if text == "" {
		text = changelogHead
	}
	heading := "## " + version + " "
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line+" ", heading) {
			fmt.Fprintf(log, "%s already has an entry for %s: kept\n", path, version)
			return nil
		}
	}
	subjects, since, err := commitsSinceLastTag(filepath.Dir(path))
	if err != nil {
		return err
	}
	var entry strings.Builder
	fmt.Fprintf(&entry, "## %s — %s\n\n", version, releaseDate().Format("2006-01-02"))
	if since == "" {
		entry.WriteString("The first release. Its commits:\n\n")
	} else {
		fmt.Fprintf(&entry, "Changes since %s:\n\n", since)
	}
	for _, s := range subjects {
		fmt.Fprintf(&entry, "- %s\n", s)
	}
	if len(subjects) == 0 {
		entry.WriteString("- no commits since the previous release\n")
	}
	entry.WriteString("\n")
	// The entry goes before the first existing entry, or at the end of the head.
	i := strings.Index(text, "\n## ")
	if i < 0 {
		text = strings.TrimRight(text, "\n") + "\n\n" + entry.String()
	} else {
		text = text[:i+1] + entry.String() + text[i+1:]
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "%s: added the entry for %s (%d commits)\n", path, version, len(subjects))
	return nil
}

// commitsSinceLastTag returns the subjects of the commits after the newest tag v* reachable
// from HEAD (all commits when there is none), newest first, and that tag, in the repository
// at dir.
func commitsSinceLastTag(dir string) ([]string, string, error) {
	git := func(args ...string) *exec.Cmd {
		c := exec.Command("git", args...)
		c.Dir = dir
		return c
	}
	tag, err := git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*").Output()
	since := strings.TrimSpace(string(tag))
	if err != nil {
		since = "" // no release tag yet
	}
	args := []string{"log", "--no-merges", "--format=%s"}
	if since != "" {
		args = append(args, since+"..HEAD")
	}
	out, err := git(args...).Output()
	if err != nil {
		return nil, "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	var subjects []string
	for _, s := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if s != "" {
			subjects = append(subjects, s)
		}
	}
	return subjects, since, nil
}

// releaseDate is today in UTC, or SOURCE_DATE_EPOCH when set (reproducible builds).
func releaseDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		var sec int64
		if _, err := fmt.Sscan(s, &sec); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Now().UTC()
}
