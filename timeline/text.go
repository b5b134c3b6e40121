package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Text is a translatable text field. In a content pack it is either a plain string (English) or
// an object of language codes: {"en": "Siege of Leningrad", "ru": "Блокада Ленинграда"}.
type Text map[string]string

// DefaultLang is the language every Text must have.
const DefaultLang = "en"

// String returns the English text.
func (t Text) String() string { return t["en"] }

// In returns the text in lang, then in lang's base language (a locale such as "ru-RU" or
// "ru_RU", as the system gives it, reads a text in "ru"), falling back to English.
func (t Text) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		if s := t[lang[:i]]; s != "" {
			return s
		}
	}
	return t[DefaultLang]
}

// T makes an English-only Text.
func T(s string) Text {
	if s == "" {
		return nil
	}
	return Text{DefaultLang: s}
}

// UnmarshalJSON accepts a string or an object of language codes to strings.
func (t *Text) UnmarshalJSON(b []byte) error {
	if v, ok := decodeTextFast(b); ok {
		*t = v
		return nil
	}
	return t.unmarshalJSON(b)
}

// unmarshalJSON is UnmarshalJSON by encoding/json, for every shape decodeTextFast leaves.
func (t *Text) unmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = T(s)
		return nil
	}
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("want a string or an object of language codes to strings")
	}
	for k := range m {
		if len(k) < 2 || len(k) > 3 {
			return fmt.Errorf("language code %q: want a two- or three-letter code such as \"en\" or \"ru\"", k)
		}
	}
	*t = m
	return nil
}

// MarshalJSON writes an English-only Text as a plain string, otherwise an object.
func (t Text) MarshalJSON() ([]byte, error) {
	if len(t) == 1 {
		if s, ok := t[DefaultLang]; ok {
			return json.Marshal(s)
		}
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m := make(map[string]string, len(t))
	for _, k := range keys {
		m[k] = t[k]
	}
	return json.Marshal(m)
}
