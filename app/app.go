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
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/buildinfo"
	"frontline-atlas/cli"
	"frontline-atlas/geo"
	"frontline-atlas/kiosk"
	"frontline-atlas/timeline"
)

// Options are what the window starts with.
type Options struct {
	Date  timeline.Day // the date shown at start; 0 for the default (22 June 1941)
	Event string       // an event to select at start
	// Headless draws without background callbacks: the map renders when WaitReady asks
	// (snapshots and tests, where there is no event loop).
	Headless bool
	// Prefs keeps the settings (text size, theme, contrast, language); nil keeps them in
	// memory only. The window passes AppPrefs.
	Prefs fyne.Preferences
	// Theme is the --theme of the command line: "light" or "dark" win over the stored theme
	// for this run, until one is chosen in the settings.
	Theme string
	// View is the --view of the command line: the map's centre and zoom at start.
	View cli.ViewArg
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
	// Date is DateText as a stop of Tab: the arrows move the date while it has the keyboard.
	Date     *DateControl
	BackB    *Button
	ForwardB *Button
	// HomeB and Title (tappable) return to the start view (home.go).
	HomeB *Button
	Title *HomeTitle
	// Menu is the ☰ button at the right of the top bar and what it opens (AddMenuItem).
	Menu *Menu
	// Settings are the user's text size, theme, contrast and language, kept in Options.Prefs.
	Settings *Settings
	// SettingsPanel is the panel the menu's Settings opens.
	SettingsPanel *SettingsPanel
	// Layers are the user's GeoJSON layers and Legend the map's key with them (layersui.go).
	Layers *Layers
	Legend *Legend
	// Tour shows tours: browsing and presenter mode (tour.go).
	Tour *TourPlayer

	window     fyne.Window
	canvas     fyne.Canvas
	start      timeline.Day // the date Home returns to
	mapKeys    bool         // arrows and +/− go to the map (it was touched last), not the timeline
	root       fyne.CanvasObject
	shortcuts  map[string]func()  // the window's shortcuts by name (installKeys)
	pictures   *pictureTools      // Save picture and clips (pictures.go)
	fileDialog *dialog.FileDialog // the file dialog shown, or nil (filedialogs.go)
	keyHooks   []KeyHook          // window.go
	closers    []func()           // window.go

	// Slots of the top bar that kiosk mode (kiosk.go) fills or empties: the title, the search
	// field and the buttons at the right.
	titleSlot, searchSlot, barRight *fyne.Container
	// shortcutGate, when set, decides whether a window shortcut runs (kiosk mode lets few).
	shortcutGate func(fyne.Shortcut) bool
	kiosk        *Kiosk      // the kiosk running this UI, or nil
	pinch        kiosk.Pinch // the fingers on the map (Touch)
}

// New builds the UI for a catalog and the map data. The catalog must be non-nil.
func New(cat *timeline.Catalog, data *geo.MapData, opts Options) *UI {
	day := opts.Date
	if day == 0 {
		day = DefaultDate
	}
	u := &UI{State: NewState(day), Catalog: cat, start: day}
	canvasOf := func() fyne.Canvas { return u.canvas }
	u.Settings = NewSettings(opts.Prefs, opts.Theme)
	u.Settings.BeforeApply = u.dismissFileDialog
	u.SettingsPanel = newSettingsPanel(u.Settings, canvasOf)
	u.Details = NewDetails(cat, u.Open)
	if data != nil && data.Fronts != nil {
		u.Details.Held = data.Fronts.HeldHistory
	}
	u.Search = NewSearch(cat, u.Open, canvasOf)
	u.Search.windowShortcut = u.shortcut
	u.Map = NewMapView(u.State, cat, data, opts.Headless)
	u.Map.OnPlaceTapped = func(id string) { u.Open(timeline.Ref{Kind: timeline.KindPlace, ID: id}) }
	u.Timeline = NewTimelineView(u.State, cat)
	u.Timeline.OnEventTapped = func(id string) { u.Open(timeline.Ref{Kind: timeline.KindEvent, ID: id}) }
	u.Timeline.OnInteract = func() { u.mapKeys = false }
	u.Timeline.OnOtherKey = u.typedKey
	u.Map.OnInteract = func() { u.mapKeys = true }
	if opts.View.Set {
		u.Map.ShowFrame(opts.View.Lon, opts.View.Lat, opts.View.Zoom)
	}

	u.DateText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	u.DateText.SizeName = theme.SizeNameSubHeadingText
	u.BackB = NewButton("", theme.NavigateBackIcon(), func() { u.State.Back() })
	u.ForwardB = NewButton("", theme.NavigateNextIcon(), func() { u.State.Forward() })
	u.Menu = newMenu(canvasOf)
	u.Menu.tail = []menuEntry{
		{menuSettingsLabel(), theme.SettingsIcon(), func() { u.SettingsPanel.Open(u.Menu.byKey) }},
		{menuAboutLabel(), theme.InfoIcon(), u.showAbout},
	}
	u.initLayers(opts.Prefs)

	// The top bar: title, search, date, Back, Forward and ☰. Tab goes through it in that order
	// (the search field first, then the date), then through the map's buttons, the links of the details
	// panel and the timeline's controls.
	title := u.homeBar()
	u.Date = newDateControl(u.DateText, u.State)
	right := container.NewHBox(u.Date, touchTarget(u.BackB), touchTarget(u.ForwardB), touchTarget(u.Menu.Button))
	u.titleSlot, u.searchSlot, u.barRight = container.NewStack(title), container.NewStack(u.Search), right
	top := newTopBar(u.titleSlot, u.searchSlot, right) // topbar.go: no negative widths below its minimum

	split := container.NewHSplit(u.mapArea(), u.Details.Object())
	split.Offset = 0.74
	// At large text the timeline's controls wrap onto two rows (flowlayout.go); the
	// horizontal scroll stays as a guard, so that no content ever forces the window wider
	// than the screen (Fyne grows a window to its content's minimum).
	timelinePanel := container.NewHScroll(u.Timeline.Panel())
	main := container.NewVSplit(split, timelinePanel)
	main.Offset = 0.57 // the timeline gets rows tall enough for 12 px labels at 720p, 14 px at 1080p
	bar := container.NewPadded(top)
	// The top bar comes first among the objects (container.NewBorder would put it after main),
	// so that Tab reaches it first.
	window := &fyne.Container{Layout: layout.NewBorderLayout(bar, nil, nil, nil), Objects: []fyne.CanvasObject{bar, main}}
	u.root = container.NewStack(window, u.Search.Layer)
	u.Tour = newTourPlayer(u)

	u.State.CaptureView = u.Map.mark
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
	u.installPictures()
	u.dateShown(Change{Date: true}) // the welcome page's events of the date, with nothing selected
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
	w.SetOnDropped(u.Dropped)
	w.SetContent(u.root)
	u.installKeys(u.canvas)
}

// Close stops every goroutine the UI started (the map's tile and overlay workers, its timer
// and close-zoom watcher, playback, the glide of a drag) and drops the map's tiles. Closing the
// window calls it; it may be called more than once.
func (u *UI) Close() {
	u.Layers.Close()
	u.Tour.close()
	u.closePictures()
	u.Map.Close()
	u.Timeline.Close()
	u.Details.view.stopGlide()
	u.runClosers()
}

// AttachCanvas puts the UI on a canvas without a window (snapshots, tests).
func (u *UI) AttachCanvas(c fyne.Canvas) {
	u.canvas = c
	u.Timeline.canvas = c // a snapshot's software canvas is not the driver's: the band asks it
	c.SetContent(u.root)
	u.installKeys(c)
}

// Open selects r everywhere: details, map and timeline. An event also moves the date shown to
// its start; a tour opens at its first stop for reading (TourPlayer.Open).
func (u *UI) Open(r timeline.Ref) {
	if r.Kind == timeline.KindTour && u.Tour.Open(r.ID, 1) == nil { // a tour opens stop by stop
		return
	}
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
	u.dateShown(c) // first: a page shown below for nothing selected lists the new date's events
	if c.Selection {
		u.Details.Show(u.State.Selection())
	}
	u.refreshChrome()
	u.Map.StateChanged(c)
	u.Timeline.StateChanged(c)
	u.followFronts(c)
	if c.Date {
		u.Legend.SetDate(u.State.Date())
	}
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

// installKeys installs the window's keys: the shortcuts (Alt+←/→ for history; Ctrl+=, Ctrl++,
// Ctrl+− and Ctrl+0 for the text size, ⌘ on macOS) and the keys that reach the window when no
// widget has the keyboard (typedKey). The search field passes the shortcuts on too.
func (u *UI) installKeys(c fyne.Canvas) {
	c.SetOnTypedKey(u.typedKey)
	u.shortcuts = map[string]func(){}
	add := func(k fyne.KeyName, mod fyne.KeyModifier, f func()) {
		sc := &desktop.CustomShortcut{KeyName: k, Modifier: mod}
		g := func() {
			if u.shortcutGate == nil || u.shortcutGate(sc) {
				f()
			}
		}
		u.shortcuts[sc.ShortcutName()] = g
		c.AddShortcut(sc, func(fyne.Shortcut) { g() })
	}
	add(fyne.KeyLeft, fyne.KeyModifierAlt, func() { u.State.Back() })
	add(fyne.KeyRight, fyne.KeyModifierAlt, func() { u.State.Forward() })
	ctrl := fyne.KeyModifierShortcutDefault
	for _, k := range []fyne.KeyName{fyne.KeyEqual, fyne.KeyPlus} {
		add(k, ctrl, u.Settings.LargerText)
		add(k, ctrl|fyne.KeyModifierShift, u.Settings.LargerText) // Ctrl+Shift+= types "+"
	}
	add(fyne.KeyMinus, ctrl, u.Settings.SmallerText)
	add(fyne.Key0, ctrl, u.Settings.ResetText)
	u.installPictureKeys(add)
}

// shortcut runs the window's shortcut sc and reports whether it is one (the search field asks,
// so that the text size keys work while it has the keyboard).
func (u *UI) shortcut(sc fyne.Shortcut) bool {
	if f, ok := u.shortcuts[sc.ShortcutName()]; ok {
		f()
		return true
	}
	return false
}

// typedKey handles keys that reach the window with no focused widget. Escape closes the menu
// or the settings panel. Arrows and +/− act on the map or the timeline, whichever the user
// touched last (the timeline at start); the clicker's keys (PageUp/PageDown), Home, End and
// Space always drive the timeline.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	// Presenter mode's keys first (F5 and, while presenting, its own; tourkeys.go), then the
	// hooks of the window (F11 and Escape for full screen; window.go).
	if u.tourKey(ev) || u.runKeyHooks(ev) {
		return
	}
	if ev.Name == fyne.KeyEscape {
		switch {
		case u.Menu.IsOpen():
			u.Menu.Close()
			return
		case u.SettingsPanel.IsOpen():
			u.SettingsPanel.Close()
			return
		}
	}
	if u.fullScreenKey(ev) {
		return
	}
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
	text := fmt.Sprintf("%s %s\n\n%s\n\n%s", lang.L("Frontline Atlas"), buildinfo.Version(),
		lang.L("The Soviet side of the Second World War, 1936–1953, on a map and a timeline."),
		Credits)
	lbl := widget.NewLabel(text)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About Frontline Atlas"), lang.L("Close"), NewDragVScroll(lbl), u.window)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// Credits is the text of the About box: data sources and licences (docs/credits.md has more).
const Credits = `Base map: Natural Earth (public domain, naturalearthdata.com), land, coastlines, lakes and rivers at 1:50m and 1:10m.
Period borders: historical-basemaps by Aourednik (GPL-3.0), 1938 and 1945 snapshots. The 1938 borders are shown until 8 May 1945 and the 1945 borders from 9 May 1945; annexations and occupations between them show through the front lines and the Axis-held area, not as borders.
Front lines: authored by the Frontline Atlas project from published atlases (see docs/fronts.md).
Content: compiled and checked by the Frontline Atlas project; every item cites its sources.
Software: Fyne (BSD-3-Clause), orb (MIT), golang/geo (Apache-2.0). Frontline Atlas is free software under the GNU GPL version 3 or later.
Fonts: Noto Sans, Noto Sans Georgian and Noto Sans CJK (SIL Open Font License 1.1), DejaVu Sans Mono (Bitstream Vera licence).`

func logf(format string, args ...any) { log.Printf(format, args...) }
