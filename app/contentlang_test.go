package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"fyne.io/fyne/v2/test"

	"frontline-atlas/assets"
	"frontline-atlas/timeline"
)

// The content a visitor reads is translated like the interface: TestEveryUIStringIsTranslatable
// and TestTranslationsComplete (lang_test.go) check the interface's words, and the tests here
// check the items of the embedded pack in every language its pack.json declares.

// scripts gives the script a language is written in, where it is not Latin: a translation into
// such a language that is mostly in Latin letters is English left in place.
var scripts = map[string]*unicode.RangeTable{
	"ru": unicode.Cyrillic,
	"uk": unicode.Cyrillic,
	"be": unicode.Cyrillic,
}

// translationProblem says what is wrong with the lang text of t, or "". The rule:
//   - the text must be there and not blank;
//   - it must differ from the English, unless the English has no letter at all (a bare
//     number or date reads the same in every language);
//   - in a language written in another script (scripts: Russian in Cyrillic), more than half
//     of its letters must be in that script. Latin-script names inside a Russian text ("Krakau",
//     "ŻOB") are fine; a text in Latin letters is English, or another language, left in place.
func translationProblem(t timeline.Text, lang string) string {
	s := strings.TrimSpace(t[lang])
	en := strings.TrimSpace(t[timeline.DefaultLang])
	if s == "" {
		return "has no translation"
	}
	if s == en && strings.IndexFunc(en, unicode.IsLetter) >= 0 {
		return "is the English text, untranslated"
	}
	if script := scripts[lang]; script != nil {
		var native, letters int
		for _, r := range s {
			if unicode.IsLetter(r) {
				letters++
				if unicode.Is(script, r) {
					native++
				}
			}
		}
		if letters > 0 && 2*native <= letters {
			return fmt.Sprintf("is mostly not in its script (%d of %d letters): untranslated?", native, letters)
		}
	}
	return ""
}

// untranslated lists, one line each, every text of c that lacks a proper lang translation: the
// names of the pack's lanes and theatres (the timeline's rows and filters), then the items'.
func untranslated(c *timeline.Catalog, lang string) []string {
	var out []string
	pack := func(what string, id string, name timeline.Text) {
		if p := translationProblem(name, lang); p != "" {
			out = append(out, fmt.Sprintf("pack.json %s %q: name %s", what, id, p))
		}
	}
	for _, l := range c.Lanes() {
		pack("lane", l.ID, l.Name)
	}
	for _, th := range c.Theatres() {
		pack("theatre", th.ID, th.Name)
	}
	for _, th := range c.FrontTheatres() {
		pack("front theatre", th.ID, th.Name)
	}
	for _, k := range timeline.Kinds {
		if k == timeline.KindSource {
			continue // citations are quoted as published
		}
		for _, it := range c.Items(k) {
			for _, ft := range it.Headline() {
				if p := translationProblem(ft.Text, lang); p != "" {
					out = append(out, fmt.Sprintf("%s %q: %s %s", k, it.Ref().ID, ft.Field, p))
				}
			}
		}
	}
	return out
}

// TestEveryItemIsTranslated checks the embedded pack: it is written for English and Russian,
// the interface has a translation file for each of its languages, and every item has its name
// and summary in each of them, as every lane and theatre has its name. A failure lists every
// untranslated text at once.
func TestEveryItemIsTranslated(t *testing.T) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack has problems:\n%v", err)
	}
	langs := c.Info.Languages
	if !containsLang(langs, "ru") {
		t.Fatalf("pack.json languages = %v, want English and Russian", langs)
	}
	for _, lang := range langs {
		if lang == timeline.DefaultLang {
			continue
		}
		if _, err := os.Stat(filepath.Join("translations", lang+".json")); err != nil {
			t.Errorf("the pack is written for %q but the interface has no translations/%s.json", lang, lang)
		}
		if probs := untranslated(c, lang); len(probs) > 0 {
			t.Errorf("%d item texts of the embedded pack lack a %q translation:\n%s", len(probs), lang, strings.Join(probs, "\n"))
		}
	}
}

// TestUntranslatedTextsAreFound runs the check on a small pack with one text of each kind of
// fault and texts that pass (a Latin name inside Russian, a bare year), so that
// TestEveryItemIsTranslated can fail. Items come in id order.
func TestUntranslatedTextsAreFound(t *testing.T) {
	ev := func(id, title, summary string) string {
		return fmt.Sprintf(`{"id": %q, "title": %s, "summary": %s, "start": "1943-01-18", "category": "operations", "importance": 3, "sources": ["s1"]}`, id, title, summary)
	}
	pack := fstest.MapFS{
		"pack.json": {Data: []byte(`{"pack": {"name": "T", "version": "1", "languages": ["en", "ru"], "lanes": [{"id": "operations", "name": "Operations"}]}}`)},
		"items.json": {Data: []byte(`{"events": [` + strings.Join([]string{
			ev("good", `{"en": "Siege of Leningrad broken", "ru": "Прорыв блокады Ленинграда"}`, `{"en": "Operation Iskra, 18 January 1943.", "ru": "Операция «Искра» (Iskra), 18 января 1943 г."}`),
			ev("missing", `"Operation Spark"`, `{"en": "Text.", "ru": "Текст."}`),
			ev("copied", `{"en": "Operation Spark", "ru": "Operation Spark"}`, `{"en": "Text.", "ru": "  "}`),
			ev("latin", `{"en": "Spark", "ru": "Operatsiya Iskra"}`, `{"en": "1943", "ru": "1943"}`),
		}, ", ") + `], "sources": [{"id": "s1", "citation": "A book"}]}`)},
	}
	c, err := timeline.LoadFS(pack, "test pack")
	if err != nil {
		t.Fatal(err)
	}
	got := untranslated(c, "ru")
	want := []string{
		`pack.json lane "operations": name has no translation`,
		`event "copied": title is the English text, untranslated`,
		`event "copied": summary has no translation`,
		`event "latin": title is mostly not in its script (0 of 15 letters): untranslated?`,
		`event "missing": title has no translation`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("untranslated:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDetailsSpeakTheSystemLanguage opens pages of the embedded pack as a Russian system shows
// them: Fyne reports the locale of LANG=ru_RU.UTF-8 as "ru-RU", and the pack writes "ru".
func TestDetailsSpeakTheSystemLanguage(t *testing.T) {
	test.NewTempApp(t)
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatal(err)
	}
	d := NewDetails(c, func(timeline.Ref) {})
	d.lang = "ru-RU"
	d.Show(timeline.Ref{Kind: timeline.KindEvent, ID: "operation-uranus"})
	if got := d.Title.Text; got != "Операция «Уран»" {
		t.Errorf("event title = %q, want the Russian", got)
	}
	if text := markupText(d); !strings.Contains(text, "Георгий Константинович Жуков") {
		t.Errorf("the leaders are not listed by their Russian names:\n%s", text)
	}
	d.Show(timeline.Ref{Kind: timeline.KindPerson, ID: "zhukov"})
	if got := d.Title.Text; got != "Георгий Константинович Жуков" {
		t.Errorf("person title = %q", got)
	}
	if got := monogramText(d); got != "ГЖ" {
		t.Errorf("monogram = %q, want the Russian initials ГЖ", got)
	}
}

// monogramText returns the initials of the monogram on the details page, or "".
func monogramText(d *Details) string {
	for _, o := range d.box.Objects {
		if m, ok := o.(*monogram); ok {
			return m.initials
		}
	}
	return ""
}

func containsLang(langs []string, lang string) bool {
	for _, l := range langs {
		if l == lang {
			return true
		}
	}
	return false
}
