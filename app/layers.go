package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"frontline-atlas/cli"
	"frontline-atlas/geo"
)

// Preference keys of the layers: the files in drawing order, those hidden, and each file's
// colour slot (parallel to the files).
const (
	PrefLayerFiles  = "layers.files"
	PrefLayerHidden = "layers.hidden"
	PrefLayerSlots  = "layers.slots"
)

// MaxLayers is how many GeoJSON layers may be open at once.
const MaxLayers = 10

// LayerEntry is one GeoJSON layer on the map.
type LayerEntry struct {
	Path  string // absolute
	Layer *geo.UserLayer
	Slot  int  // colour slot: Style.UserColor(Slot)
	Shown bool // drawn on the map (the legend's toggle)
	// Remember is false for a layer given on the command line: it is not kept in the
	// preferences, so a kiosk's --layer stays the only place that says what it shows.
	Remember bool

	seq int // the order the files were asked for: layers keep it, whichever loads first
}

// LayerLoad is a file being read: its path and how far the reading is.
type LayerLoad struct {
	Path        string
	done, total atomic.Int64
	cancel      context.CancelFunc
	slot        int
	shown       bool
	remember    bool
	reload      bool // it replaces an open layer of the same file
	// quiet: opened at start (remembered, or --layer): the problems of a file that opens are
	// logged and shown by the legend's warning button, not in a dialog over the starting window.
	quiet bool
	seq   int
}

// Quiet reports whether the file is read at start (remembered, or --layer) rather than at the
// user's request just now.
func (l *LayerLoad) Quiet() bool { return l.quiet }

// Fraction returns how much of the file has been read, 0 to 1.
func (l *LayerLoad) Fraction() float64 {
	t := l.total.Load()
	if t <= 0 {
		return 0
	}
	return float64(l.done.Load()) / float64(t)
}

// Layers is the user's GeoJSON layers: opening files (off the UI goroutine, with progress),
// showing, hiding and removing them, telling what went wrong, and remembering them between
// runs in the preferences. Its methods are called on the UI goroutine; OnChange and Message
// are called there.
type Layers struct {
	// OnChange is called after a layer was added, replaced, removed, shown or hidden, and as a
	// load progresses.
	OnChange func()
	// Message tells the user something about a file: what went wrong, or that it loaded with
	// problems (title, then the text). The UI shows it in a dialog.
	Message func(title, text string)

	prefs   fyne.Preferences
	post    func(func())
	entries []*LayerEntry
	loads   []*LayerLoad
	wg      sync.WaitGroup
	closed  bool
	seq     int
	load    func(ctx context.Context, path string, progress func(done, total int64)) (*geo.UserLayer, error)
}

// NewLayers makes the layer list kept in prefs (nil keeps nothing). post runs a function on the
// UI goroutine (postToUI; tests pass their own).
func NewLayers(prefs fyne.Preferences, post func(func())) *Layers {
	return &Layers{prefs: prefs, post: post, load: cli.LoadLayer}
}

// Entries returns the open layers in drawing order (the first is drawn first, under the others).
func (ls *Layers) Entries() []*LayerEntry { return ls.entries }

// Loads returns the files being read.
func (ls *Layers) Loads() []*LayerLoad { return ls.loads }

// Shown returns the layers drawn, in drawing order.
func (ls *Layers) Shown() []*LayerEntry {
	var out []*LayerEntry
	for _, e := range ls.entries {
		if e.Shown {
			out = append(out, e)
		}
	}
	return out
}

func (ls *Layers) changed() {
	if ls.OnChange != nil {
		ls.OnChange()
	}
}

func (ls *Layers) message(title, text string) {
	if ls.Message != nil {
		ls.Message(title, text)
	} else {
		logf("%s: %s", title, text)
	}
}

// freeSlot returns the colour slot used by the fewest layers, the first of them on a tie.
func (ls *Layers) freeSlot() int {
	n := len(geo.StyleLight.User)
	used := make([]int, n)
	for _, e := range ls.entries {
		used[((e.Slot%n)+n)%n]++
	}
	for _, l := range ls.loads {
		used[((l.slot%n)+n)%n]++
	}
	best := 0
	for i := range used {
		if used[i] < used[best] {
			best = i
		}
	}
	return best
}

// find returns the open layer of path, or nil.
func (ls *Layers) find(path string) *LayerEntry {
	for _, e := range ls.entries {
		if e.Path == path {
			return e
		}
	}
	return nil
}

// Open reads the GeoJSON file at path in the background and adds it to the map when it has
// loaded; a file already open is read again and replaces its layer (keeping its colour and
// place). What goes wrong is told through Message, and the map keeps what it had.
func (ls *Layers) Open(path string) { ls.open(path, -1, true, true, false) }

// OpenOnce is Open for a layer given on the command line: it is not remembered, and problems
// of a file that opens are shown by the legend (ShowProblems), not in a dialog.
func (ls *Layers) OpenOnce(path string) { ls.open(path, -1, true, false, true) }

func (ls *Layers) open(path string, slot int, shown, remember, quiet bool) {
	if ls.closed {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	for _, l := range ls.loads {
		if l.Path == path {
			return // being read already
		}
	}
	old := ls.find(path)
	if old == nil && len(ls.entries)+len(ls.loads) >= MaxLayers {
		ls.message(fmt.Sprintf(lang.L("Could not open %s"), filepath.Base(path)),
			fmt.Sprintf(lang.L("At most %d layers can be open at once: remove one first."), MaxLayers))
		return
	}
	ls.seq++
	ld := &LayerLoad{Path: path, slot: slot, shown: shown, remember: remember, quiet: quiet, seq: ls.seq}
	if old != nil {
		ld.slot, ld.shown, ld.remember, ld.reload, ld.seq = old.Slot, old.Shown, old.Remember || remember, true, old.seq
	} else if slot < 0 {
		ld.slot = ls.freeSlot()
	}
	ctx, cancel := context.WithCancel(context.Background())
	ld.cancel = cancel
	ls.loads = append(ls.loads, ld)
	ls.save()
	ls.changed()
	var posted atomic.Bool
	var last atomic.Int64
	progress := func(done, total int64) {
		ld.done.Store(done)
		ld.total.Store(total)
		// At most ten redraws a second, one waiting at a time.
		if now := time.Now().UnixMilli(); now-last.Load() >= 100 && !posted.Swap(true) {
			last.Store(now)
			ls.post(func() {
				posted.Store(false)
				ls.changed()
			})
		}
	}
	ls.wg.Add(1)
	go func() {
		defer ls.wg.Done()
		layer, err := ls.load(ctx, path, progress)
		ls.post(func() { ls.finish(ld, layer, err) })
	}()
}

// finish takes in a load that ended, on the UI goroutine.
func (ls *Layers) finish(ld *LayerLoad, layer *geo.UserLayer, err error) {
	i := slices.Index(ls.loads, ld)
	if i < 0 || ls.closed {
		return // cancelled, or the window closed
	}
	ls.loads = slices.Delete(ls.loads, i, i+1)
	name := filepath.Base(ld.Path)
	switch {
	case errors.Is(err, context.Canceled):
	case err != nil:
		ls.message(fmt.Sprintf(lang.L("Could not open %s"), name), err.Error()+"\n\n"+lang.L("The map keeps what it had."))
	default:
		e := &LayerEntry{Path: ld.Path, Layer: layer, Slot: ld.slot, Shown: ld.shown, Remember: ld.remember, seq: ld.seq}
		if old := ls.find(ld.Path); old != nil {
			*old = *e
		} else {
			at := len(ls.entries)
			for at > 0 && ls.entries[at-1].seq > e.seq {
				at--
			}
			ls.entries = slices.Insert(ls.entries, at, e)
		}
		switch {
		case layer.ProblemCount == 0:
		case ld.quiet:
			logf("%s: %s\n%s", ld.Path, layer.Summary(), layer.ProblemsText(50))
		default:
			ls.ShowProblems(e)
		}
	}
	ls.save()
	ls.changed()
}

// ShowProblems tells what was wrong with the features of a layer that opened (the legend's
// warning button).
func (ls *Layers) ShowProblems(e *LayerEntry) {
	ls.message(fmt.Sprintf(lang.L("%s opened with problems"), filepath.Base(e.Path)),
		e.Layer.Summary()+"\n\n"+e.Layer.ProblemsText(50))
}

// Add puts a layer read already (snapshots) on the map, shown, not remembered.
func (ls *Layers) Add(path string, layer *geo.UserLayer) *LayerEntry {
	ls.seq++
	e := &LayerEntry{Path: path, Layer: layer, Slot: ls.freeSlot(), Shown: true, seq: ls.seq}
	ls.entries = append(ls.entries, e)
	ls.changed()
	return e
}

// Cancel stops reading a file.
func (ls *Layers) Cancel(ld *LayerLoad) {
	if i := slices.Index(ls.loads, ld); i >= 0 {
		ld.cancel()
		ls.loads = slices.Delete(ls.loads, i, i+1)
		ls.save()
		ls.changed()
	}
}

// Remove takes a layer off the map (and out of the preferences).
func (ls *Layers) Remove(e *LayerEntry) {
	if i := slices.Index(ls.entries, e); i >= 0 {
		ls.entries = slices.Delete(ls.entries, i, i+1)
		ls.save()
		ls.changed()
	}
}

// SetShown shows or hides a layer.
func (ls *Layers) SetShown(e *LayerEntry, shown bool) {
	if e.Shown == shown || !slices.Contains(ls.entries, e) {
		return
	}
	e.Shown = shown
	ls.save()
	ls.changed()
}

// Restore opens the layers remembered in the preferences. A file that is no longer there is
// named once in a message and forgotten; one that no longer loads is reported when its load
// fails and forgotten too.
func (ls *Layers) Restore() {
	if ls.prefs == nil {
		return
	}
	files := ls.prefs.StringList(PrefLayerFiles)
	hidden := ls.prefs.StringList(PrefLayerHidden)
	slots := ls.prefs.IntList(PrefLayerSlots)
	var gone []string
	for i, f := range files {
		if _, err := os.Stat(f); errors.Is(err, fs.ErrNotExist) {
			gone = append(gone, f)
			continue
		}
		slot := -1
		if len(slots) == len(files) {
			slot = slots[i]
		}
		ls.open(f, slot, !slices.Contains(hidden, f), true, true)
	}
	if len(gone) > 0 {
		ls.save()
		ls.message(lang.L("Layers not found"),
			lang.L("These files are no longer where they were, and were taken off your layers:")+"\n\n"+strings.Join(gone, "\n"))
	}
}

// save writes the layers to remember (open or being read) to the preferences.
func (ls *Layers) save() {
	if ls.prefs == nil || ls.closed {
		return
	}
	files, hidden, slots := []string{}, []string{}, []int{}
	add := func(path string, slot int, shown bool) {
		files = append(files, path)
		slots = append(slots, slot)
		if !shown {
			hidden = append(hidden, path)
		}
	}
	for _, e := range ls.entries {
		if e.Remember {
			add(e.Path, e.Slot, e.Shown)
		}
	}
	for _, l := range ls.loads {
		if l.remember && !l.reload {
			add(l.Path, l.slot, l.shown)
		}
	}
	if slices.Equal(files, ls.prefs.StringList(PrefLayerFiles)) && slices.Equal(hidden, ls.prefs.StringList(PrefLayerHidden)) &&
		slices.Equal(slots, ls.prefs.IntList(PrefLayerSlots)) {
		return
	}
	ls.prefs.SetStringList(PrefLayerFiles, files)
	ls.prefs.SetStringList(PrefLayerHidden, hidden)
	ls.prefs.SetIntList(PrefLayerSlots, slots)
}

// Wait blocks until every file being read has been read (its result may still be waiting to
// be posted to the UI goroutine).
func (ls *Layers) Wait() { ls.wg.Wait() }

// Close cancels the loads and waits for them; nothing is posted after it returns.
func (ls *Layers) Close() {
	ls.closed = true
	for _, l := range ls.loads {
		l.cancel()
	}
	ls.wg.Wait()
}
