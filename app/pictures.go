package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"

	"frontline-atlas/buildinfo"
	"frontline-atlas/internal/atomicfile"
	"frontline-atlas/timeline"
)

// Pictures and clips from the window (docs/pictures.md): Save picture (Ctrl+S) writes the map
// for a slide, Save picture of the window (Ctrl+Shift+S) the window as it is on screen, and
// Make a clip renders the map over a range of days (clipdialog.go). What they draw is drawn off
// the UI goroutine on a software canvas of its own (frameRenderer), so the window never
// freezes; UI.Close cancels it and waits.

// PictureWidth and PictureHeight are the size of a map picture: a 16:9 slide at the
// resolution of a 1080p projector.
const (
	PictureWidth  = 1920
	PictureHeight = 1080
)

// pictureTools are the UI's background picture work and the file dialog it asks through.
type pictureTools struct {
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	closed bool
	dir    string // the folder saved to last, where the next file dialog opens
	// ask asks where to save a file named name (the file dialog; tests replace it) and calls
	// done on the UI goroutine with the path, or "" when the user cancelled.
	ask func(title, name string, done func(path string))
	// jobs are the frame jobs not yet closed (UI goroutine only).
	jobs map[*frameJob]bool
	// strip holds the clip's progress card over the window (clipdialog.go).
	strip *fyne.Container
	// clip is the clip being made, or nil.
	clip *clipProgress
	// askDir, if set, replaces the folder dialog of PNG files (tests).
	askDir func(done func(dir string))
	// onSaved, if set, is told of each picture or clip written, or why not (tests).
	onSaved func(path string, err error)
}

// installPictures adds Save picture, Save picture of the window and Make a clip to the ☰ menu.
// Their keys are installed with the window's (installPictureKeys).
func (u *UI) installPictures() {
	u.pictures = &pictureTools{jobs: map[*frameJob]bool{}}
	u.pictures.ctx, u.pictures.cancel = context.WithCancel(context.Background())
	u.pictures.ask = u.askSavePath
	u.AddMenuItem(lang.L("Save picture…"), theme.DocumentSaveIcon(), u.SavePicture)
	u.AddMenuItem(lang.L("Save picture of the window…"), theme.ComputerIcon(), u.SaveWindowPicture)
	u.AddMenuItem(lang.L("Make a clip…"), theme.MediaVideoIcon(), u.OpenClipDialog)
}

// installPictureKeys installs Ctrl+S (Save picture) and Ctrl+Shift+S (of the window), ⌘ on
// macOS, through installKeys' add.
func (u *UI) installPictureKeys(add func(fyne.KeyName, fyne.KeyModifier, func())) {
	add(fyne.KeyS, fyne.KeyModifierShortcutDefault, u.SavePicture)
	add(fyne.KeyS, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift, u.SaveWindowPicture)
}

// closePictures cancels the picture work running and waits for it to stop (UI.Close).
func (u *UI) closePictures() {
	p := u.pictures
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cancel()
	p.wg.Wait()
	for j := range p.jobs {
		j.close()
	}
	clear(p.jobs)
}

// newJob makes a frame job that paints on the UI goroutine; UI.Close closes it if its
// goroutine has not (endJob).
func (u *UI) newJob() *frameJob {
	j := &frameJob{call: callOnUI}
	u.pictures.jobs[j] = true
	return j
}

// endJob closes a job on the UI goroutine; its background goroutine calls it when done.
func (u *UI) endJob(j *frameJob) {
	postToUI(func() {
		j.close()
		delete(u.pictures.jobs, j)
	})
}

// goPicture runs work on a goroutine of its own that UI.Close cancels and waits for; it
// reports false when the UI is closed.
func (u *UI) goPicture(work func(ctx context.Context)) bool {
	p := u.pictures
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		work(p.ctx)
	}()
	return true
}

// pictureSpec is the map picture of what the window shows: its map's centre and all it shows, the
// selection and the filter, and the selection's name as the caption.
func (u *UI) pictureSpec(w, h int) frameSpec {
	// Everything the window's map shows is in the picture, as large as it fits: a wide map
	// gains sky and sea above and below on a 16:9 slide rather than losing its sides.
	v := u.Map.View()
	lon, lat := v.Proj.Inverse(v.CX, v.CY)
	scale := v.Scale * max(float64(v.W)/float64(w), float64(v.H)/float64(h))
	zoom := timeline.FrameZoom(scale, float64(w), float64(h))
	spec := frameSpec{W: w, H: h, Selection: u.State.Selection(), Filter: u.State.Filter(), Lang: contentLanguage()}
	spec.View.Set, spec.View.Lon, spec.View.Lat, spec.View.Zoom = true, lon, lat, zoom
	if spec.Selection != (timeline.Ref{}) && u.Catalog.Item(spec.Selection) != nil {
		spec.Caption = u.Catalog.NameIn(spec.Selection, spec.Lang)
	}
	return spec
}

// pictureName is the default file name of a picture: the date and the selected item's id,
// "1942-11-19-operation-uranus.png" (the date alone when nothing is selected), with suffix
// before the extension ("-window").
func pictureName(day timeline.Day, sel timeline.Ref, suffix, ext string) string {
	name := day.Date().String()
	if sel.ID != "" {
		name += "-" + sel.ID
	}
	return name + suffix + ext
}

// SavePicture saves the map as it is framed in the window, at 1920 × 1080 with the date and
// the selection's name, to a PNG the user names (by default after the date and the selection).
// The picture is drawn in the background while the file dialog is open.
func (u *UI) SavePicture() {
	spec := u.pictureSpec(PictureWidth, PictureHeight)
	day := u.State.Date()
	type result struct {
		img image.Image
		err error
	}
	ready := make(chan result, 1)
	cat, data := u.Catalog, u.Map.data
	ctx, cancel := context.WithCancel(u.pictures.ctx)
	job := u.newJob()
	if !u.goPicture(func(context.Context) {
		defer u.endJob(job)
		if !job.open(ctx, cat, data, spec) {
			ready <- result{err: errors.New("the map was not drawn")}
			return
		}
		img, err := job.frame(ctx, day)
		ready <- result{img: img, err: err}
	}) {
		cancel()
		return
	}
	u.pictures.ask(lang.L("Save picture"), pictureName(day, spec.Selection, "", ".png"), func(path string) {
		if path == "" {
			cancel()
			return
		}
		u.goPicture(func(all context.Context) {
			defer cancel()
			var res result
			select {
			case res = <-ready:
			case <-ctx.Done():
				return
			}
			u.finishPicture(path, res.img, res.err)
		})
	})
}

// SaveWindowPicture saves the window as it is on screen to a PNG the user names.
func (u *UI) SaveWindowPicture() {
	if u.canvas == nil {
		return
	}
	img := u.canvas.Capture() // before the file dialog covers the window
	name := pictureName(u.State.Date(), u.State.Selection(), "-window", ".png")
	u.pictures.ask(lang.L("Save picture of the window"), name, func(path string) {
		if path != "" {
			u.goPicture(func(context.Context) { u.finishPicture(path, img, nil) })
		}
	})
}

// finishPicture writes img to path as a PNG (through a temporary file and a rename) and shows
// what went wrong in a dialog. It runs off the UI goroutine.
func (u *UI) finishPicture(path string, img image.Image, err error) {
	if err == nil && img == nil {
		err = errors.New("nothing was drawn")
	}
	if err == nil {
		err = writePicture(path, img)
	}
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
		logf("save picture: %v", err)
		removeIfEmpty(path)
	}
	postToUI(func() { u.pictureSaved(path, err) })
}

// pictureSaved tells the user of a failure (on the UI goroutine); tests watch it.
func (u *UI) pictureSaved(path string, err error) {
	if u.pictures.onSaved != nil {
		u.pictures.onSaved(path, err)
	}
	if err != nil && u.window != nil {
		dialog.ShowError(fmt.Errorf(lang.L("The picture was not saved: %v"), err), u.window)
	}
}

// removeIfEmpty removes the empty file Fyne's file dialog made for a picture or clip that was
// then not written.
func removeIfEmpty(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
}

// writePicture writes img as a PNG carrying the program's version (tEXt "Software"), as
// snapshot does, through a temporary file and a rename.
func writePicture(path string, img image.Image) error {
	software := map[string]string{"Software": buildinfo.String()}
	return atomicfile.Write(path, 0o644, func(w io.Writer) error { return encodePNG(w, img, software) })
}

// askSavePath asks for a file with Fyne's file dialog, in the folder saved to last. The
// dialog creates (or empties, after asking) the file chosen; the caller then replaces it
// whole. A name typed without the extension gets it.
func (u *UI) askSavePath(title, name string, done func(path string)) {
	if u.window == nil {
		done("")
		return
	}
	ext := filepath.Ext(name)
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.window)
			done("")
			return
		}
		if wc == nil {
			done("")
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ext) && !(ext == ".png" && strings.EqualFold(filepath.Ext(path), ".apng")) {
			if st, err := os.Stat(path); err == nil && st.Size() == 0 {
				os.Remove(path) // the empty file the dialog made under the name as typed
			}
			path += ext
		}
		u.pictures.dir = filepath.Dir(path)
		done(path)
	}, u.window)
	d.SetTitleText(title)
	d.SetFileName(name)
	if ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	if dir := u.pictures.dir; dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	u.showFileDialog(d)
}
