package timeline

import "testing"

// TestTextInRegionalLanguage checks that a text is found in the language of a system locale
// that names a region: Fyne gives "ru-RU" for LANG=ru_RU.UTF-8, and the pack writes "ru".
func TestTextInRegionalLanguage(t *testing.T) {
	tx := Text{"en": "Battle of Kursk", "ru": "Курская битва", "pt-BR": "Batalha de Kursk"}
	tests := []struct{ lang, want string }{
		{"ru", "Курская битва"},
		{"ru-RU", "Курская битва"},
		{"ru_RU", "Курская битва"},
		{"ru-Cyrl-RU", "Курская битва"},
		{"pt-BR", "Batalha de Kursk"}, // an exact regional text wins
		{"pt-PT", "Battle of Kursk"},  // no "pt": English
		{"en-US", "Battle of Kursk"},
		{"de-DE", "Battle of Kursk"},
		{"", "Battle of Kursk"},
	}
	for _, tt := range tests {
		if got := tx.In(tt.lang); got != tt.want {
			t.Errorf("In(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
	if got := (Text{"en": "Kursk", "ru": ""}).In("ru-RU"); got != "Kursk" {
		t.Errorf("an empty translation should fall back to English, got %q", got)
	}
}
