package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Menu is the ☰ button at the right of the top bar and the list of commands it opens: the place
// for what needs no room of its own in the window. Its last entries are Settings and About;
// features add theirs above them with UI.AddMenuItem. Every entry is a 48 px touch target; the
// keyboard opens the menu with Space or Enter on the button, moves with ↑/↓ or Tab, runs an
// entry with Space or Enter, and closes it with Escape. A tap outside closes it.
type Menu struct {
	// Button opens the menu.
	Button *Button

	entries []menuEntry // added by features, in order
	tail    []menuEntry // Settings and About
	popup   *widget.PopUp
	shown   []*MenuItem
	canvas  func() fyne.Canvas
	byKey   bool // the entry running now was pressed with a key
}

// menuEntry is one command of the menu.
type menuEntry struct {
	label  string
	icon   fyne.Resource
	action func()
}

func newMenu(canvasOf func() fyne.Canvas) *Menu {
	m := &Menu{canvas: canvasOf}
	m.Button = NewButton("", theme.MenuIcon(), func() { m.Open(m.Button.PressedByKey()) })
	return m
}

// AddMenuItem adds a command to the ☰ menu, below those added before it and above Settings and
// About. label is shown as given (translate it with lang.L); icon may be nil; action runs
// after the menu has closed.
func (u *UI) AddMenuItem(label string, icon fyne.Resource, action func()) {
	u.Menu.entries = append(u.Menu.entries, menuEntry{label, icon, action})
}

// Labels returns the labels of the menu's entries, in order.
func (m *Menu) Labels() []string {
	var out []string
	for _, e := range append(append([]menuEntry{}, m.entries...), m.tail...) {
		out = append(out, e.label)
	}
	return out
}

// IsOpen reports whether the menu is showing.
func (m *Menu) IsOpen() bool { return m.popup != nil && m.popup.Visible() }

// Entry returns the entry labelled label while the menu is open, or nil (tests tap it).
func (m *Menu) Entry(label string) *MenuItem {
	for _, it := range m.shown {
		if it.Text == label {
			return it
		}
	}
	return nil
}

// Open shows the menu below its button, right-aligned with it. With focus, the keyboard goes
// to the first entry (the menu was opened with a key).
func (m *Menu) Open(focus bool) {
	c := m.canvas()
	if c == nil {
		return
	}
	m.Close()
	box := container.New(layout.NewCustomPaddedVBoxLayout(0))
	m.shown = m.shown[:0]
	add := func(e menuEntry) {
		it := newMenuItem(m, e)
		m.shown = append(m.shown, it)
		box.Add(touchTarget(it))
	}
	for _, e := range m.entries {
		add(e)
	}
	if len(m.entries) > 0 {
		box.Add(widget.NewSeparator())
	}
	for _, e := range m.tail {
		add(e)
	}
	framed := newOutlineBox(box)
	m.popup = widget.NewPopUp(framed, c)
	size := framed.MinSize()
	size.Width = max(size.Width, 260*TextScale(nil))
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(m.Button)
	pos := fyne.NewPos(at.X+m.Button.Size().Width-size.Width, at.Y+m.Button.Size().Height)
	pos.X = max(pos.X, 0)
	m.popup.Resize(size)
	m.popup.ShowAtPosition(pos)
	if focus && len(m.shown) > 0 {
		c.Focus(m.shown[0])
	}
}

// Close hides the menu.
func (m *Menu) Close() {
	if m.popup != nil {
		m.popup.Hide()
		m.popup = nil
	}
}

// run closes the menu and runs an entry's action.
func (m *Menu) run(e menuEntry, byKey bool) {
	m.Close()
	if byKey {
		if c := m.canvas(); c != nil {
			c.Focus(m.Button) // the keyboard comes back to ☰, unless the action takes it
		}
	}
	if e.action != nil {
		m.byKey = byKey
		e.action()
		m.byKey = false
	}
}

// MenuItem is one entry of the open menu: a flat button as wide as the menu, that ↑ and ↓
// move from.
type MenuItem struct {
	Button
	menu *Menu
}

func newMenuItem(m *Menu, e menuEntry) *MenuItem {
	it := &MenuItem{menu: m}
	it.Text, it.Icon = e.label, e.icon
	it.Alignment = widget.ButtonAlignLeading
	it.Importance = widget.LowImportance
	it.OnTapped = func() { m.run(e, it.PressedByKey()) }
	it.OnEscape = func() {
		m.Close()
		if c := m.canvas(); c != nil {
			c.Focus(m.Button)
		}
	}
	it.ExtendBaseWidget(it)
	return it
}

// TypedKey moves through the menu on ↑ and ↓; other keys are a Button's.
func (it *MenuItem) TypedKey(ev *fyne.KeyEvent) {
	c := it.menu.canvas()
	switch {
	case ev.Name == fyne.KeyDown && c != nil:
		c.FocusNext()
	case ev.Name == fyne.KeyUp && c != nil:
		c.FocusPrevious()
	default:
		it.Button.TypedKey(ev)
	}
}

// menuSettingsLabel and menuAboutLabel are the fixed entries' labels.
func menuSettingsLabel() string { return lang.L("Settings…") }
func menuAboutLabel() string    { return lang.L("About Frontline Atlas") }

// outlineBox draws its content inside an outline in the theme's field-border colour, so that a
// pop-up (the menu, the settings panel) stands apart from the window under it in every theme:
// in high contrast both are black, or both white.
type outlineBox struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newOutlineBox(content fyne.CanvasObject) *outlineBox {
	b := &outlineBox{content: content}
	b.ExtendBaseWidget(b)
	return b
}

func (b *outlineBox) CreateRenderer() fyne.WidgetRenderer {
	r := &outlineRenderer{box: b, line: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type outlineRenderer struct {
	box  *outlineBox
	line *canvas.Rectangle
}

// inset is the room between the outline and the content.
func (r *outlineRenderer) inset() float32 {
	return theme.SizeForWidget(theme.SizeNameInputBorder, r.box) + theme.SizeForWidget(theme.SizeNamePadding, r.box)
}

func (r *outlineRenderer) Layout(size fyne.Size) {
	r.line.Resize(size)
	in := r.inset()
	r.box.content.Move(fyne.NewPos(in, in))
	r.box.content.Resize(size.SubtractWidthHeight(2*in, 2*in))
}

func (r *outlineRenderer) MinSize() fyne.Size {
	in := r.inset()
	return r.box.content.MinSize().AddWidthHeight(2*in, 2*in)
}

func (r *outlineRenderer) Refresh() {
	r.line.StrokeColor = theme.ColorForWidget(theme.ColorNameInputBorder, r.box)
	r.line.StrokeWidth = theme.SizeForWidget(theme.SizeNameInputBorder, r.box)
	r.line.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, r.box)
	r.line.Refresh()
	r.Layout(r.box.Size())
}

func (r *outlineRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.line, r.box.content}
}

func (r *outlineRenderer) Destroy() {}
