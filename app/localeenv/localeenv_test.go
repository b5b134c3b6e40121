package localeenv

import "testing"

func TestInit(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string // LANGUAGE afterwards
	}{
		{"C.UTF-8 in LANG", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"POSIX with encoding in LC_ALL", map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "ru_RU.UTF-8"}, "en"},
		{"C with modifier", map[string]string{"LC_MESSAGES": "C@euro"}, "en"},
		{"plain C is understood already", map[string]string{"LANG": "C"}, ""},
		{"a real locale is left alone", map[string]string{"LANG": "ru_RU.UTF-8"}, ""},
		{"LC_ALL wins over a C LANG", map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "C.UTF-8"}, ""},
		{"the user's LANGUAGE is kept", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "ru"}, "ru"},
		{"nothing set", map[string]string{}, ""},
		{"a name that only starts with C", map[string]string{"LANG": "Ca_ES.UTF-8"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			Init(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if got := env["LANGUAGE"]; got != tc.want {
				t.Errorf("LANGUAGE = %q, want %q", got, tc.want)
			}
		})
	}
}
