package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// presenterScreen is the presenter's own window: the current stop (number, title, caption and
// notes), the next stop, and the time since presenting began, with buttons to move. It takes
// the same keys as the main window, so the lecturer can drive the talk from either. A
// goroutine ticks the clock once a second; it stops when the window closes, when presenter
// mode ends, and when the main window closes.
type presenterScreen struct {
	p      *TourPlayer
	win    fyne.Window
	Stop   *widget.Label
	Notes  *widget.Label
	NextT  *widget.Label
	Clock  *widget.Label
	stopCh chan struct{}
	done   chan struct{}
}

// ShowPresenterScreen opens (show) or closes the presenter's window. It opens only in
// presenter mode.
func (p *TourPlayer) ShowPresenterScreen(show bool) {
	switch {
	case show && p.screen == nil && p.presenting && !p.closed:
		a := fyne.CurrentApp()
		if a == nil {
			return
		}
		p.screen = newPresenterScreen(p, a)
	case !show && p.screen != nil:
		s := p.screen
		p.screen = nil
		s.close()
	}
}

// PresenterScreen reports whether the presenter's window is open (tests).
func (p *TourPlayer) PresenterScreen() *presenterScreen { return p.screen }

func newPresenterScreen(p *TourPlayer, a fyne.App) *presenterScreen {
	s := &presenterScreen{p: p, stopCh: make(chan struct{}), done: make(chan struct{})}
	s.Stop = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.Stop.SizeName = theme.SizeNameSubHeadingText
	s.Stop.Wrapping = fyne.TextWrapWord
	s.Notes = widget.NewLabel("")
	s.Notes.Wrapping = fyne.TextWrapWord
	s.NextT = widget.NewLabel("")
	s.NextT.Wrapping = fyne.TextWrapWord
	s.Clock = widget.NewLabelWithStyle("0:00", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true, Bold: true})
	s.Clock.SizeName = theme.SizeNameHeadingText
	prev := NewButton(lang.L("Previous"), theme.NavigateBackIcon(), func() { p.Prev() })
	next := NewButton(lang.L("Next"), theme.NavigateNextIcon(), func() { p.Next() })
	bar := container.NewBorder(nil, nil, container.NewHBox(prev, next), s.Clock)
	body := container.NewVBox(s.Stop, widget.NewSeparator(), s.Notes, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Next stop"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), s.NextT)
	s.win = a.NewWindow(lang.L("Presenter — Frontline Atlas"))
	s.win.SetContent(container.NewBorder(nil, container.NewPadded(bar), nil, nil, container.NewVScroll(body)))
	s.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !p.u.tourKey(ev) && ev.Name == fyne.KeyEscape {
			p.ShowPresenterScreen(false)
		}
	})
	s.win.SetOnClosed(func() {
		if p.screen == s {
			p.screen = nil
		}
		s.stopClock()
	})
	s.win.Resize(fyne.NewSize(720, 560))
	s.update()
	s.win.Show()
	go s.tick()
	return s
}

// tick updates the clock once a second until stopped.
func (s *presenterScreen) tick() {
	defer close(s.done)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-s.stopCh:
			return
		case <-t.C:
			postToUI(func() {
				select {
				case <-s.stopCh:
				default:
					s.Clock.SetText(elapsedText(time.Since(s.p.started)))
				}
			})
		}
	}
}

func (s *presenterScreen) stopClock() {
	select {
	case <-s.stopCh:
		return
	default:
		close(s.stopCh)
	}
	<-s.done
}

func (s *presenterScreen) close() {
	s.stopClock()
	s.win.Close()
}

// update shows the stop on screen and the next one. It does nothing on a nil screen.
func (s *presenterScreen) update() {
	if s == nil || s.p.cursor == nil {
		return
	}
	lang0 := contentLanguage()
	c := s.p.cursor
	st := c.State()
	s.Stop.SetText(fmt.Sprintf("%d / %d  %s\n%s", st.Number(), st.Count, st.Title.In(lang0), st.Caption.In(lang0)))
	notes := st.Notes.In(lang0)
	if notes == "" {
		notes = lang.L("No notes for this stop.")
	}
	s.Notes.SetText(notes)
	if c.AtLast() {
		s.NextT.SetText(lang.L("This is the last stop."))
	} else {
		n := c.StateAt(c.Index() + 1)
		s.NextT.SetText(fmt.Sprintf("%d  %s\n%s", n.Number(), n.Title.In(lang0), n.Caption.In(lang0)))
	}
	s.Clock.SetText(elapsedText(time.Since(s.p.started)))
}

// elapsedText writes a duration as the presenter's clock shows it: 4:05, 1:02:09.
func elapsedText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	sec := int(d / time.Second)
	h, m, ss := sec/3600, sec/60%60, sec%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, ss)
	}
	return fmt.Sprintf("%d:%02d", m, ss)
}
