package app

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Keys of the settings in the preferences file (FilePrefs).
const (
	PrefTextSize     = "text_size"     // per cent, one of TextSizes
	PrefTheme        = "theme"         // "system", "light" or "dark"
	PrefHighContrast = "high_contrast" // bool
	PrefLanguage     = "language"      // "" (the system's), "en" or "ru"
)

// TextSizes are the steps of the text size setting, in per cent of Fyne's sizes.
var TextSizes = []int{80, 90, 100, 110, 125, 150, 175, 200}

// Languages are the interface languages the settings offer, besides the system's ("").
var Languages = []string{"en", "ru"}

// clampTextPercent returns the step of TextSizes nearest to p.
func clampTextPercent(p int) int {
	best := TextSizes[0]
	for _, s := range TextSizes {
		if abs(float64(s-p)) < abs(float64(best-p)) {
			best = s
		}
	}
	return best
}

// Settings are the user's choices of text size, theme, contrast and interface language, kept in
// the preferences and applied to the app live (the language at the next start). The settings
// panel and the keys (Ctrl+=, Ctrl+−, Ctrl+0) change them; views read their effect from the
// theme (TextScale, Variant, HighContrast), never from here.
type Settings struct {
	prefs fyne.Preferences
	// themeOverride is the --theme of the command line ("light" or "dark"): it wins over the
	// stored theme for this run, until the user picks one in the panel.
	themeOverride string
	listeners     []func()
	// apply sets a theme on the app (tests and snapshots replace it).
	apply func(fyne.Theme)
	// BeforeApply, when set, runs before a new theme is applied (the window closes its file
	// dialog, whose items Fyne cannot re-theme: filedialogs.go).
	BeforeApply func()
}

// NewSettings reads the settings from prefs (nil for a store in memory only). themeFlag is the
// --theme of the command line: "light" or "dark" override the stored choice for this run.
func NewSettings(prefs fyne.Preferences, themeFlag string) *Settings {
	if prefs == nil {
		prefs = OpenPrefs("")
	}
	s := &Settings{prefs: prefs, apply: func(th fyne.Theme) {
		if a := fyne.CurrentApp(); a != nil {
			a.Settings().SetTheme(th)
		}
	}}
	if themeFlag == "light" || themeFlag == "dark" {
		s.themeOverride = themeFlag
	}
	return s
}

// Appearance returns the appearance the settings ask for.
func (s *Settings) Appearance() Appearance {
	return Appearance{Variant: s.Theme(), HighContrast: s.HighContrast(), TextPercent: s.TextPercent()}
}

// Apply sets the app theme from the settings.
func (s *Settings) Apply() {
	if s.BeforeApply != nil {
		s.BeforeApply()
	}
	s.apply(s.Appearance().Theme())
}

// OnChange calls f after every change of a setting (after the theme was applied).
func (s *Settings) OnChange(f func()) { s.listeners = append(s.listeners, f) }

func (s *Settings) changed(applyTheme bool) {
	if applyTheme {
		s.Apply()
	}
	for _, f := range s.listeners {
		f()
	}
}

// TextPercent returns the text size in per cent (100 by default).
func (s *Settings) TextPercent() int {
	return clampTextPercent(s.prefs.IntWithFallback(PrefTextSize, 100))
}

// SetTextPercent sets the text size to the step nearest p, stores it and applies it.
func (s *Settings) SetTextPercent(p int) {
	p = clampTextPercent(p)
	if p == s.TextPercent() && s.prefs.IntWithFallback(PrefTextSize, -1) == p {
		return
	}
	s.prefs.SetInt(PrefTextSize, p)
	s.changed(true)
}

// LargerText steps the text size up (Ctrl+=); at 200 % it stays.
func (s *Settings) LargerText() {
	i := slices.Index(TextSizes, s.TextPercent())
	if i+1 < len(TextSizes) {
		s.SetTextPercent(TextSizes[i+1])
	}
}

// SmallerText steps the text size down (Ctrl+−); at 80 % it stays.
func (s *Settings) SmallerText() {
	if i := slices.Index(TextSizes, s.TextPercent()); i > 0 {
		s.SetTextPercent(TextSizes[i-1])
	}
}

// ResetText sets the text size back to 100 % (Ctrl+0).
func (s *Settings) ResetText() { s.SetTextPercent(100) }

// Theme returns the theme chosen: "system", "light" or "dark".
func (s *Settings) Theme() string {
	if s.themeOverride != "" {
		return s.themeOverride
	}
	switch v := s.prefs.StringWithFallback(PrefTheme, "system"); v {
	case "light", "dark":
		return v
	}
	return "system"
}

// SetTheme chooses "system", "light" or "dark" (anything else is "system"), stores it and
// applies it.
func (s *Settings) SetTheme(name string) {
	if name != "light" && name != "dark" {
		name = "system"
	}
	s.themeOverride = ""
	s.prefs.SetString(PrefTheme, name)
	s.changed(true)
}

// HighContrast reports whether the high-contrast palette is chosen.
func (s *Settings) HighContrast() bool { return s.prefs.BoolWithFallback(PrefHighContrast, false) }

// SetHighContrast switches the high-contrast palette on or off, stores it and applies it.
func (s *Settings) SetHighContrast(on bool) {
	s.prefs.SetBool(PrefHighContrast, on)
	s.changed(true)
}

// Language returns the interface language chosen: "" for the system's, or one of Languages.
func (s *Settings) Language() string {
	l := s.prefs.StringWithFallback(PrefLanguage, "")
	if slices.Contains(Languages, l) {
		return l
	}
	return ""
}

// SetLanguage chooses the interface language ("" for the system's) and stores it. It takes
// effect at the next start: the window's texts are made once (see setLanguage).
func (s *Settings) SetLanguage(l string) {
	if !slices.Contains(Languages, l) {
		l = ""
	}
	s.prefs.SetString(PrefLanguage, l)
	s.changed(false)
}
