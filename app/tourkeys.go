package app

import (
	"fmt"
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
)

// tourKey handles a key that reached the window for the tour player and reports whether it
// used it. F5 starts presenting in any mode; in presenter mode it takes precedence over the
// window's own keys:
//
//	→ PageDown Space          next stop        ← PageUp Backspace   previous stop
//	Home End                  first, last stop  digits then Enter   that stop
//	B or .                    black screen      W                   white screen
//	N                         presenter's window
//	F11                       full screen on or off
//	Escape                    leave presenter mode (clears a number being typed first)
//	+ −                       zoom the map
//	← → ↑ ↓                   pan the map once it has been touched (until the next stop)
//
// While the screen is blank, any of these keys brings it back and does nothing else, so a
// stray press of the clicker does not move on unseen.
func (u *UI) tourKey(ev *fyne.KeyEvent) bool {
	p := u.Tour
	if p == nil || p.closed {
		return false
	}
	if ev.Name == fyne.KeyF5 {
		p.StartPresenting()
		return true
	}
	if !p.presenting {
		return false
	}
	if ev.Name == fyne.KeyEscape && (u.Menu.IsOpen() || u.SettingsPanel.IsOpen()) {
		return false // the window closes them
	}
	if p.Blanked() != nil {
		switch ev.Name {
		case fyne.KeyB, fyne.KeyPeriod, fyne.KeyW, fyne.KeyEscape, fyne.KeyRight, fyne.KeyLeft, fyne.KeyPageDown, fyne.KeyPageUp,
			fyne.KeySpace, fyne.KeyBackspace, fyne.KeyHome, fyne.KeyEnd, fyne.KeyReturn, fyne.KeyEnter:
			// W over black turns white, B over white turns black; every other key uncovers.
			switch {
			case ev.Name == fyne.KeyW && p.Blanked() != color.White:
				p.Blank(color.White)
			case (ev.Name == fyne.KeyB || ev.Name == fyne.KeyPeriod) && p.Blanked() != color.Black:
				p.Blank(color.Black)
			default:
				p.Blank(nil)
			}
			return true
		}
	}
	if d, ok := digitOf(ev.Name); ok {
		if len(p.digits) < 3 {
			p.digits += d
		}
		p.note = ""
		p.refreshCard()
		return true
	}
	if p.digits != "" {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			n, _ := strconv.Atoi(p.digits)
			p.digits = ""
			if err := p.Jump(n); err != nil {
				p.note = fmt.Sprintf("%d? 1–%d", n, p.cursor.Len())
				p.refreshCard()
			}
			return true
		case fyne.KeyBackspace:
			p.digits = p.digits[:len(p.digits)-1]
			p.refreshCard()
			return true
		case fyne.KeyEscape:
			p.digits = ""
			p.refreshCard()
			return true
		}
		p.digits = ""
		p.refreshCard()
	}
	switch ev.Name {
	case fyne.KeyRight, fyne.KeyLeft, fyne.KeyUp, fyne.KeyDown:
		if u.mapKeys {
			u.Map.HandleKey(ev.Name)
			return true
		}
		switch ev.Name {
		case fyne.KeyRight:
			p.Next()
		case fyne.KeyLeft:
			p.Prev()
		}
	case fyne.KeyPageDown, fyne.KeySpace:
		p.Next()
	case fyne.KeyPageUp, fyne.KeyBackspace:
		p.Prev()
	case fyne.KeyHome:
		p.First()
	case fyne.KeyEnd:
		p.Last()
	case fyne.KeyB, fyne.KeyPeriod:
		p.Blank(color.Black)
	case fyne.KeyW:
		p.Blank(color.White)
	case fyne.KeyN:
		p.ShowPresenterScreen(p.screen == nil)
	case fyne.KeyF11:
		if w := u.window; w != nil {
			w.SetFullScreen(!w.FullScreen())
		}
	case fyne.KeyEscape:
		p.StopPresenting()
	case fyne.KeyPlus, fyne.KeyEqual, fyne.KeyMinus:
		u.Map.HandleKey(ev.Name)
	case fyne.KeyReturn, fyne.KeyEnter:
		// Enter without a number: nothing (a clicker's "OK" must not leave the stop).
	default:
		return false
	}
	return true
}

// digitOf returns the digit a key types ("0"–"9").
func digitOf(k fyne.KeyName) (string, bool) {
	if len(k) == 1 && k[0] >= '0' && k[0] <= '9' {
		return string(k), true
	}
	return "", false
}
