package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/timeline"
)

// playFrame is how often playback advances the date.
const playFrame = time.Second / 30

// TimelineControls are the buttons above the band: play/pause and speed, steps by day, week and
// month, zoom for fingers, and the lane filters.
type TimelineControls struct {
	t        *TimelineView
	PlayB    *widget.Button
	Speed    *widget.Select
	Steps    map[string]*widget.Button // "-month", "-week", "-day", "+day", "+week", "+month"
	ZoomInB  *widget.Button
	ZoomOutB *widget.Button
	FiltersB *widget.Button
	Box      *fyne.Container
	lanesPop *widget.PopUp
	stop     chan struct{}
	ticking  sync.WaitGroup // the goroutine that ticks playback
	// Now drives playback; tests replace it with a fake clock.
	Now func() time.Time
}

func newTimelineControls(t *TimelineView) *TimelineControls {
	c := &TimelineControls{t: t, Steps: map[string]*widget.Button{}}
	c.PlayB = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), c.TogglePlay)
	var names []string
	for _, s := range timeline.PlaybackSpeeds {
		names = append(names, lang.L(s.Name))
	}
	c.Speed = widget.NewSelect(names, func(s string) {
		for i, n := range names {
			if n == s {
				t.Playback.SetSpeed(i)
			}
		}
	})
	c.Speed.SetSelectedIndex(2)
	step := func(key, label string, unit timeline.StepUnit, n int) *widget.Button {
		b := widget.NewButton(label, func() {
			t.Playback.Seek(float64(t.state.Date()))
			t.Playback.Step(unit, n)
			t.state.SetDate(t.Playback.Date())
		})
		c.Steps[key] = b
		return b
	}
	c.ZoomInB = widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.zoomCursor(2) })
	c.ZoomOutB = widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.zoomCursor(0.5) })
	c.FiltersB = widget.NewButtonWithIcon(lang.L("Filters"), theme.ListIcon(), c.showFilters)
	c.Box = container.NewHBox(
		touchTarget(c.PlayB), touchTarget(c.Speed), widget.NewSeparator(),
		touchTarget(step("-month", "−"+lang.L("month"), timeline.StepMonth, -1)),
		touchTarget(step("-week", "−"+lang.L("week"), timeline.StepWeek, -1)),
		touchTarget(step("-day", "−"+lang.L("day"), timeline.StepDay, -1)),
		touchTarget(step("+day", "+"+lang.L("day"), timeline.StepDay, 1)),
		touchTarget(step("+week", "+"+lang.L("week"), timeline.StepWeek, 1)),
		touchTarget(step("+month", "+"+lang.L("month"), timeline.StepMonth, 1)),
		widget.NewSeparator(), touchTarget(c.ZoomOutB), touchTarget(c.ZoomInB), touchTarget(c.FiltersB))
	return c
}

// Playing reports whether playback runs.
func (c *TimelineControls) Playing() bool { return c.t.Playback.Playing() }

// TogglePlay starts or pauses playback. While playing, the date advances every frame at the
// chosen speed; reaching the end of 1953 pauses.
func (c *TimelineControls) TogglePlay() {
	p := c.t.Playback
	if p.Playing() {
		c.pause()
		return
	}
	p.Now = c.Now
	p.Seek(float64(c.t.state.Date()))
	p.Play()
	c.PlayB.SetIcon(theme.MediaPauseIcon())
	c.stop = make(chan struct{})
	stop := c.stop
	c.ticking.Go(func() {
		tk := time.NewTicker(playFrame)
		defer tk.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				postToUI(c.Advance)
			}
		}
	})
}

// Advance moves playback by the time passed since the last frame and shows the new date.
func (c *TimelineControls) Advance() {
	p := c.t.Playback
	if !p.Playing() {
		return
	}
	p.Tick()
	c.t.state.SetDate(p.Date())
	if !p.Playing() {
		c.pause()
	}
}

// close pauses playback and waits until its goroutine has stopped.
func (c *TimelineControls) close() {
	if c.t.Playback.Playing() || c.stop != nil {
		c.pause()
	}
	c.ticking.Wait()
}

func (c *TimelineControls) pause() {
	c.t.Playback.Pause()
	if c.stop != nil {
		close(c.stop)
		c.stop = nil
	}
	c.PlayB.SetIcon(theme.MediaPlayIcon())
}

// FilterChecks builds the check boxes of the filters: one per category and one per theatre,
// each showing or hiding its events on the map and the timeline.
func (c *TimelineControls) FilterChecks() (lanes, theatres map[string]*widget.Check, box *fyne.Container) {
	lanes, theatres = map[string]*widget.Check{}, map[string]*widget.Check{}
	f := c.t.state.Filter()
	box = container.NewVBox(widget.NewLabelWithStyle(lang.L("Categories"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, l := range c.t.cat.Lanes() {
		id := l.ID
		ch := widget.NewCheck(l.Name.In(c.t.lang), func(on bool) { c.t.state.SetLaneShown(id, on) })
		ch.Checked = !f.HiddenLanes[id]
		lanes[id] = ch
		box.Add(ch)
	}
	box.Add(widget.NewLabelWithStyle(lang.L("Theatres"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, th := range c.t.cat.Theatres() {
		id := th.ID
		ch := widget.NewCheck(th.Name.In(c.t.lang), func(on bool) { c.t.state.SetTheatreShown(id, on) })
		ch.Checked = !f.HiddenTheatres[id]
		theatres[id] = ch
		box.Add(ch)
	}
	return lanes, theatres, box
}

func (c *TimelineControls) showFilters() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c.FiltersB)
	if cv == nil || c.t.cat == nil {
		return
	}
	_, _, box := c.FilterChecks()
	c.lanesPop = widget.NewPopUp(box, cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.FiltersB)
	y := fyne.Max(pos.Y-box.MinSize().Height-c.FiltersB.Theme().Size(theme.SizeNamePadding)*2, 0)
	c.lanesPop.ShowAtPosition(fyne.NewPos(pos.X, y))
}

// filterChanged marks the Filters button while anything is hidden.
func (c *TimelineControls) filterChanged() {
	if c.t.state.Filter().Active() {
		c.FiltersB.Importance = widget.HighImportance
	} else {
		c.FiltersB.Importance = widget.MediumImportance
	}
	c.FiltersB.Refresh()
}

// Panel returns the band with its controls above it.
func (t *TimelineView) Panel() fyne.CanvasObject {
	return container.NewBorder(container.NewPadded(t.Controls.Box), nil, nil, nil, t)
}
