package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2/test"

	"frontline-atlas/cli"
	"frontline-atlas/geo"
	"frontline-atlas/internal/anim"
	"frontline-atlas/internal/atomicfile"
	"frontline-atlas/timeline"
)

// clipHold is how long the last frame of an animation stays before it loops, so the front's
// final position can be read.
const clipHold = 2 * time.Second

// renderClip renders the frames of a clip one at a time, from args.From every args.DaysPerFrame
// days, and streams them to out in args.Format: only the frame being drawn and the writer's
// previous frame are in memory. progress, if not nil, is called after each frame with the
// frames done and the total. Cancelling ctx stops between frames; a cancelled or failed clip
// leaves nothing behind (an animation is written through a temporary file; the frames of a
// sequence written so far are removed). It runs on the caller's goroutine, which need not be
// Fyne's.
//
// job draws the frames; the caller closes it (on Fyne's goroutine).
func renderClip(ctx context.Context, job *frameJob, cat *timeline.Catalog, data *geo.MapData, spec frameSpec, args cli.ClipArgs, out string, progress func(done, total int)) (err error) {
	total := args.Frames()
	if total < 1 {
		return fmt.Errorf("clip: no frames from %s to %s", args.From.Date().Human(), args.To.Date().Human())
	}
	if args.FPS < 1 {
		args.FPS = 10
	}
	var w anim.Writer
	var file *atomicfile.File
	switch args.Format {
	case cli.ClipGIF, cli.ClipAPNG:
		if dir := filepath.Dir(out); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("clip: %w", err)
			}
		}
		if file, err = atomicfile.Create(out, 0o644); err != nil {
			return fmt.Errorf("clip: %w", err)
		}
		defer file.Abort() // after Commit, nothing
		if args.Format == cli.ClipGIF {
			w, err = anim.NewGIF(file, spec.W, spec.H, 0)
		} else {
			w, err = anim.NewAPNG(file, spec.W, spec.H, total, 0)
		}
	case cli.ClipPNGSequence:
		w, err = anim.NewPNGSequence(args.Dir, args.Name, spec.W, spec.H)
		written := 0
		defer func() {
			if err != nil { // a sequence cut short is removed, as an animation is
				for i := 1; i <= written; i++ {
					os.Remove(filepath.Join(args.Dir, fmt.Sprintf("%s-%04d.png", args.Name, i)))
				}
			}
		}()
		progressIn := progress
		progress = func(done, total int) {
			written = done
			if progressIn != nil {
				progressIn(done, total)
			}
		}
	default:
		return fmt.Errorf("clip: no format for %q", out)
	}
	if err != nil {
		return fmt.Errorf("clip: %w", err)
	}
	if !job.open(ctx, cat, data, spec) {
		return context.Canceled
	}
	delay := time.Second / time.Duration(args.FPS)
	if progress != nil {
		progress(0, total)
	}
	for i := range total {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := delay
		if i == total-1 {
			d = max(delay, clipHold)
		}
		img, err := job.frame(ctx, args.Day(i))
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("clip: frame %d: %w", i+1, err)
		}
		if err := w.WriteFrame(img, d); err != nil {
			return fmt.Errorf("clip: frame %d: %w", i+1, err)
		}
		if progress != nil {
			progress(i+1, total)
		}
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("clip: %w", err)
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return fmt.Errorf("clip: %w", err)
		}
	}
	return nil
}

// RunClip runs the clip command: it loads the pack, renders the clip the command describes
// with a progress report on stderr (a bar on a terminal), and returns the exit status (0, or 1
// when the pack or the clip failed).
func RunClip(cmd cli.Command, stdout, stderr io.Writer) int {
	content, err := cli.LoadContentLazy(cmd.Content)
	if err != nil {
		fmt.Fprintf(stderr, "frontline-atlas: %v\n", err)
	}
	if content == nil {
		return 1
	}
	done := make(chan error, 1)
	go func() { done <- clipCommand(content, cmd, stderr) }()
	if err := <-done; err != nil {
		fmt.Fprintf(stderr, "frontline-atlas clip: %v\n", err)
		return 1
	}
	what := cmd.Output
	if cmd.Clip.Format == cli.ClipPNGSequence {
		what = filepath.Join(cmd.Clip.Dir, cmd.Clip.Name+"-0001.png") + " …"
	}
	fmt.Fprintf(stdout, "wrote %s (%d frames of %dx%d, %s)\n", what, cmd.Clip.Frames(), cmd.Width, cmd.Height, cmd.Clip.Format)
	return 0
}

// clipCommand renders the command's clip in a headless app of its own, on the calling
// goroutine (Fyne's UI goroutine for that app), as the snapshot command does.
func clipCommand(content *cli.Content, cmd cli.Command, stderr io.Writer) error {
	a := test.NewApp()
	defer a.Quit()
	setupTranslations()
	if cmd.Lang != "" {
		setLanguage(cmd.Lang)
	}
	name := cmd.Theme
	if name == "system" {
		name = "light" // a headless app has no system setting
	}
	ApplyTheme(a, name)
	spec := frameSpec{W: cmd.Width, H: cmd.Height, View: cmd.View, Caption: cmd.Clip.Caption, Lang: cmd.Lang}
	if cmd.Event != "" {
		if content.Catalog.Event(cmd.Event) == nil {
			return fmt.Errorf("--event: no event %q in %s", cmd.Event, content.Label)
		}
		spec.Selection = timeline.Ref{Kind: timeline.KindEvent, ID: cmd.Event}
	}
	label := cmd.Output
	if cmd.Clip.Format == cli.ClipPNGSequence {
		label = filepath.Join(cmd.Clip.Dir, cmd.Clip.Name+"-####.png")
	}
	p := cli.NewProgress(stderr, cli.IsTerminal(stderr), label, cmd.Clip.Frames())
	job := &frameJob{call: callHere}
	defer job.close()
	err := renderClip(context.Background(), job, content.Catalog, content.Map, spec, cmd.Clip, cmd.Output, func(done, _ int) { p.Step(done) })
	p.Done()
	if errors.Is(err, context.Canceled) {
		return errors.New("cancelled")
	}
	return err
}
