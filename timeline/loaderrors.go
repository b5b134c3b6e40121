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

// PackError gathers every problem found in one content pack. Unwrap gives the problems
// (each a *ContentError), so errors.As and errors.Is look into them as with errors.Join.
type PackError struct {
	Pack     string // the label given to LoadFS: "embedded pack" or a folder path
	Problems []*ContentError
}

// Error writes a header naming the pack, then one problem per line.
func (e *PackError) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "content pack %s: %d problem", e.Pack, n)
	if n != 1 {
		b.WriteString("s")
	}
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.Error())
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
	return &PackError{Pack: l.label, Problems: l.problems}
}

// fileErr records a problem about a file at a byte offset (negative when unknown).
func (l *packLoader) fileErr(f *packSource, name string, off int64, format string, args ...any) {
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
	e := &ContentError{File: it.file.name, Kind: it.ref.Kind, ID: it.ref.ID, Field: field, Msg: fmt.Sprintf(format, args...), item: it}
	off, ok := it.offsetOf(field)
	if !ok {
		if off, ok = it.fields["id"]; !ok {
			off = it.start
		}
	}
	e.Line, _ = it.file.lineCol(off)
	l.problems = append(l.problems, e)
}
