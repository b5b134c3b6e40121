package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// TourPlayer shows a tour in the window, stop by stop: browsing (a card over the map with the
// caption, the stop counter and buttons, for a student at a desk) or presenting (the caption
// large, the clicker's keys, full screen, the screen blanked on demand and a second window
// with the presenter's notes). It walks the tour with a timeline.TourCursor and puts each stop
// on screen with UI.ApplyStop.
type TourPlayer struct {
	// Card is the caption card over the map.
	Card *TourCard

	u          *UI
	cursor     *timeline.TourCursor
	presenting bool
	closed     bool

	blank  *blankScreen
	layer  *fyne.Container
	motion []*fyne.Animation
	play   *fyne.Animation

	shown   timeline.StopState // the stop on screen
	applied geo.View           // the map view the stop was given (to keep it on a resize)
	// appliedCover is the height of the map the card covered when the view was framed.
	appliedCover float32
	flying       bool // the map is flying to the stop's view

	savedFilter timeline.Filter // the visitor's filter before the tour
	digits      string          // a stop number being typed
	note        string          // a message in place of the counter (a wrong stop number)
	wasFull     bool            // the window was full screen before presenting
	wasPadded   bool
	started     time.Time // when presenting began (the presenter's clock)
	screen      *presenterScreen
	list        *tourList
}

// newTourPlayer makes the player of u and lays its card and blank screen over the window.
func newTourPlayer(u *UI) *TourPlayer {
	p := &TourPlayer{u: u}
	p.Card = newTourCard(func() { p.Prev(); p.unfocus() }, func() { p.Next(); p.unfocus() },
		func() { p.StartPresenting(); p.unfocus() }, func() { p.Leave(); p.unfocus() })
	p.Card.Hide()
	p.blank = newBlankScreen(func() { p.Blank(nil) })
	p.blank.Hide()
	p.layer = layered(&tourLayout{p}, p.Card, p.blank)
	if st, ok := u.root.(*fyne.Container); ok {
		st.Add(p.layer)
	}
	u.AddMenuItem(lang.L("Tours…"), theme.ListIcon(), p.ShowTours)
	u.AddMenuItem(lang.L("Present a tour (F5)"), theme.MediaPlayIcon(), p.StartPresenting)
	return p
}

func layered(l fyne.Layout, objs ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: l, Objects: objs}
}

// Active reports whether a tour is open (browsed or presented).
func (p *TourPlayer) Active() bool { return p.cursor != nil }

// Presenting reports whether presenter mode is on.
func (p *TourPlayer) Presenting() bool { return p.presenting }

// Cursor returns the cursor of the open tour, nil when none is open.
func (p *TourPlayer) Cursor() *timeline.TourCursor { return p.cursor }

// Shown returns the stop on screen.
func (p *TourPlayer) Shown() timeline.StopState { return p.shown }

// Open opens the tour id at stop (from 1) for browsing, or moves an open tour there. An
// unknown tour or a stop out of range is an error naming what there is; nothing changes then.
func (p *TourPlayer) Open(id string, stop int) error { return p.open(id, stop, true) }

// open is Open, animated or not (a window opening on a stop puts it in place at once).
func (p *TourPlayer) open(id string, stop int, animate bool) error {
	if p.closed {
		return fmt.Errorf("the window is closed")
	}
	c, err := timeline.NewTourCursor(p.u.Catalog, id)
	if err != nil {
		return err
	}
	if err := c.Jump(stop); err != nil {
		return err
	}
	if p.cursor == nil {
		p.savedFilter = p.u.State.Filter()
	}
	p.cursor = c
	p.digits, p.note = "", ""
	p.Card.Show()
	p.layer.Refresh() // see Blank
	p.show(animate && p.u.window != nil)
	return nil
}

// Present starts presenter mode on the tour id at stop (from 1): see Open for the errors.
func (p *TourPlayer) Present(id string, stop int) error {
	if err := p.Open(id, stop); err != nil {
		return err
	}
	p.StartPresenting()
	return nil
}

// StartPresenting turns presenter mode on for the open tour at its stop, or for the first tour
// of the pack from its first stop when none is open (F5). It does nothing without tours.
func (p *TourPlayer) StartPresenting() {
	if p.presenting || p.closed {
		return
	}
	if p.cursor == nil {
		tours := p.u.Catalog.Tours()
		if len(tours) == 0 {
			return
		}
		if err := p.Open(tours[0].ID, 1); err != nil {
			logf("presenting: %v", err)
			return
		}
	}
	p.presenting = true
	p.started = time.Now()
	p.u.mapKeys = false
	p.unfocus()
	p.u.Menu.Close()
	if w := p.u.window; w != nil {
		p.wasFull, p.wasPadded = w.FullScreen(), w.Padded()
		w.SetFullScreen(true)
		w.SetPadded(false) // the blank screen covers the window to its edges
	}
	p.Card.setBig(true)
	p.refreshCard()
	if ScreenCount != nil && ScreenCount() > 1 {
		p.ShowPresenterScreen(true)
	}
}

// StopPresenting leaves presenter mode (Escape): the screen comes back from black or white, the
// window leaves full screen unless it was full screen before, the presenter's window closes, and
// the tour stays open for browsing at the same stop.
func (p *TourPlayer) StopPresenting() {
	if !p.presenting {
		return
	}
	p.presenting = false
	p.digits, p.note = "", ""
	p.Blank(nil)
	if w := p.u.window; w != nil {
		if !p.wasFull {
			w.SetFullScreen(false)
		}
		w.SetPadded(p.wasPadded)
	}
	p.ShowPresenterScreen(false)
	p.Card.setBig(false)
	p.refreshCard()
}

// Leave leaves presenter mode, or closes the tour when browsing (the card's ✕).
func (p *TourPlayer) Leave() {
	if p.presenting {
		p.StopPresenting()
		return
	}
	p.CloseTour()
}

// CloseTour closes the tour: the card goes, the visitor's filter comes back; the date, the
// selection and the map stay where the last stop put them.
func (p *TourPlayer) CloseTour() {
	p.StopPresenting()
	p.stopMotion()
	p.Card.Hide()
	p.layer.Refresh()
	if p.cursor == nil {
		return
	}
	p.cursor = nil
	p.u.State.SetFilter(p.savedFilter)
}

// Next, Prev, First and Last move to that stop (and report whether they moved); Jump to the
// stop numbered n, from 1.
func (p *TourPlayer) Next() bool  { return p.move((*timeline.TourCursor).Next) }
func (p *TourPlayer) Prev() bool  { return p.move((*timeline.TourCursor).Prev) }
func (p *TourPlayer) First() bool { return p.move((*timeline.TourCursor).First) }
func (p *TourPlayer) Last() bool  { return p.move((*timeline.TourCursor).Last) }

// Jump moves to the stop numbered n; a number out of range is an error and nothing moves.
func (p *TourPlayer) Jump(n int) error {
	if p.cursor == nil {
		return fmt.Errorf("no tour is open")
	}
	if err := p.cursor.Jump(n); err != nil {
		return err
	}
	p.show(true)
	return nil
}

func (p *TourPlayer) move(f func(*timeline.TourCursor) bool) bool {
	if p.cursor == nil || !f(p.cursor) {
		return false
	}
	p.show(true)
	return true
}

// show puts the cursor's stop on screen; keys go back to the tour (not the map).
func (p *TourPlayer) show(animate bool) {
	p.note = ""
	p.u.mapKeys = false
	p.u.ApplyStop(p.cursor.State(), animate && !p.u.Map.headless)
	p.screen.update()
}

// refreshCard writes the card's texts for the stop shown and lays it out.
func (p *TourPlayer) refreshCard() {
	st := p.shown
	if st.Count == 0 {
		return
	}
	lang := contentLanguage()
	c := p.Card
	c.Caption.Text = st.Caption.In(lang)
	c.InfoText = st.Title.In(lang)
	if t := p.u.Catalog.Tour(st.Tour); t != nil {
		c.InfoText = t.Title.In(lang) + " — " + c.InfoText
	}
	switch {
	case p.note != "":
		c.Counter.Text = p.note
	case p.digits != "":
		c.Counter.Text = fmt.Sprintf("%s… / %d", p.digits, st.Count)
	default:
		c.Counter.Text = fmt.Sprintf("%d / %d", st.Number(), st.Count)
	}
	// A stop applied without the player's cursor (the kiosk's loop) has no buttons to move.
	if p.cursor == nil || st.Index == 0 {
		c.PrevB.Disable()
	} else {
		c.PrevB.Enable()
	}
	if p.cursor == nil || st.Index >= st.Count-1 {
		c.NextB.Disable()
	} else {
		c.NextB.Enable()
	}
	c.Refresh()
	p.relayout()
}

func (p *TourPlayer) relayout() { p.layer.Layout.Layout(p.layer.Objects, p.layer.Size()) }

// cover is how much of the map's height, from its bottom, the card covers (0 when hidden):
// a stop's view is framed in the part of the map above it.
func (p *TourPlayer) cover() float32 {
	if !p.Card.Visible() {
		return 0
	}
	mp, ok := positionIn(p.u.root, p.u.Map)
	if !ok {
		return 0
	}
	return fyne.Max(0, mp.Y+p.u.Map.Size().Height-p.Card.Position().Y)
}

// Blank covers the whole window with c (black or white), or uncovers it (nil).
func (p *TourPlayer) Blank(c color.Color) {
	if c == nil {
		p.blank.Hide()
	} else {
		p.blank.rect.FillColor = c
		p.blank.Show()
	}
	// An object first shown after the window was painted has no canvas yet, so its own
	// refresh repaints nothing: the layer's does.
	p.layer.Refresh()
}

// Blanked returns the colour covering the window, nil when none does.
func (p *TourPlayer) Blanked() color.Color {
	if !p.blank.Visible() {
		return nil
	}
	return p.blank.rect.FillColor
}

// unfocus gives the keyboard back to the window, where the presenter's keys arrive.
func (p *TourPlayer) unfocus() {
	if c := p.u.canvas; c != nil {
		c.Unfocus()
	}
}

// close stops everything the player started (UI.Close).
func (p *TourPlayer) close() {
	p.closed = true
	p.stopMotion()
	p.ShowPresenterScreen(false)
	if p.list != nil {
		p.list.close()
	}
}

// ScreenCount, when set (main sets it from GLFW), returns the number of screens attached:
// presenter mode opens the presenter's window by itself when there are two or more.
var ScreenCount func() int
