package app

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The layouts of the on-screen keyboard, row by row. Both have the digits (years: "1943") and
// the hyphen (Brest-Litovsk); search folds case and diacritics, so capitals and accents are
// not needed.
var (
	keyboardLatin = []string{"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM'"}
	// ЙЦУКЕН, the Russian standard layout; Ё at the end of the last row.
	keyboardCyrillic = []string{"1234567890", "ЙЦУКЕНГШЩЗХ", "ФЫВАПРОЛДЖЭ", "ЯЧСМИТЬБЮЁ-"}
)

// OnScreenKeyboard types into the search field without a keyboard: letters in a Latin or a
// Cyrillic layout (the ABC/АБВ key switches), digits, space, backspace, Clear and Done. It sits
// at the bottom of the window, over the timeline, while the search field has the keyboard.
// Its keys are large (at least 64 × 64 px at 100 % text) and take no keyboard focus, so the
// field keeps it and its results stay open above.
type OnScreenKeyboard struct {
	widget.BaseWidget
	Cyrillic bool
	// Keys are the keys shown, by their label ("Q", "Й", "Space", "backspace", …), for tests.
	Keys   map[string]*KeyCap
	target *Search
	onKey  func()
	onDone func()
	rows   [][]*KeyCap
	bottom []*KeyCap
	bg     *canvas.Rectangle
}

func newOnScreenKeyboard(target *Search, cyrillic bool, onKey, onDone func()) *OnScreenKeyboard {
	k := &OnScreenKeyboard{Cyrillic: cyrillic, target: target, onKey: onKey, onDone: onDone, bg: canvas.NewRectangle(color.Transparent)}
	k.ExtendBaseWidget(k)
	k.build()
	k.Hide()
	return k
}

func (k *OnScreenKeyboard) build() {
	k.Keys = map[string]*KeyCap{}
	k.rows = k.rows[:0]
	layout := keyboardLatin
	if k.Cyrillic {
		layout = keyboardCyrillic
	}
	for _, row := range layout {
		var caps []*KeyCap
		for _, r := range row {
			r := r
			c := newKeyCap(string(r), func() { k.keep(); k.typeRune(unicode.ToLower(r)) })
			k.Keys[string(r)] = c
			caps = append(caps, c)
		}
		k.rows = append(k.rows, caps)
	}
	other := "АБВ"
	if k.Cyrillic {
		other = "ABC"
	}
	add := func(label, key string, f func()) *KeyCap {
		c := newKeyCap(label, f)
		k.Keys[key] = c
		return c
	}
	// Backspace is an arrow to the left, as on a keyboard (Fyne has no backspace icon, and the
	// embedded fonts no ⌫).
	defer func() { k.Keys["backspace"].Icon = theme.NavigateBackIcon() }()
	k.bottom = []*KeyCap{
		add(other, "layout", func() { k.keep(); k.onKey(); k.Cyrillic = !k.Cyrillic; k.build(); k.Refresh() }),
		add(lang.L("Space"), "Space", func() { k.keep(); k.typeRune(' ') }),
		add("", "backspace", func() { k.keep(); k.onKey(); k.target.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) }),
		add(lang.L("Clear"), "Clear", func() { k.keep(); k.onKey(); k.target.SetText("") }),
		add(lang.L("Done"), "Done", func() { k.onKey(); k.onDone() }),
	}
}

func (k *OnScreenKeyboard) typeRune(r rune) {
	k.onKey()
	k.target.TypedRune(r)
}

// keep gives the field the keyboard focus back if a tap took it (Fyne's test driver unfocuses
// on a tap; the desktop driver leaves it, as the keys are focusable).
func (k *OnScreenKeyboard) keep() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(k.target); c != nil && c.Focused() != k.target {
		c.Focus(k.target)
	}
}

// Type taps the keys of s in turn (tests; a rune without a key is skipped).
func (k *OnScreenKeyboard) Type(s string) {
	for _, r := range strings.ToUpper(s) {
		if r == ' ' {
			k.Keys["Space"].Tapped(nil)
		} else if c := k.Keys[string(r)]; c != nil {
			c.Tapped(nil)
		}
	}
}

// The keyboard takes taps between its keys and the keyboard focus' place, so a tap on it does
// not take the keyboard from the search field (fyne.Tappable, fyne.Focusable).
func (k *OnScreenKeyboard) Tapped(*fyne.PointEvent) {}

// FocusGained implements fyne.Focusable; the keyboard never asks for the focus.
func (k *OnScreenKeyboard) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (k *OnScreenKeyboard) FocusLost() {}

// TypedRune implements fyne.Focusable.
func (k *OnScreenKeyboard) TypedRune(rune) {}

// TypedKey implements fyne.Focusable.
func (k *OnScreenKeyboard) TypedKey(*fyne.KeyEvent) {}

// CreateRenderer implements fyne.Widget.
func (k *OnScreenKeyboard) CreateRenderer() fyne.WidgetRenderer { return &keyboardRenderer{k: k} }

// keySize is the size of a letter key for a window width: as wide as eleven keys across
// allow, at most 110 px, and 64 px high (more with larger text).
func (k *OnScreenKeyboard) keySize(width float32) (w, h float32) {
	n := 11
	w = min((width-24)/float32(n)-6, 110)
	return max(w, 40), 64 * max(1, TextScale(k))
}

// MinSize is the height of five rows of keys: 368 px at 100 % text.
func (k *OnScreenKeyboard) MinSize() fyne.Size {
	_, h := k.keySize(1280)
	return fyne.NewSize(0, 5*(h+6)+18)
}

type keyboardRenderer struct{ k *OnScreenKeyboard }

func (r *keyboardRenderer) Layout(size fyne.Size) {
	k := r.k
	k.bg.Move(fyne.NewPos(0, 0))
	k.bg.Resize(size)
	kw, kh := k.keySize(size.Width)
	gap := float32(6)
	y := float32(12)
	for _, row := range k.rows {
		rowW := float32(len(row))*(kw+gap) - gap
		x := (size.Width - rowW) / 2
		for _, c := range row {
			place(c, x, y, kw, kh)
			x += kw + gap
		}
		y += kh + gap
	}
	// The bottom row: the layout key, a wide space bar, backspace, Clear and Done.
	widths := []float32{kw * 1.6, kw * 5, kw * 1.2, kw * 1.6, kw * 1.6}
	total := gap * float32(len(widths)-1)
	for _, w := range widths {
		total += w
	}
	x := (size.Width - total) / 2
	for i, c := range k.bottom {
		place(c, x, y, widths[i], kh)
		x += widths[i] + gap
	}
}

func (r *keyboardRenderer) MinSize() fyne.Size { return r.k.MinSize() }

func (r *keyboardRenderer) Refresh() {
	th := r.k.Theme()
	v := themeVariant()
	setRect(r.k.bg, th.Color(theme.ColorNameOverlayBackground, v), th.Color(theme.ColorNameShadow, v), 1, 0)
	r.Layout(r.k.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *keyboardRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.k.bg}
	for _, row := range r.k.rows {
		for _, c := range row {
			objs = append(objs, c)
		}
	}
	for _, c := range r.k.bottom {
		objs = append(objs, c)
	}
	return objs
}

func (r *keyboardRenderer) Destroy() {}

// KeyCap is one key of the on-screen keyboard: it types on a tap and takes no focus.
type KeyCap struct {
	widget.BaseWidget
	Label string
	Icon  fyne.Resource // drawn instead of the label when set (backspace)
	press func()
}

func newKeyCap(label string, press func()) *KeyCap {
	c := &KeyCap{Label: label, press: press}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped types the key.
func (c *KeyCap) Tapped(*fyne.PointEvent) { c.press() }

// FocusGained implements fyne.Focusable: a key never asks for the focus, but being focusable
// keeps a tap on it from taking the focus from the search field.
func (c *KeyCap) FocusGained() {}

// FocusLost implements fyne.Focusable.
func (c *KeyCap) FocusLost() {}

// TypedRune implements fyne.Focusable.
func (c *KeyCap) TypedRune(rune) {}

// TypedKey implements fyne.Focusable.
func (c *KeyCap) TypedKey(*fyne.KeyEvent) {}

// CreateRenderer implements fyne.Widget.
func (c *KeyCap) CreateRenderer() fyne.WidgetRenderer {
	r := &keyCapRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), text: canvas.NewText("", color.Black), icon: widget.NewIcon(nil)}
	r.Refresh()
	return r
}

type keyCapRenderer struct {
	c    *KeyCap
	bg   *canvas.Rectangle
	text *canvas.Text
	icon *widget.Icon
}

func (r *keyCapRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos((size.Width-ts.Width)/2, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	is := float32(32)
	r.icon.Move(fyne.NewPos((size.Width-is)/2, (size.Height-is)/2))
	r.icon.Resize(fyne.NewSize(is, is))
}

func (r *keyCapRenderer) MinSize() fyne.Size { return fyne.NewSize(40, 40) }

func (r *keyCapRenderer) Refresh() {
	th := r.c.Theme()
	v := themeVariant()
	setRect(r.bg, th.Color(theme.ColorNameButton, v), th.Color(theme.ColorNameInputBorder, v), 1, 8)
	setText(r.text, r.c.Label, th.Size(theme.SizeNameText)*1.5, fyne.TextStyle{Bold: true}, th.Color(theme.ColorNameForeground, v))
	if r.icon.Resource != r.c.Icon {
		r.icon.SetResource(r.c.Icon)
	}
	r.Layout(r.c.Size())
}

func (r *keyCapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text, r.icon}
}

func (r *keyCapRenderer) Destroy() {}
