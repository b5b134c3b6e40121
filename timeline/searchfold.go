package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FoldSearch folds s for searching: lower case, diacritics removed (ö → o, ł → l, ß → ss,
// ё → е), apostrophes dropped, other punctuation turned into single spaces, trimmed.
func FoldSearch(s string) string {
	words, _ := foldWords(s)
	return strings.Join(words, " ")
}

// foldWords folds s as FoldSearch does and returns its words with, for each, the bytes of s
// it came from (start and end offsets), so that a word found in a folded name can be shown
// as it was written. strings.Join(words, " ") == FoldSearch(s).
func foldWords(s string) (words []string, spans [][2]int) {
	var b strings.Builder
	start, end := -1, 0
	flush := func() {
		if start >= 0 {
			words = append(words, b.String())
			spans = append(spans, [2]int{start, end})
			b.Reset()
			start = -1
		}
	}
	for i, r := range s {
		if r < utf8.RuneSelf { // ASCII, most names: no table
			switch {
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r == '\'' || r == '`':
				continue // apostrophes: dropped, inside a word
			default:
				flush()
				continue
			}
			if start < 0 {
				start = i
			}
			b.WriteByte(byte(r))
			end = i + 1
			continue
		}
		size := utf8.RuneLen(r) // an invalid byte reads as U+FFFD, which is no letter
		r = unicode.ToLower(r)
		if m, ok := searchFoldTable[r]; ok {
			if start < 0 {
				start = i
			}
			b.WriteString(m)
			end = i + size
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ', r == '`':
			// combining marks and apostrophes: dropped, inside a word ("L'viv" → "lviv")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			b.WriteRune(r)
			end = i + size
		default:
			flush()
		}
	}
	flush()
	return words, spans
}

// searchFoldTable maps lower-case letters with diacritics to their plain forms.
var searchFoldTable = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d",
		'þ': "th", 'ı': "i", 'ё': "е", 'ї': "і", 'ħ': "h"}
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ", "h": "ĥ",
		"i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ", "o": "òóôõöōŏő",
		"r": "ŕŗř", "s": "śŝşšș", "t": "ţťț", "u": "ùúûüũūŭůűų", "w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for plain, letters := range groups {
		for _, r := range letters {
			m[r] = plain
		}
	}
	return m
}()
