package app

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PINPad is the keypad the hidden long-press opens: the digits, Clear, OK and Cancel, each a
// large key, over a dimmed window. The PIN typed shows as dots. A right PIN leaves kiosk mode;
// a wrong one says so, and three in a row lock the pad for a minute (kiosk.PINGate). It closes
// by itself when left alone (the kiosk's tick) and at every reset.
type PINPad struct {
	Digits         [10]*Button
	ClearB, OK     *Button
	CancelB        *Button
	Display, Note  *widget.Label
	popup          *widget.PopUp
	typed          string
	lastKey        time.Time
	submit         func(pin string)
	maxLen         int
	onKey, onClose func()
}

func newPINPad(c fyne.Canvas, maxLen int, now time.Time, submit func(string), onKey func()) *PINPad {
	p := &PINPad{submit: submit, maxLen: maxLen, lastKey: now, onKey: onKey}
	key := func(label string, f func()) *Button {
		b := NewButton(label, nil, func() {
			p.onKey()
			f()
		})
		return b
	}
	for d := range 10 {
		p.Digits[d] = key(fmt.Sprint(d), func() { p.typeDigit(byte('0' + d)) })
	}
	p.ClearB = key(lang.L("Clear"), func() { p.typed = ""; p.Note.SetText(""); p.refresh() })
	p.OK = key(lang.L("OK"), func() { p.submit(p.typed) })
	p.CancelB = key(lang.L("Cancel"), p.Close)
	p.Display = widget.NewLabelWithStyle(" ", fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	p.Display.SizeName = theme.SizeNameHeadingText
	p.Note = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	big := func(b *Button) fyne.CanvasObject {
		return &fyne.Container{Layout: minSizeLayout{fyne.NewSize(88, 72)}, Objects: []fyne.CanvasObject{b}}
	}
	grid := container.NewGridWithColumns(3)
	for _, d := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9} {
		grid.Add(big(p.Digits[d]))
	}
	grid.Add(big(p.ClearB))
	grid.Add(big(p.Digits[0]))
	grid.Add(big(p.OK))
	title := widget.NewLabelWithStyle(lang.L("Enter the PIN to leave kiosk mode"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	box := container.NewVBox(title, p.Display, p.Note, grid, big(p.CancelB))
	p.popup = widget.NewModalPopUp(container.NewPadded(box), c)
	p.refresh()
	return p
}

func (p *PINPad) typeDigit(d byte) {
	if len(p.typed) < p.maxLen {
		p.typed += string(d)
	}
	p.Note.SetText("")
	p.refresh()
}

func (p *PINPad) refresh() {
	if p.typed == "" {
		p.Display.SetText(" ")
		return
	}
	p.Display.SetText(strings.Repeat("• ", len(p.typed)))
}

// wrong clears the PIN typed and says it was wrong, or how long the pad is locked.
func (p *PINPad) wrong(locked time.Duration) {
	p.typed = ""
	p.refresh()
	if locked > 0 {
		p.Note.SetText(fmt.Sprintf(lang.L("Too many wrong PINs: try again in %d s"), int(math.Ceil(locked.Seconds()))))
		return
	}
	p.Note.SetText(lang.L("Wrong PIN"))
}

// Show shows the pad.
func (p *PINPad) Show() { p.popup.Show() }

// IsOpen reports whether the pad is showing.
func (p *PINPad) IsOpen() bool { return p.popup != nil && p.popup.Visible() }

// Close hides the pad and forgets what was typed.
func (p *PINPad) Close() {
	p.typed = ""
	if p.popup != nil {
		p.popup.Hide()
	}
	if p.onClose != nil {
		p.onClose()
	}
}
