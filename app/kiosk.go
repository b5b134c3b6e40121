package app

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"frontline-atlas/kiosk"
	"frontline-atlas/timeline"
)

// Kiosk runs the window as an unattended exhibit (--kiosk): full screen, the window's close
// ignored, no ☰ menu (so no settings, no About, no file dialogs), Escape and F11 inert, web
// links shown but not opened. After the configured idle time an attract loop plays the tours'
// stops with their captions under "Touch to explore"; the first touch hands the screen over
// on the stop shown. After a longer idle time everything returns to the home view. Search
// opens an on-screen keyboard; a button switches English / Русский. The only ways out are
// the exit chord and a long press on the title followed by the PIN (kiosk.Config).
//
// The logic without Fyne — settings, the idle state machine, the chord, the PIN gate — is
// package kiosk; this type wires it to a UI and draws it. It reads time only through Now, so
// tests drive it with a fake clock and call Tick themselves.
type Kiosk struct {
	// UI is the window's content now: a language switch builds a new one.
	UI      *UI
	Config  kiosk.Config
	Machine *kiosk.Machine
	// Playlist is what the attract loop plays: the stops of the configured tours in order.
	Playlist []timeline.StopState

	// The kiosk's own parts of the window, for tests.
	Attract  *AttractLayer
	Keyboard *OnScreenKeyboard
	ExitArea *tapArea
	LangB    *Button
	PINPad   *PINPad // nil when closed

	win     fyne.Window
	cat     *timeline.Catalog
	now     func() time.Time
	build   func(Options) *UI
	home    timeline.Day
	lang    string
	press   kiosk.LongPress
	gate    kiosk.PINGate
	quit    func()
	exited  bool
	quiet   int // > 0 while the kiosk itself changes the state: not a visitor's touch
	current timeline.StopState
	tours   map[string]string // tour id → title in the language shown
	stop    chan struct{}
	done    chan struct{}
	closed  bool
}

// KioskOptions are what a kiosk is made with.
type KioskOptions struct {
	Config kiosk.Config
	// Tours are the ids of the tours the attract loop plays, checked against the pack
	// (Config.CheckTours).
	Tours []string
	// Build makes a UI (not attached) with the options given; a language switch calls it
	// again. RunWindow's builds the window's UI with main's desktop hooks.
	Build func(Options) *UI
	// Home is the date of the home view (the --date of the command line, or DefaultDate).
	Home timeline.Day
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Quit leaves kiosk mode (RunWindow: exit status 3 and the app quits).
	Quit func()
	// Tick starts the clock's tick (four a second) on a goroutine that Close stops; tests
	// leave it off and call Kiosk.Tick.
	Tick bool
}

// kioskTickEvery is how often the window's kiosk looks at the clock.
const kioskTickEvery = 250 * time.Millisecond

// NewKiosk makes win a kiosk showing cat: it sets the interface language, builds the UI,
// makes the window full screen and ignores its close button.
func NewKiosk(win fyne.Window, cat *timeline.Catalog, o KioskOptions) *Kiosk {
	k := &Kiosk{Config: o.Config, win: win, cat: cat, now: o.Now, build: o.Build, home: o.Home, quit: o.Quit}
	if k.now == nil {
		k.now = time.Now
	}
	if k.home == 0 {
		k.home = DefaultDate
	}
	k.press.Hold = o.Config.LongPress
	k.gate.PIN = o.Config.ExitPIN
	var dwell []time.Duration
	for _, id := range o.Tours {
		tc, err := timeline.NewTourCursor(cat, id)
		if err != nil {
			logf("kiosk: %v", err)
			continue
		}
		for i := range tc.Len() {
			st := tc.StateAt(i)
			k.Playlist = append(k.Playlist, st)
			dwell = append(dwell, st.Play+o.Config.StopTime)
		}
	}
	k.Machine = kiosk.NewMachine(o.Config.AttractAfter, o.Config.ResetAfter, dwell, k.now())
	win.SetCloseIntercept(func() { logf("kiosk: a request to close the window was ignored") })
	win.SetFullScreen(true)
	k.setLanguage(o.Config.Language)
	k.attach(k.build(Options{Date: k.home}))
	if o.Tick {
		k.stop, k.done = make(chan struct{}), make(chan struct{})
		go k.ticking()
	}
	logf("kiosk: started: attract after %s, reset after %s, %d stops from %d tours, exit by %s%s",
		o.Config.AttractAfter, o.Config.ResetAfter, len(k.Playlist), len(o.Tours), o.Config.ExitChord,
		map[bool]string{true: " or the long press and PIN", false: " only (no PIN set)"}[o.Config.ExitPIN != ""])
	return k
}

func (k *Kiosk) ticking() {
	defer close(k.done)
	t := time.NewTicker(kioskTickEvery)
	defer t.Stop()
	for {
		select {
		case <-k.stop:
			return
		case <-t.C:
			postToUI(k.Tick)
		}
	}
}

// Close stops the kiosk's tick and closes its UI. The window's close calls it once the app
// quits; it may be called more than once.
func (k *Kiosk) Close() {
	k.closed = true
	if k.stop != nil {
		close(k.stop)
		<-k.done
		k.stop = nil
	}
	k.UI.Close()
}

func (k *Kiosk) setLanguage(l string) {
	setLanguage(l)
	k.lang = l
	k.tours = map[string]string{}
	for _, t := range k.cat.Tours() {
		k.tours[t.ID] = t.Title.In(contentLanguage())
	}
}

// Language returns the interface language shown: "en" or "ru".
func (k *Kiosk) Language() string { return k.lang }

// attach puts u in the window and fits it for the exhibit.
func (k *Kiosk) attach(u *UI) {
	u.kiosk = k
	k.UI = u
	u.Attach(k.win)
	k.win.SetOnClosed(k.Close)
	u.Details.OpenURL = func(a *url.URL) error {
		logf("kiosk: a visitor tapped %s; kiosk mode opens no browser", a)
		return nil
	}
	// The bar: no ☰ (settings, About, and whatever later commands add), a language switch.
	for _, o := range u.barRight.Objects {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 1 && c.Objects[0] == u.Menu.Button {
			u.barRight.Remove(o)
		}
	}
	u.Menu.Button.Hide()
	other := map[string]string{"en": "Русский", "ru": "English"}[k.lang]
	k.LangB = NewButton(other, nil, func() {
		k.Touch()
		k.switchLanguage(map[string]string{"en": "ru", "ru": "en"}[k.lang])
	})
	u.barRight.Add(touchTarget(k.LangB))
	// The hidden exit over the title, and the keyboard's opener over the search field.
	k.ExitArea = newTapArea(k.Touch, func() { k.Touch(); k.press.Down(k.now()) }, k.press.Up)
	u.titleSlot.Add(k.ExitArea)
	u.searchSlot.Add(newTapArea(k.openKeyboard, nil, nil))
	// Layers over the window: the keyboard at the bottom, the pointer's watch, the attract loop.
	k.Keyboard = newOnScreenKeyboard(u.Search, k.lang == "ru", k.Touch, k.closeKeyboard)
	root := u.root.(*fyne.Container)
	root.Add(container.New(bottomDock{}, k.Keyboard))
	root.Add(newHoverArea(k.Touch))
	k.Attract = newAttractLayer(k.handOver)
	root.Add(k.Attract)
	// Keys: only what moves the map and the timeline; the exit chord; no other shortcut but
	// history and text size (the text size returns to 100 % at the reset).
	c := k.win.Canvas()
	c.SetOnTypedKey(k.typedKey)
	c.SetOnTypedRune(func(rune) { k.Touch() })
	allowed := map[string]bool{}
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, {KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt},
		{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}, {KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault},
		{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}, {KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault},
	} {
		allowed[sc.ShortcutName()] = true
	}
	chord := &desktop.CustomShortcut{KeyName: fyne.KeyName(k.Config.ExitChord.Key), Modifier: fyne.KeyModifier(k.Config.ExitChord.Mods)}
	exit := func() { k.exit("the exit chord " + k.Config.ExitChord.String()) }
	allowed[chord.ShortcutName()] = true
	u.shortcutGate = func(sc fyne.Shortcut) bool {
		k.Touch()
		return allowed[sc.ShortcutName()]
	}
	u.shortcuts[chord.ShortcutName()] = exit
	c.AddShortcut(chord, func(fyne.Shortcut) { exit() })
	// Whatever the visitor does to the map, the timeline or the state is a touch.
	for _, f := range []*func(){&u.Map.OnInteract, &u.Timeline.OnInteract} {
		prev := *f
		*f = func() {
			if prev != nil {
				prev()
			}
			k.Touch()
		}
	}
	u.State.OnChange(func(Change) {
		if k.quiet == 0 {
			k.Touch()
		}
	})
}

// typedKey lets through to the window only the keys that move the map and the timeline
// (arrows, +/−, Page Up/Down, Home, End, Space); Escape, F1–F12 and every other key do
// nothing. Any key counts as a touch.
func (k *Kiosk) typedKey(ev *fyne.KeyEvent) {
	k.Touch()
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyPlus, fyne.KeyMinus, fyne.KeyEqual,
		fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeySpace:
		k.UI.typedKey(ev)
	}
}

// Touch tells the kiosk someone is using it (any tap, drag, key or pointer move): it hands
// the screen over from the attract loop and restarts the idle time.
func (k *Kiosk) Touch() { k.do(k.Machine.Touch(k.now())) }

// Tick looks at the clock: the long press, the attract loop and the reset come due here, a
// stop's range plays, the keypad left alone closes. The window calls it four times a second.
func (k *Kiosk) Tick() {
	if k.exited || k.closed {
		return
	}
	now := k.now()
	if k.press.Due(now) {
		k.openPINPad()
	}
	if k.PINPad != nil && k.PINPad.IsOpen() && now.Sub(k.PINPad.lastKey) > 30*time.Second {
		k.PINPad.Close()
	}
	if k.Keyboard.Visible() && k.win.Canvas().Focused() != k.UI.Search {
		k.Keyboard.Hide()
	}
	k.do(k.Machine.Tick(now))
	if k.Machine.Mode() == kiosk.Attract && k.current.IsRange() {
		k.quiet++
		kioskPlayStop(k.UI, k.current, k.current.DayAt(k.Machine.StopElapsed(now)))
		k.quiet--
	}
}

func (k *Kiosk) do(acts []kiosk.Action) {
	for _, a := range acts {
		switch a.Kind {
		case kiosk.Reset:
			k.reset()
		case kiosk.StartAttract:
			k.closePopups()
			k.showStop(a.Stop)
		case kiosk.ShowStop:
			k.showStop(a.Stop)
		case kiosk.EndAttract:
			k.Attract.Hide()
			k.UI.State.clearHistory()
			k.UI.refreshChrome()
		}
	}
}

// handOver is the attract layer's touch.
func (k *Kiosk) handOver() { k.Touch() }

func (k *Kiosk) showStop(i int) {
	// Where the map lies in the window (the layer covers the window): found here, not by the
	// layer's renderer, which must not walk the window (the walk may make the renderer anew).
	d := fyne.CurrentApp().Driver()
	k.Attract.MapPos = d.AbsolutePositionForObject(k.UI.Map).Subtract(d.AbsolutePositionForObject(k.UI.root))
	k.Attract.MapSize = k.UI.Map.Size()
	if i < 0 || i >= len(k.Playlist) {
		k.Attract.show(timeline.StopState{}, "", k.lang)
		return
	}
	st := k.Playlist[i]
	k.current = st
	k.quiet++
	// The caption's panel covers the lower part of the map (or, in a short window, sits
	// below it and covers less): the stop's view is framed in the part above it.
	l := contentLanguage()
	k.Attract.setTexts(st, k.tours[st.Tour], l)
	k.UI.ShowStopQuietly(st, k.Attract.mapCover(k.UI.root.Size()))
	k.quiet--
	k.Attract.Show()
	k.Attract.Refresh()
}

// reset returns everything to the home view, in the configured language.
func (k *Kiosk) reset() {
	logf("kiosk: reset to the home view after %s without a touch", k.Machine.IdleFor(k.now()).Round(time.Second))
	k.closePopups()
	if k.lang != k.Config.Language {
		k.setLanguage(k.Config.Language)
		k.replaceUI(Options{Date: k.home})
		return
	}
	k.quiet++
	kioskHome(k.UI, k.home)
	k.quiet--
}

// switchLanguage rebuilds the window's texts in l, keeping the date and the selection (the
// map shows the selection; the history starts again).
func (k *Kiosk) switchLanguage(l string) {
	if l == "" || l == k.lang {
		return
	}
	k.closePopups()
	sel, day, f := k.UI.State.Selection(), k.UI.State.Date(), k.UI.State.Filter()
	v := k.UI.Map.View()
	k.setLanguage(l)
	k.replaceUI(Options{Date: day})
	k.quiet++
	k.UI.State.showStop(sel, day, f, false)
	k.UI.Map.jumpTo(v)
	k.quiet--
	logf("kiosk: a visitor switched the language to %s", l)
}

// replaceUI builds a new UI, puts it in the window and closes the old one.
func (k *Kiosk) replaceUI(o Options) {
	old := k.UI
	attracting := k.Attract.Visible()
	k.attach(k.build(o))
	old.Close()
	if attracting {
		k.Attract.show(k.current, k.tours[k.current.Tour], contentLanguage())
	}
}

func (k *Kiosk) closePopups() {
	if k.PINPad != nil {
		k.PINPad.Close()
	}
	k.closeKeyboard()
	k.UI.Search.SetText("")
	k.win.Canvas().Unfocus()
}

func (k *Kiosk) openKeyboard() {
	k.Touch()
	k.win.Canvas().Focus(k.UI.Search)
	k.Keyboard.Show()
}

func (k *Kiosk) closeKeyboard() { k.Keyboard.Hide() }

// openPINPad shows the keypad after the long press; without a PIN configured it does nothing.
func (k *Kiosk) openPINPad() {
	if k.Config.ExitPIN == "" {
		logf("kiosk: the title was held, but no exit_pin is set: the long-press exit is off")
		return
	}
	k.closePopups()
	k.PINPad = newPINPad(k.win.Canvas(), len(k.Config.ExitPIN)+4, k.now(), k.tryPIN, func() {
		k.Touch()
		k.PINPad.lastKey = k.now()
	})
	k.PINPad.Show()
}

func (k *Kiosk) tryPIN(pin string) {
	ok, locked := k.gate.Try(pin, k.now())
	if ok {
		k.PINPad.Close()
		k.exit("the PIN")
		return
	}
	logf("kiosk: a wrong PIN was entered")
	k.PINPad.wrong(locked)
}

// exit leaves kiosk mode, once.
func (k *Kiosk) exit(how string) {
	if k.exited {
		return
	}
	k.exited = true
	logf("kiosk: left kiosk mode by %s", how)
	if k.quit != nil {
		k.quit()
	}
}

// Exited reports whether kiosk mode was left.
func (k *Kiosk) Exited() bool { return k.exited }

// bottomDock lays its object along the bottom of the container, at its least height.
type bottomDock struct{}

func (bottomDock) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		h := min(o.MinSize().Height, size.Height)
		o.Move(fyne.NewPos(0, size.Height-h))
		o.Resize(fyne.NewSize(size.Width, h))
	}
}

func (bottomDock) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }
