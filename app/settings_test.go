package app

import (
	"image/color"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newPrefsUI builds the window with its settings kept in the preferences file at path, and
// applies them as the window does at start.
func newPrefsUI(t *testing.T, path string, opts Options) (*UI, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	c := loadTestContent(t)
	opts.Headless = true
	opts.Prefs = OpenPrefs(path)
	NewSettings(opts.Prefs, opts.Theme).Apply() // as RunWindow does, before the window is made
	u := New(c.Catalog, c.Map, opts)
	win := test.NewTempWindow(t, nil)
	u.Attach(win)
	win.Resize(fyne.NewSize(1280, 800))
	return u, win
}

// pressShortcut delivers a shortcut as the desktop driver does: to the focused widget when it
// takes shortcuts (the search field), else to the window.
func pressShortcut(win fyne.Window, sc fyne.Shortcut) {
	if f, ok := win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

func ctrlKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// renderedTextSize returns the size of the text o draws (the first canvas.Text inside it).
func renderedTextSize(t *testing.T, o fyne.CanvasObject) float32 {
	t.Helper()
	var size float32
	walkObjects(o, func(o fyne.CanvasObject) {
		if txt, ok := o.(*canvas.Text); ok && size == 0 && txt.Text != "" {
			size = txt.TextSize
		}
	})
	if size == 0 {
		t.Fatalf("%T draws no text", o)
	}
	return size
}

// The text size keys change the size of the text drawn and of the touch targets, step by step
// between 80 % and 200 %, and the size is remembered in the preferences file.
func TestTextSizeKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), PrefsFile)
	u, win := newPrefsUI(t, path, Options{Event: "battle-of-kursk"})
	title0 := renderedTextSize(t, u.Details.Title)
	back0 := u.BackB.Size()
	if title0 != theme.DefaultTheme().Size(theme.SizeNameSubHeadingText) || back0.Height != touchMin {
		t.Fatalf("at 100 %%: title %.1f px, Back %v; want Fyne's sub-heading size and %d px", title0, back0, touchMin)
	}

	pressShortcut(win, ctrlKey(fyne.KeyEqual))
	pressShortcut(win, ctrlKey(fyne.KeyEqual))
	pressShortcut(win, ctrlKey(fyne.KeyEqual)) // 110, 125, 150
	if got := u.Settings.TextPercent(); got != 150 {
		t.Fatalf("after Ctrl+= three times the text size is %d %%, want 150", got)
	}
	// no relayout asked for: applying the theme lays the window out again
	if got := renderedTextSize(t, u.Details.Title); got != title0*1.5 {
		t.Errorf("at 150 %% the title is drawn at %.1f px, want %.1f", got, title0*1.5)
	}
	if got := u.BackB.Size(); got.Height < touchMin*1.5 || got.Width < touchMin*1.5 {
		t.Errorf("at 150 %% Back is %v, want at least %.0f px each way", got, touchMin*1.5)
	}
	if got := TextScale(u.Timeline); got != 1.5 {
		t.Errorf("TextScale of the timeline is %.2f, want 1.5", got)
	}
	if got := TouchSize(u.Map); got != 72 {
		t.Errorf("TouchSize at 150 %% is %.0f, want 72", got)
	}

	// The keys work while the search field has the keyboard, and the field keeps its text.
	typeQuery(win, u.Search, "kursk")
	pressShortcut(win, ctrlKey(fyne.KeyMinus))
	if got := u.Settings.TextPercent(); got != 125 {
		t.Errorf("Ctrl+− in the search field: %d %%, want 125", got)
	}
	if u.Search.Text != "kursk" {
		t.Errorf("Ctrl+− changed the search text to %q", u.Search.Text)
	}
	win.Canvas().Unfocus()

	for range 10 {
		pressShortcut(win, ctrlKey(fyne.KeyPlus))
	}
	if got := u.Settings.TextPercent(); got != 200 {
		t.Errorf("Ctrl++ held down stops at %d %%, want 200", got)
	}
	for range 10 {
		pressShortcut(win, ctrlKey(fyne.KeyMinus))
	}
	if got := u.Settings.TextPercent(); got != 80 {
		t.Errorf("Ctrl+− held down stops at %d %%, want 80", got)
	}
	if got := u.BackB.Size().Height; got != touchMin {
		t.Errorf("at 80 %% Back is %.0f px high, want %d: a finger does not shrink", got, touchMin)
	}
	pressShortcut(win, ctrlKey(fyne.KeyEqual))
	if got := OpenPrefs(path).Int(PrefTextSize); got != 90 {
		t.Errorf("the preferences file holds %d, want 90", got)
	}

	// A new window on the same preferences opens at 90 %.
	u2, _ := newPrefsUI(t, path, Options{Event: "battle-of-kursk"})
	// Within the theme's quarter-pixel rounding (quarterPixel).
	if got, want := renderedTextSize(t, u2.Details.Title), title0*0.9; got < want-0.13 || got > want+0.13 {
		t.Errorf("the next start draws the title at %.2f px, want %.2f (90 %%) within a quarter pixel", got, want)
	}
	pressShortcut(win, ctrlKey(fyne.Key0))
	if got := u.Settings.TextPercent(); got != 100 {
		t.Errorf("Ctrl+0: %d %%, want 100", got)
	}
}

// The settings panel, opened from the menu, changes the text size with its buttons, shows the
// percentage, switches the theme and high contrast live, and all of it is remembered.
func TestSettingsPanel(t *testing.T) {
	path := filepath.Join(t.TempDir(), PrefsFile)
	u, _ := newPrefsUI(t, path, Options{})
	test.Tap(u.Menu.Button)
	test.Tap(u.Menu.Entry(menuSettingsLabel()))
	p := u.SettingsPanel
	if !p.IsOpen() {
		t.Fatal("the menu's Settings did not open the panel")
	}
	if u.Menu.IsOpen() {
		t.Error("the menu stays open over the panel")
	}
	if p.SizeText.Text != "100 %" || !p.ResetSize.Disabled() {
		t.Errorf("at the start the panel shows %q, Reset enabled=%v; want \"100 %%\" and Reset disabled", p.SizeText.Text, !p.ResetSize.Disabled())
	}
	size0 := renderedTextSize(t, p.SizeText)
	test.Tap(p.Larger)
	test.Tap(p.Larger)
	if p.SizeText.Text != "125 %" {
		t.Errorf("after + twice the panel shows %q, want \"125 %%\"", p.SizeText.Text)
	}
	if got := renderedTextSize(t, p.SizeText); got != size0*1.25 {
		t.Errorf("the panel's own text is %.1f px at 125 %%, want %.1f", got, size0*1.25)
	}
	test.Tap(p.Smaller)
	if p.SizeText.Text != "110 %" {
		t.Errorf("after − the panel shows %q, want \"110 %%\"", p.SizeText.Text)
	}

	bg := func() color.Color {
		return fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	}
	test.Tap(p.Themes["dark"])
	if Variant() != theme.VariantDark || luminance(bg()) > 0.1 {
		t.Errorf("Dark: variant %v, background %v", Variant(), bg())
	}
	if p.Themes["dark"].Importance != widget.HighImportance || p.Themes["dark"].Icon == nil || p.Themes["light"].Icon != nil {
		t.Errorf("the chosen theme is not marked (filled and ticked) alone")
	}
	test.Tap(p.Contrast[true])
	if !HighContrast() || over(bg(), color.White) != rgb(0x000000) {
		t.Errorf("high contrast dark: background %v, want black", bg())
	}
	test.Tap(p.Themes["light"])
	if over(bg(), color.White) != rgb(0xffffff) || over(fyne.CurrentApp().Settings().Theme().Color(theme.ColorNameForeground, 0), color.White) != rgb(0x000000) {
		t.Errorf("high contrast light: not black on white")
	}
	// Live: the details title, already drawn, takes the new foreground.
	var titleColor color.Color
	walkObjects(u.Details.Title, func(o fyne.CanvasObject) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			titleColor = txt.Color
		}
	})
	if over(titleColor, color.White) != rgb(0x000000) {
		t.Errorf("the details title is drawn in %v after switching to high contrast, want black", titleColor)
	}
	if p.LanguageNote.Visible() {
		t.Error("the note on the language shows before the language was changed")
	}
	test.Tap(p.Languages["ru"])
	if !p.LanguageNote.Visible() {
		t.Error("choosing Русский does not say that it applies at the next start")
	}

	test.Tap(p.CloseB)
	if p.IsOpen() {
		t.Error("Close did not close the panel")
	}
	prefs := OpenPrefs(path)
	if prefs.Int(PrefTextSize) != 110 || prefs.String(PrefTheme) != "light" || !prefs.Bool(PrefHighContrast) || prefs.String(PrefLanguage) != "ru" {
		t.Errorf("the preferences file holds %v", prefs.Snapshot())
	}
}

// --theme light or dark wins over the stored theme for the run, until one is chosen.
func TestThemeFlagOverridesStoredTheme(t *testing.T) {
	prefs := OpenPrefs("")
	prefs.SetString(PrefTheme, "dark")
	s := NewSettings(prefs, "light")
	if s.Theme() != "light" {
		t.Errorf("--theme light over a stored dark: %q", s.Theme())
	}
	if NewSettings(prefs, "system").Theme() != "dark" {
		t.Errorf("--theme system (the default) does not keep the stored dark")
	}
	s.apply = func(fyne.Theme) {}
	s.SetTheme("system")
	if s.Theme() != "system" || prefs.String(PrefTheme) != "system" {
		t.Errorf("a choice in the panel does not replace the flag: %q", s.Theme())
	}
}

// A stored value out of range or of another type reads as the nearest valid one.
func TestSettingsReadBadValues(t *testing.T) {
	prefs := OpenPrefs("")
	s := NewSettings(prefs, "")
	s.apply = func(fyne.Theme) {}
	for _, tc := range []struct {
		stored any
		want   int
	}{{500, 200}, {10, 80}, {130, 125}, {"big", 100}, {100.5, 100}} {
		switch v := tc.stored.(type) {
		case int:
			prefs.SetInt(PrefTextSize, v)
		case string:
			prefs.SetString(PrefTextSize, v)
		case float64:
			prefs.SetFloat(PrefTextSize, v)
		}
		if got := s.TextPercent(); got != tc.want {
			t.Errorf("stored %v: %d %%, want %d", tc.stored, got, tc.want)
		}
	}
	prefs.SetString(PrefTheme, "purple")
	prefs.SetString(PrefLanguage, "xx")
	if s.Theme() != "system" || s.Language() != "" {
		t.Errorf("unknown theme and language read as %q and %q, want system and the system's", s.Theme(), s.Language())
	}
}

// At every text size the window fits a 1280×720 screen: Fyne grows a window to its content's
// least size, which would push ☰ and the right of the window off the screen. The controls
// beyond the right edge at 200 % are reached by scrolling the timeline's panel.
func TestLargeTextFitsSmallScreen(t *testing.T) {
	u, win := newPrefsUI(t, filepath.Join(t.TempDir(), PrefsFile), Options{Event: "battle-of-kursk"})
	win.Resize(fyne.NewSize(1280, 720))
	for _, p := range TextSizes {
		u.Settings.SetTextPercent(p)
		if m := u.Content().MinSize(); m.Width > 1280 || m.Height > 720 {
			t.Errorf("at %d %% the window needs at least %v, more than 1280×720", p, m)
		}
		d := fyne.CurrentApp().Driver()
		if at := d.AbsolutePositionForObject(u.Menu.Button); at.X+u.Menu.Button.Size().Width > 1280 {
			t.Errorf("at %d %% ☰ ends at x=%.0f, beyond the window", p, at.X+u.Menu.Button.Size().Width)
		}
	}
}

// The search results grow with the text: at 200 % a result is 96 px high and its name is drawn
// at twice the size.
func TestSearchRowsFollowTextSize(t *testing.T) {
	u, win := newPrefsUI(t, filepath.Join(t.TempDir(), PrefsFile), Options{})
	typeQuery(win, u.Search, "kursk")
	h0 := u.Search.views[1].Size().Height
	u.Settings.SetTextPercent(200)
	typeQuery(win, u.Search, "k") // the card is laid out again as the query changes
	if h := u.Search.views[1].Size().Height; h != 2*h0 {
		t.Errorf("a result row is %.0f px at 200 %%, want %.0f", h, 2*h0)
	}
}
