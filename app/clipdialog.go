package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"frontline-atlas/cli"
	"frontline-atlas/timeline"
)

// clipForm is the Make a clip dialog's fields, with the window's date and selection as defaults.
type clipForm struct {
	From, To, Days, Caption *widget.Entry
	FPS, Size, Format       *widget.Select
	Summary                 *widget.Label // "56 frames, 5.6 s"
}

// The choices of the clip dialog.
var (
	clipFPSChoices  = []string{"5", "10", "15", "25"}
	clipSizeChoices = []string{"1280 × 720", "1920 × 1080"}
)

func clipFormatChoices() []string { return []string{"GIF", "APNG", lang.L("PNG files")} }

// newClipForm fills the form for the days from and to: a frame a day at 10 frames a second,
// 720p GIF, with the caption given.
func newClipForm(from, to timeline.Day, caption string) *clipForm {
	f := &clipForm{From: widget.NewEntry(), To: widget.NewEntry(), Days: widget.NewEntry(), Caption: widget.NewEntry(),
		Summary: widget.NewLabel("")}
	f.From.SetText(from.Date().String())
	f.To.SetText(to.Date().String())
	f.Days.SetText("1")
	f.Caption.SetText(caption)
	f.FPS = widget.NewSelect(clipFPSChoices, nil)
	f.FPS.SetSelected("10")
	f.Size = widget.NewSelect(clipSizeChoices, nil)
	f.Size.SetSelected(clipSizeChoices[0])
	f.Format = widget.NewSelect(clipFormatChoices(), nil)
	f.Format.SetSelectedIndex(0)
	// Every field is checked with all the others (the last day must follow the first): a
	// field shows its own problem, and the summary says how long the clip will be.
	for _, e := range []*widget.Entry{f.From, f.To, f.Days, f.Caption} {
		field := map[*widget.Entry]string{f.From: "from", f.To: "to", f.Days: "days-per-frame", f.Caption: "caption"}[e]
		e.Validator = func(string) error {
			_, problems := f.fields().Check()
			for _, p := range problems {
				if p.Field == field {
					return errors.New(p.Msg)
				}
			}
			return nil
		}
		e.OnChanged = func(string) { f.revalidate(e) }
	}
	f.FPS.OnChanged = func(string) { f.revalidate(nil) }
	f.revalidate(nil)
	return f
}

// fields returns the form's text as the command line's.
func (f *clipForm) fields() cli.ClipFields {
	return cli.ClipFields{From: f.From.Text, To: f.To.Text, DaysPerFrame: f.Days.Text, FPS: f.FPS.Selected, Caption: f.Caption.Text}
}

// revalidate checks the other fields again after one changed, and the summary.
func (f *clipForm) revalidate(changed *widget.Entry) {
	for _, e := range []*widget.Entry{f.From, f.To, f.Days} {
		if e != changed {
			e.Validate()
		}
	}
	args, problems := f.fields().Check()
	if len(problems) > 0 {
		f.Summary.SetText("")
		return
	}
	n := args.Frames()
	f.Summary.SetText(fmt.Sprintf(lang.L("%d frames, %.1f s"), n, float64(n)/float64(args.FPS)))
}

// size returns the chosen frame size.
func (f *clipForm) size() (int, int) {
	if f.Size.SelectedIndex() == 1 {
		return 1920, 1080
	}
	return cli.DefaultClipWidth, cli.DefaultClipHeight
}

// format returns the chosen format.
func (f *clipForm) format() cli.ClipFormat {
	switch f.Format.SelectedIndex() {
	case 1:
		return cli.ClipAPNG
	case 2:
		return cli.ClipPNGSequence
	}
	return cli.ClipGIF
}

// clipProgress is the clip being made from the window: its progress card and how to stop it.
type clipProgress struct {
	Bar     *widget.ProgressBar
	Text    *widget.Label
	CancelB *Button
	cancel  context.CancelFunc
}

// clipCornerLayout puts the progress card at the bottom right of the window, over the end of
// the timeline, where it hides least; the rest of the window takes input as before.
type clipCornerLayout struct{}

func (clipCornerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		s := o.MinSize()
		s.Width = max(s.Width, min(420, size.Width-32))
		o.Resize(s)
		o.Move(fyne.NewPos(size.Width-s.Width-16, size.Height-s.Height-16))
	}
}

func (clipCornerLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

// showClipProgress shows the card of p in the window's corner: not a modal dialog, so the
// window stays in use while the clip is made.
func (u *UI) showClipProgress(p *clipProgress) {
	bg := canvas.NewRectangle(appBackground())
	bg.CornerRadius = 6
	card := container.NewStack(bg, newOutlineBox(container.NewBorder(nil, nil, nil, touchTarget(p.CancelB), container.NewVBox(p.Text, p.Bar))))
	strip := u.pictures.strip
	if strip == nil {
		strip = container.New(clipCornerLayout{})
		u.pictures.strip = strip
		if st, ok := u.root.(*fyne.Container); ok {
			st.Add(strip)
		}
	}
	strip.Objects = []fyne.CanvasObject{card}
	strip.Show()
	strip.Refresh()
}

// hideClipProgress takes the card away.
func (u *UI) hideClipProgress() {
	if strip := u.pictures.strip; strip != nil {
		strip.Objects = nil
		strip.Hide()
		strip.Refresh()
	}
}

// OpenClipDialog asks for a clip of the map as the window frames it (from and to, days per
// frame, frames a second, size, format and caption), then where to save it, and makes it in the
// background with a progress card (bar and Cancel) in the window's corner; the window stays in
// use meanwhile.
func (u *UI) OpenClipDialog() {
	if u.window == nil {
		return
	}
	if u.pictures.clip != nil {
		dialog.ShowInformation(lang.L("Make a clip"), lang.L("A clip is being made: wait for it, or cancel it."), u.window)
		return
	}
	sel := u.State.Selection()
	caption := ""
	if sel != (timeline.Ref{}) && u.Catalog.Item(sel) != nil {
		caption = u.Catalog.NameIn(sel, contentLanguage())
	}
	from, to := clipDays(u.Catalog, sel, u.State.Date())
	f := newClipForm(from, to, caption)
	items := []*widget.FormItem{
		{Text: lang.L("From"), Widget: f.From, HintText: "YYYY-MM-DD"},
		{Text: lang.L("To"), Widget: f.To, HintText: "YYYY-MM-DD"},
		{Text: lang.L("Days per frame"), Widget: f.Days},
		{Text: lang.L("Frames a second"), Widget: f.FPS},
		{Text: lang.L("Size"), Widget: f.Size},
		{Text: lang.L("Format"), Widget: f.Format},
		{Text: lang.L("Caption"), Widget: f.Caption},
		{Text: "", Widget: f.Summary},
	}
	d := dialog.NewForm(lang.L("Make a clip"), lang.L("Save…"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			u.saveClip(f)
		}
	}, u.window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// clipDays are the days the clip dialog offers: those of the selected event when it lasts more
// than a day and covers the date shown (the Battle of Moscow, 2 October 1941 to 7 January
// 1942), else the date shown and the 90 days after it.
func clipDays(cat *timeline.Catalog, sel timeline.Ref, day timeline.Day) (from, to timeline.Day) {
	if sel.Kind == timeline.KindEvent {
		if e := cat.Event(sel.ID); e != nil {
			if first, last := e.Days(); last > first && day >= first && day <= last {
				return first, last
			}
		}
	}
	return day, min(day+90, timeline.PeriodEnd)
}

// clipName is a clip's default file name: "1941-06-22-to-1941-12-05-battle-of-moscow".
func clipName(args cli.ClipArgs, sel timeline.Ref) string {
	name := args.From.Date().String() + "-to-" + args.To.Date().String()
	if sel.ID != "" {
		name += "-" + sel.ID
	}
	return name
}

// saveClip asks where to save the clip of the form and starts it.
func (u *UI) saveClip(f *clipForm) {
	args, problems := f.fields().Check()
	if len(problems) > 0 { // the form does not confirm with a problem; kept for safety
		dialog.ShowError(errors.New(problems[0].Error()), u.window)
		return
	}
	w, h := f.size()
	spec := u.pictureSpec(w, h)
	spec.Caption = args.Caption
	args.Format = f.format()
	name := clipName(args, spec.Selection)
	if args.Format == cli.ClipPNGSequence {
		u.askFolder(func(dir string) {
			if dir != "" {
				args.Dir, args.Name = dir, name
				u.startClip(spec, args, filepath.Join(dir, name+"-%04d.png"))
			}
		})
		return
	}
	ext := ".gif"
	if args.Format == cli.ClipAPNG {
		ext = ".png"
	}
	u.pictures.ask(lang.L("Save the clip"), name+ext, func(path string) {
		if path != "" {
			u.startClip(spec, args, path)
		}
	})
}

// askFolder asks for a folder (PNG files); tests replace pictures.ask's path with a folder.
func (u *UI) askFolder(done func(dir string)) {
	if u.pictures.askDir != nil {
		u.pictures.askDir(done)
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			done("")
			return
		}
		u.pictures.dir = l.Path()
		done(l.Path())
	}, u.window)
	if dir := u.pictures.dir; dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	u.showFileDialog(d)
}

// startClip makes the clip in the background, with a dialog showing its progress; Cancel (or
// closing the window) stops it between frames and leaves no file.
func (u *UI) startClip(spec frameSpec, args cli.ClipArgs, out string) {
	ctx, cancel := context.WithCancel(u.pictures.ctx)
	total := args.Frames()
	p := &clipProgress{Bar: widget.NewProgressBar(), Text: widget.NewLabel(""), cancel: cancel}
	p.CancelB = NewButton(lang.L("Cancel"), theme.CancelIcon(), cancel)
	p.Bar.Max = float64(total)
	base := filepath.Base(out)
	p.Text.SetText(fmt.Sprintf(lang.L("Making %s: %d of %d frames"), base, 0, total))
	u.showClipProgress(p)
	u.pictures.clip = p
	cat, data := u.Catalog, u.Map.data
	job := u.newJob()
	started := u.goPicture(func(all context.Context) {
		defer u.endJob(job)
		err := renderClip(ctx, job, cat, data, spec, args, out, func(done, total int) {
			postToUI(func() {
				p.Bar.SetValue(float64(done))
				p.Text.SetText(fmt.Sprintf(lang.L("Making %s: %d of %d frames"), base, done, total))
			})
		})
		cancel()
		if err != nil && args.Format != cli.ClipPNGSequence {
			removeIfEmpty(out)
		}
		if errors.Is(err, context.Canceled) {
			err = errClipCancelled
		} else if err != nil {
			err = fmt.Errorf("%s: %w", out, err)
			logf("clip: %v", err)
		}
		postToUI(func() { u.clipDone(p, out, total, err) })
	})
	if !started {
		cancel()
		u.pictures.clip = nil
	}
}

// errClipCancelled is what a cancelled clip reports to onSaved.
var errClipCancelled = errors.New("cancelled")

// clipDone closes the progress dialog and says how the clip ended (on the UI goroutine).
func (u *UI) clipDone(p *clipProgress, out string, frames int, err error) {
	if u.pictures.clip == p {
		u.pictures.clip = nil
	}
	u.hideClipProgress()
	if u.pictures.onSaved != nil {
		u.pictures.onSaved(out, err)
	}
	if u.window == nil || errors.Is(err, errClipCancelled) {
		return
	}
	if err != nil {
		dialog.ShowError(fmt.Errorf(lang.L("The clip was not saved: %v"), err), u.window)
		return
	}
	dialog.ShowInformation(lang.L("Make a clip"), fmt.Sprintf(lang.L("Saved %s (%d frames)."), strings.ReplaceAll(out, "%04d", "0001…"), frames), u.window)
}

// ClipRunning reports whether a clip is being made (tests).
func (u *UI) ClipRunning() bool { return u.pictures.clip != nil }
