package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SettingsPanel is the panel the menu's Settings opens: text size, theme, contrast and the
// interface language. A change applies at once (the language at the next start) and is
// remembered. Every control is a 48 px button the keyboard reaches with Tab; the choice made
// in each row is filled with the accent colour and ticked, so it is not told by colour alone.
// Escape or Close shuts the panel.
type SettingsPanel struct {
	settings  *Settings
	canvas    func() fyne.Canvas
	popup     *widget.PopUp
	startLang string // the language choice the interface was built with

	// The controls, exported for tests.
	Smaller, Larger, ResetSize *Button
	SizeText                   *widget.Label
	Themes                     map[string]*Button // "system", "light", "dark"
	Contrast                   map[bool]*Button   // false: standard, true: high
	Languages                  map[string]*Button // "" (the system's), "en", "ru"
	LanguageNote               *widget.Label
	CloseB                     *Button
}

func newSettingsPanel(s *Settings, canvasOf func() fyne.Canvas) *SettingsPanel {
	p := &SettingsPanel{settings: s, canvas: canvasOf, startLang: s.Language()}
	s.OnChange(p.refresh)
	return p
}

// IsOpen reports whether the panel is showing.
func (p *SettingsPanel) IsOpen() bool { return p.popup != nil && p.popup.Visible() }

// Open shows the panel in the middle of the window; with focus, the keyboard goes to its first
// control.
func (p *SettingsPanel) Open(focus bool) {
	c := p.canvas()
	if c == nil {
		return
	}
	p.Close()
	esc := p.Close
	button := func(label string, icon fyne.Resource, f func()) *Button {
		b := NewButton(label, icon, f)
		b.OnEscape = esc
		return b
	}
	s := p.settings
	p.Smaller = button("−", nil, s.SmallerText)
	p.Larger = button("+", nil, s.LargerText)
	p.ResetSize = button(lang.L("Reset"), nil, s.ResetText)
	p.SizeText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.Themes = map[string]*Button{}
	themes := []fyne.CanvasObject{}
	for _, t := range []struct{ id, label string }{{"system", lang.L("System")}, {"light", lang.L("Light")}, {"dark", lang.L("Dark")}} {
		p.Themes[t.id] = button(t.label, nil, func() { s.SetTheme(t.id) })
		themes = append(themes, touchTarget(p.Themes[t.id]))
	}
	p.Contrast = map[bool]*Button{
		false: button(lang.L("Standard"), nil, func() { s.SetHighContrast(false) }),
		true:  button(lang.L("High contrast"), nil, func() { s.SetHighContrast(true) }),
	}
	p.Languages = map[string]*Button{}
	langs := []fyne.CanvasObject{}
	for _, l := range []struct{ id, label string }{{"", lang.L("System")}, {"en", "English"}, {"ru", "Русский"}} {
		p.Languages[l.id] = button(l.label, nil, func() { s.SetLanguage(l.id) })
		langs = append(langs, touchTarget(p.Languages[l.id]))
	}
	p.LanguageNote = widget.NewLabel(lang.L("Applies at the next start."))
	p.CloseB = button(lang.L("Close"), nil, p.Close)

	row := func(objs ...fyne.CanvasObject) fyne.CanvasObject { return container.NewHBox(objs...) }
	name := func(s string) fyne.CanvasObject { // level with the first row of its controls
		l := widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		return container.NewVBox(touchTarget(container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer())))
	}
	form := container.New(layout.NewFormLayout(),
		name(lang.L("Text size")), row(touchTarget(p.Smaller), container.NewCenter(p.SizeText), touchTarget(p.Larger), touchTarget(p.ResetSize)),
		name(lang.L("Theme")), row(themes...),
		name(lang.L("Contrast")), row(touchTarget(p.Contrast[false]), touchTarget(p.Contrast[true])),
		name(lang.L("Language")), container.NewVBox(row(langs...), p.LanguageNote),
	)
	title := widget.NewLabelWithStyle(lang.L("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	body := container.NewVBox(title, form, container.NewHBox(layout.NewSpacer(), touchTarget(p.CloseB)))
	scroll := container.NewScroll(newOutlineBox(body)) // both ways: at 200 % the panel may be wider than a small window
	p.popup = widget.NewModalPopUp(scroll, c)
	p.refresh()
	p.popup.Show()
	if focus {
		c.Focus(p.Smaller)
	}
}

// Close hides the panel.
func (p *SettingsPanel) Close() {
	if p.popup != nil {
		p.popup.Hide()
		p.popup = nil
	}
}

// refresh shows the settings' values: the size in per cent, the choice of each row, the note
// on the language; and fits the panel to its content (which grows with the text).
func (p *SettingsPanel) refresh() {
	if p.popup == nil {
		return
	}
	s := p.settings
	pct := s.TextPercent()
	p.SizeText.SetText(fmt.Sprintf("%d %%", pct))
	setEnabled(p.Smaller, pct > TextSizes[0])
	setEnabled(p.Larger, pct < TextSizes[len(TextSizes)-1])
	setEnabled(p.ResetSize, pct != 100)
	for id, b := range p.Themes {
		markChosen(b, id == s.Theme())
	}
	for hc, b := range p.Contrast {
		markChosen(b, hc == s.HighContrast())
	}
	for id, b := range p.Languages {
		markChosen(b, id == s.Language())
	}
	if s.Language() != p.startLang {
		p.LanguageNote.Show()
	} else {
		p.LanguageNote.Hide()
	}
	p.fit()
}

// fit sizes the panel to its content, within the window less a margin (it scrolls beyond).
func (p *SettingsPanel) fit() {
	c := p.canvas()
	if c == nil || p.popup == nil {
		return
	}
	pad := theme.Size(theme.SizeNameInnerPadding) // the pop-up's inset of its content
	want := p.popup.Content.(*container.Scroll).Content.MinSize().AddWidthHeight(pad, pad)
	limit := c.Size().Subtract(fyne.NewSquareSize(2 * touchMin))
	p.popup.Resize(want.Min(limit))
}

// markChosen fills the button of the choice made with the accent colour and ticks it.
func markChosen(b *Button, chosen bool) {
	imp, icon := widget.MediumImportance, fyne.Resource(nil)
	if chosen {
		imp, icon = widget.HighImportance, theme.ConfirmIcon()
	}
	if b.Importance != imp || b.Icon != icon {
		b.Importance, b.Icon = imp, icon
		b.Refresh()
	}
}

func setEnabled(b *Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}
