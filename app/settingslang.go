package app

import (
	"encoding/json"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// uiLanguage is the interface language the settings chose and setLanguage applied at start,
// or "" for the system's. Content is shown in it too (contentLanguage).
var uiLanguage string

// languageProbe is a text every translation has, in a form that differs between them.
const languageProbe = "Frontline Atlas"

// setLanguage makes the interface speak l ("en" or "ru"; "" leaves the system's language).
// It must run before the window is built: every text is translated once, when its widget is
// made, so a choice made in the settings takes effect at the next start.
//
// Fyne's lang package follows the system's locale and cannot be told another (Fyne 2.7: it
// has no call that sets the language; on Linux it reads LANGUAGE, on Windows and macOS the
// system's setting). So the chosen language's translations are added again under the locale
// the system asks for, which lang then answers in. Fyne's own few texts (the entry's
// Cut/Copy/Paste menu) stay in the system's language.
func setLanguage(l string) {
	setupTranslations()
	if l == "" || !slices.Contains(Languages, l) {
		uiLanguage = ""
		return
	}
	uiLanguage = l
	if activeLanguage() == l {
		return
	}
	data, err := translations.ReadFile("translations/" + l + ".json")
	if err != nil {
		logf("language %s: %v", l, err)
		return
	}
	sys := lang.SystemLocale()
	for _, loc := range slices.Compact([]string{sys.String(), sys.LanguageString(), "en"}) {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			logf("language %s: %v", l, err)
			return
		}
		if activeLanguage() == l {
			return
		}
	}
	logf("language %s: the interface stays in the system's language", l)
}

// activeLanguage returns which of Languages lang.L answers in now.
func activeLanguage() string {
	got := lang.L(languageProbe)
	for _, l := range Languages {
		if l == "en" {
			continue
		}
		if probeIn(l) == got {
			return l
		}
	}
	return "en"
}

// probeIn returns languageProbe in the translation file of l.
func probeIn(l string) string {
	data, err := translations.ReadFile("translations/" + l + ".json")
	if err != nil {
		return ""
	}
	var m map[string]string
	if json.Unmarshal(data, &m) != nil {
		return ""
	}
	return m[languageProbe]
}
