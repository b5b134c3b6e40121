package app

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"frontline-atlas/assets"
)

// TestEmbeddedFontsCoverEveryString checks that every rune the UI can draw has a glyph in the
// fonts the binary embeds, for every text style the UI uses. Fyne draws a rune with the first
// of these faces that has it: the theme's font for the style, Fyne's bundled font for the style,
// the bundled emoji font, and only then the system's fonts. A machine without system fonts
// (Wine, a bare kiosk image) has only the first three, and a rune none of them covers is drawn
// as U+FFFD: "−month" became "�month" under Wine.
//
// The strings are: every key and value of translations/*.json (every language); every string
// in the embedded content pack and base map (names, titles, summaries, texts, notes, sources,
// map labels); and every string literal in the module's non-test Go code outside tools/
// (button labels such as "−month", formats, credits, dates, and the messages the problems
// dialog shows).
func TestEmbeddedFontsCoverEveryString(t *testing.T) {
	strs := map[string][]string{} // string → where it comes from
	add := func(s, where string) { strs[s] = append(strs[s], where) }

	trFiles, err := fs.Glob(translations, "translations/*.json")
	if err != nil || len(trFiles) < 2 {
		t.Fatalf("translations: %v (%d files)", err, len(trFiles))
	}
	for _, f := range trFiles {
		b, err := fs.ReadFile(translations, f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for k, v := range m {
			add(k, f)
			add(v, f+" ["+k+"]")
		}
	}
	nPack := jsonStrings(t, assets.Content(), "assets/content", add)
	nMap := jsonStrings(t, assets.Map(), "assets/map", add)
	nLit := goLiterals(t, "..", add)
	if nPack < 1000 || nMap < 10 || nLit < 200 {
		t.Fatalf("too few strings found (pack %d, map %d, literals %d): the walk is broken", nPack, nMap, nLit)
	}

	th := NewTheme("light")
	styles := []struct {
		name     string
		style    fyne.TextStyle
		fallback fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, theme.DefaultTextFont()},
		{"bold", fyne.TextStyle{Bold: true}, theme.DefaultTextBoldFont()},
		{"italic", fyne.TextStyle{Italic: true}, theme.DefaultTextItalicFont()},
		{"monospace", fyne.TextStyle{Monospace: true}, theme.DefaultTextMonospaceFont()},
	}
	if *fontsNeeded != "" {
		writeNeeded(t, *fontsNeeded, strs, styles)
		return
	}
	for _, st := range styles {
		chain := []fyne.Resource{th.Font(st.style), st.fallback}
		if e := theme.DefaultEmojiFont(); e != nil {
			chain = append(chain, e)
		}
		cov := newCoverage(t, chain)
		missing := map[rune][]string{}
		for s, where := range strs {
			for _, r := range s {
				if !unicode.IsGraphic(r) || r == ' ' || cov.has(r) {
					continue
				}
				if len(missing[r]) < 3 {
					missing[r] = append(missing[r], fmt.Sprintf("%q (%s)", clip(s), where[0]))
				}
			}
		}
		runes := make([]rune, 0, len(missing))
		for r := range missing {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
		for _, r := range runes {
			t.Errorf("%s text: U+%04X %q has no glyph in the embedded fonts (%s); it is in %s",
				st.name, r, r, cov.names, strings.Join(missing[r], ", "))
		}
		if len(runes) > 0 {
			t.Logf("%s text: %d runes missing; `make fonts` rebuilds app/fonts/ for the strings of today (docs/fonts.md)", st.name, len(runes))
		}
	}
}

// fontsNeeded, when set, makes TestEmbeddedFontsCoverEveryString write the runes that Fyne's
// own fonts lack, per style, to that file (for tools/fonts/build.py) instead of checking.
var fontsNeeded = flag.String("fonts.needed", "", "write the runes the supplement fonts must hold to this file")

// writeNeeded writes, for each style, the runes of strs that no font of Fyne's own chain for
// the style has: one line per style, the style's name then U+XXXX codes.
func writeNeeded(t *testing.T, path string, strs map[string][]string, styles []struct {
	name     string
	style    fyne.TextStyle
	fallback fyne.Resource
}) {
	var b strings.Builder
	b.WriteString("# Runes the app's strings use that Fyne's fonts lack, per text style; written by\n")
	b.WriteString("# `make fonts` (go test ./app -run TestEmbeddedFontsCoverEveryString -args -fonts.needed FILE).\n")
	for _, st := range styles {
		chain := []fyne.Resource{st.fallback}
		if e := theme.DefaultEmojiFont(); e != nil {
			chain = append(chain, e)
		}
		cov := newCoverage(t, chain)
		set := map[rune]bool{}
		for s := range strs {
			for _, r := range s {
				if unicode.IsGraphic(r) && r != ' ' && !cov.has(r) {
					set[r] = true
				}
			}
		}
		runes := make([]rune, 0, len(set))
		for r := range set {
			runes = append(runes, r)
		}
		sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
		b.WriteString(st.name)
		for _, r := range runes {
			fmt.Fprintf(&b, " U+%04X", r)
		}
		b.WriteString("\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// coverage answers whether any font of a chain has a glyph for a rune.
type coverage struct {
	fonts []*sfnt.Font
	names string
	buf   sfnt.Buffer
}

func newCoverage(t *testing.T, chain []fyne.Resource) *coverage {
	c := &coverage{}
	var names []string
	for _, res := range chain {
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatalf("font %s: %v", res.Name(), err)
		}
		c.fonts = append(c.fonts, f)
		names = append(names, res.Name())
	}
	c.names = strings.Join(names, ", ")
	return c
}

func (c *coverage) has(r rune) bool {
	for _, f := range c.fonts {
		if g, err := f.GlyphIndex(&c.buf, r); err == nil && g != 0 {
			return true
		}
	}
	return false
}

// jsonStrings adds every string value of every .json and .geojson file in fsys.
func jsonStrings(t *testing.T, fsys fs.FS, label string, add func(s, where string)) int {
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".geojson")) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		where := label + "/" + p
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				add(v, where)
				n++
			case []any:
				for _, x := range v {
					walk(x)
				}
			case map[string]any:
				for _, x := range v {
					walk(x)
				}
			}
		}
		walk(v)
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", label, err)
	}
	return n
}

// goLiterals adds every string literal (not imports or struct tags) of the non-test Go files
// under root, leaving out tools/, testdata and hidden folders.
func goLiterals(t *testing.T, root string, add func(s, where string)) int {
	n := 0
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (name == "tools" || name == "testdata" || strings.HasPrefix(name, ".") || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		skip := map[*ast.BasicLit]bool{}
		for _, im := range f.Imports {
			skip[im.Path] = true
		}
		ast.Inspect(f, func(node ast.Node) bool {
			if fl, ok := node.(*ast.Field); ok && fl.Tag != nil {
				skip[fl.Tag] = true
			}
			lit, ok := node.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || skip[lit] {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil {
				add(s, fset.Position(lit.Pos()).String())
				n++
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatalf("Go sources: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("Go sources: %s is not the module root", root)
	}
	return n
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
