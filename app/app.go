// Package app is the Fyne user interface of Frontline Atlas: the window with its map, timeline,
// details panel and top bar, all following one State; the headless snapshot renderer; and the
// command-line parsing. It turns what timeline and geo compute into canvas objects and turns
// input into calls on them.
package app

import (
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/geo"
	"frontline-atlas/timeline"
)

// Options are what the window starts with.
type Options struct {
	Date  timeline.Day // the date shown at start; 0 for the default (22 June 1941)
	Event string       // an event to select at start
	// Headless draws without background callbacks: the map renders when WaitReady asks
	// (snapshots and tests, where there is no event loop).
	Headless bool
}

// DefaultDate is the date shown when none is given: the first day of Operation Barbarossa.
var DefaultDate = timeline.DayOf(1941, 6, 22)

// UI is the whole window content. Its parts are exported so tests can act on them.
type UI struct {
	State    *State
	Catalog  *timeline.Catalog
	Map      *MapView
	Timeline *TimelineView
	Details  *Details
	Search   *Search
	DateText *widget.Label
	BackB    *widget.Button
	ForwardB *widget.Button
	AboutB   *widget.Button

	window  fyne.Window
	canvas  fyne.Canvas
	mapKeys bool // arrows and +/− go to the map (it was touched last), not the timeline
	root    fyne.CanvasObject
}

// New builds the UI for a catalog and the map data. The catalog must be non-nil.
func New(cat *timeline.Catalog, data *geo.MapData, opts Options) *UI {
	day := opts.Date
	if day == 0 {
		day = DefaultDate
	}
	u := &UI{State: NewState(day), Catalog: cat}
	u.Details = NewDetails(cat, u.Open)
	if data != nil && data.Fronts != nil {
		u.Details.Held = data.Fronts.HeldPeriods
	}
	u.Search = NewSearch(cat, u.Open, func() fyne.Canvas { return u.canvas })
	u.Map = NewMapView(u.State, cat, data, opts.Headless)
	u.Map.OnPlaceTapped = func(id string) { u.Open(timeline.Ref{Kind: timeline.KindPlace, ID: id}) }
	u.Timeline = NewTimelineView(u.State, cat)
	u.Timeline.OnEventTapped = func(id string) { u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: id}) }
	u.Timeline.OnInteract = func() { u.mapKeys = false }
	u.Map.OnInteract = func() { u.mapKeys = true }

	u.DateText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	u.DateText.SizeName = theme.SizeNameSubHeadingText
	u.BackB = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { u.State.Back() })
	u.ForwardB = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { u.State.Forward() })
	u.AboutB = widget.NewButtonWithIcon("", theme.InfoIcon(), u.showAbout)

	title := widget.NewLabelWithStyle(lang.L("Frontline Atlas"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewHBox(u.DateText, touchTarget(u.BackB), touchTarget(u.ForwardB), touchTarget(u.AboutB))
	top := container.NewBorder(nil, nil, title, right, u.Search)

	split := container.NewHSplit(u.Map, u.Details.Object())
	split.Offset = 0.74
	main := container.NewVSplit(split, u.Timeline.Panel())
	main.Offset = 0.62
	u.root = container.NewStack(container.NewBorder(container.NewPadded(top), nil, nil, nil, main), u.Search.Layer)

	u.State.OnChange(u.onChange)
	u.refreshChrome()
	if opts.Event != "" {
		if e := cat.Event(opts.Event); e != nil {
			d := e.Start.First()
			if opts.Date != 0 {
				d = opts.Date
			}
			u.State.SelectWithDate(timeline.Ref{Kind: timeline.KindEvent, ID: e.ID}, d)
		}
	}
	return u
}

// AddOverlay lays an object over the window content (it takes no room and no input unless it
// asks for it). main uses it for desktop-specific hooks.
func (u *UI) AddOverlay(o fyne.CanvasObject) {
	if st, ok := u.root.(*fyne.Container); ok {
		st.Add(container.NewWithoutLayout(o))
	}
}

// Content returns the root object of the window.
func (u *UI) Content() fyne.CanvasObject { return u.root }

// Attach puts the UI into a window (or any canvas, for snapshots) and installs the shortcuts.
// Closing the window closes the UI.
func (u *UI) Attach(w fyne.Window) {
	u.window = w
	u.canvas = w.Canvas()
	w.SetOnClosed(u.Close)
	w.SetContent(u.root)
	u.installKeys(u.canvas)
}

// Close stops every goroutine the UI started (the map's tile and overlay workers, its timer
// and close-zoom watcher, playback, the glide of a drag) and drops the map's tiles. Closing the
// window calls it; it may be called more than once.
func (u *UI) Close() {
	u.Map.Close()
	u.Timeline.Close()
}

// AttachCanvas puts the UI on a canvas without a window (snapshots, tests).
func (u *UI) AttachCanvas(c fyne.Canvas) {
	u.canvas = c
	c.SetContent(u.root)
	u.installKeys(c)
}

// Open selects r everywhere: details, map and timeline. An event also moves the date shown to
// its start.
func (u *UI) Open(r timeline.Ref) {
	if r.Kind == timeline.KindEvent {
		if e := u.Catalog.Event(r.ID); e != nil {
			u.State.SelectWithDate(r, e.Start.First())
			return
		}
	}
	u.State.Select(r)
}

// onChange runs on the UI goroutine: every change of the State is made there (background work
// hands its results over with fyne.Do).
func (u *UI) onChange(c Change) {
	if c.Selection {
		u.Details.Show(u.State.Selection())
	}
	u.refreshChrome()
	u.Map.StateChanged(c)
	u.Timeline.StateChanged(c)
}

func (u *UI) refreshChrome() {
	u.DateText.SetText(u.State.Date().Date().Human())
	if u.State.CanGoBack() {
		u.BackB.Enable()
	} else {
		u.BackB.Disable()
	}
	if u.State.CanGoForward() {
		u.ForwardB.Enable()
	} else {
		u.ForwardB.Disable()
	}
}

// SetCatalog replaces the content (a pack reloaded) while keeping the date shown.
func (u *UI) SetCatalog(cat *timeline.Catalog) {
	u.Catalog = cat
	u.Details.SetCatalog(cat)
	u.Search.SetCatalog(cat)
	u.Map.SetCatalog(cat)
	u.Timeline.SetCatalog(cat)
}

func (u *UI) installKeys(c fyne.Canvas) {
	c.SetOnTypedKey(u.typedKey)
	alt := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { f() })
	}
	alt(fyne.KeyLeft, func() { u.State.Back() })
	alt(fyne.KeyRight, func() { u.State.Forward() })
}

// typedKey handles keys that reach the window with no focused widget. Arrows and +/− act on
// the map or the timeline, whichever the user touched last (the timeline at start); the
// clicker's keys (PageUp/PageDown), Home, End and Space always drive the timeline.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyPlus, fyne.KeyMinus, fyne.KeyEqual:
		if u.mapKeys {
			u.Map.HandleKey(ev.Name)
			return
		}
	}
	u.Timeline.HandleKey(ev.Name)
}

func (u *UI) showAbout() {
	if u.window == nil {
		return
	}
	text := fmt.Sprintf("%s\n\n%s\n\n%s", lang.L("Frontline Atlas"),
		lang.L("The Soviet side of the Second World War, 1936–1953, on a map and a timeline."),
		Credits)
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About Frontline Atlas"), lang.L("Close"), container.NewVScroll(lbl), u.window)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// Credits is the text of the About box: data sources and licences (docs/credits.md has more).
const Credits = `Base map: Natural Earth (public domain, naturalearthdata.com), land, coastlines, lakes and rivers at 1:50m and 1:10m.
Period borders: historical-basemaps by Aourednik (GPL-3.0), 1938 and 1945 snapshots. The 1938 borders are shown until 8 May 1945 and the 1945 borders from 9 May 1945; annexations and occupations between them show through the front lines and the Axis-held area, not as borders.
Front lines: authored by the Frontline Atlas project from published atlases (see docs/fronts.md).
Content: compiled and checked by the Frontline Atlas project; every item cites its sources.
Software: Fyne (BSD-3-Clause), orb (MIT), golang/geo (Apache-2.0). Frontline Atlas is free software under the GNU GPL version 3 or later.`

func logf(format string, args ...any) { log.Printf(format, args...) }
