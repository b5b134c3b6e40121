package app

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
)

// The interface language chosen in the settings is the one the window is built in at the next
// start, whatever the system's (English, Russian, a language the app lacks, the C locale), and
// content is shown in it too. Each case runs in a child process: Fyne's translations are global.
func TestLanguageChosenAtStart(t *testing.T) {
	if l, ok := os.LookupEnv("FRONTLINE_LANG_CHILD"); ok {
		setLanguage(l)
		content, _, _ := strings.Cut(contentLanguage(), "-") // "ru-RU" is Russian (Text.In)
		fmt.Printf("\nRESULT %s|%s|%s\n", lang.L("Close"), lang.L("Settings…"), content)
		return
	}
	for _, tc := range []struct {
		env, choice, close, settings, content string
	}{
		{"LANG=en_US.UTF-8", "ru", "Закрыть", "Настройки…", "ru"},
		{"LANG=ru_RU.UTF-8", "en", "Close", "Settings…", "en"},
		{"LANG=ru_RU.UTF-8", "", "Закрыть", "Настройки…", "ru"},
		{"LANG=en_GB.UTF-8", "", "Close", "Settings…", "en"},
		{"LANG=de_DE.UTF-8", "ru", "Закрыть", "Настройки…", "ru"},
		{"LANG=C.UTF-8", "ru", "Закрыть", "Настройки…", "ru"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestLanguageChosenAtStart$", "-test.count=1")
		cmd.Env = append(cleanLocaleEnv(), "FRONTLINE_LANG_CHILD="+tc.choice, tc.env)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s, choice %q: child failed: %v\n%s", tc.env, tc.choice, err, out)
		}
		_, res, ok := strings.Cut(string(out), "RESULT ")
		res, _, _ = strings.Cut(res, "\n")
		if want := tc.close + "|" + tc.settings + "|" + tc.content; !ok || res != want {
			t.Errorf("%s, choice %q: got %q, want %q\n%s", tc.env, tc.choice, res, want, out)
		}
	}
}
