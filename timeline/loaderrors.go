package timeline

import (
	"fmt"
	"sort"
	"strings"
)

// This file holds the problems a content pack can have and how the loader records them.

// ContentError is one problem found in a content pack. It names the file (relative to the
// pack), the line and column where known (1-based; 0 when unknown), the item and the field.
type ContentError struct {
	File  string
	Line  int
	Col   int
	Kind  Kind   // empty for problems not about one item
	ID    string // the item's id, empty when the item has none
	Field string // the JSON field, empty when the problem is about the whole item or file
	Msg   string

	item *packItem // the item, until describe has named the part of it the field is in
}

// Error formats the problem as `events.json:12: event "stalingrad": field "people": person
// "zhukovv" not found`.
func (e *ContentError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Kind != "" {
		if e.ID != "" {
			fmt.Fprintf(&b, "%s %q: ", e.Kind, e.ID)
		} else {
			fmt.Fprintf(&b, "%s without id: ", e.Kind)
		}
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "field %q: ", e.Field)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// MaxProblemsListed is the most problems of items a PackError lists; those found after them
// are only counted, so that validate answers in seconds whatever the file (a minified file of
// a million broken items) and its report stays readable. Problems about whole files (up to
// 100) are listed besides.
const MaxProblemsListed = 1000

// PackError gathers every problem found in one content pack. Unwrap gives the problems
// (each a *ContentError), so errors.As and errors.Is look into them as with errors.Join.
type PackError struct {
	Pack     string          // the label given to LoadFS: "embedded pack" or a folder path
	Problems []*ContentError // the first problems found (see MaxProblemsListed), in file and line order
	More     int             // the problems found after those, counted but not listed
}

// Count returns the number of problems found, listed or not.
func (e *PackError) Count() int { return len(e.Problems) + e.More }

// Error writes a header naming the pack and the count, then one problem per line, and a last
// line with the number not listed.
func (e *PackError) Error() string {
	var b strings.Builder
	n := e.Count()
	fmt.Fprintf(&b, "content pack %s: %d problem", e.Pack, n)
	if n != 1 {
		b.WriteString("s")
	}
	if e.More > 0 {
		fmt.Fprintf(&b, " (the first %d listed)", len(e.Problems))
	}
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.Error())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n… and %d more problem", e.More)
		if e.More != 1 {
			b.WriteString("s")
		}
		b.WriteString(" not listed: fix these and validate again")
	}
	return b.String()
}

// Unwrap returns the problems, in file and line order.
func (e *PackError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

func (l *packLoader) packError() error {
	sort.SliceStable(l.problems, func(i, j int) bool {
		a, b := l.problems[i], l.problems[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	for _, p := range l.problems {
		p.describe()
	}
	return &PackError{Pack: l.label, Problems: l.problems, More: l.more}
}

// full reports whether MaxProblemsListed problems of items are recorded: the next ones are
// counted in l.more without being formatted.
func (l *packLoader) full() bool { return len(l.problems)-l.fileProblems >= MaxProblemsListed }

// maxFileProblems is how many problems about whole files (a file that cannot be read, invalid
// JSON, too many items) are listed beyond MaxProblemsListed: they say why the rest of a file
// was not read, so they are listed even when the items' problems fill the list.
const maxFileProblems = 100

// failed reports whether any problem was found.
func (l *packLoader) failed() bool { return len(l.problems)+l.more > 0 }

// add records a problem, or counts it when the list is full.
func (l *packLoader) add(e *ContentError) {
	if l.full() {
		l.more++
		return
	}
	l.problems = append(l.problems, e)
}

// fileErr records a problem about a file at a byte offset (negative when unknown).
func (l *packLoader) fileErr(f *packSource, name string, off int64, format string, args ...any) {
	if l.fileProblems >= maxFileProblems {
		l.more++
		return
	}
	l.fileProblems++
	e := &ContentError{File: name, Msg: fmt.Sprintf(format, args...)}
	if f != nil && off >= 0 {
		e.Line, e.Col = f.lineCol(off)
	}
	l.problems = append(l.problems, e)
}

// itemErr records a problem about a field of an item, at the line of that field.
func (l *packLoader) itemErr(it *packItem, field, format string, args ...any) {
	if it.failedAt(field) && it.value != nil {
		return // the field did not decode, and that was reported
	}
	if l.full() {
		l.more++
		return
	}
	e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: field, Msg: fmt.Sprintf(format, args...), item: it}
	off, ok := it.offsetOf(field)
	if !ok {
		if off, ok = it.fields["id"]; !ok {
			off = it.start
		}
	}
	e.Line, _ = it.file.lineCol(off)
	l.add(e)
}
