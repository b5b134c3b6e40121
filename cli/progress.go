package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Progress reports a long command's progress on a stream: on a terminal a bar redrawn in place
// ("[#######.......]  23/56  41 %  12 s left"), elsewhere (a log, a pipe) a plain line at
// every tenth of the work, so a log is not flooded with carriage returns.
type Progress struct {
	w        io.Writer
	terminal bool
	label    string
	total    int
	start    time.Time
	now      func() time.Time
	lastTen  int // the last tenth written as a line
	lastDraw time.Time
}

// IsTerminal reports whether w is a terminal (a character device), where a bar redrawn in place
// reads well.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// NewProgress starts reporting total steps of label on w, as a bar when terminal is true.
func NewProgress(w io.Writer, terminal bool, label string, total int) *Progress {
	p := &Progress{w: w, terminal: terminal, label: label, total: max(total, 1), now: time.Now, lastTen: -1}
	p.start = p.now()
	return p
}

// barWidth is the bar's length in characters.
const barWidth = 30

// Step reports that done of the total steps are finished.
func (p *Progress) Step(done int) {
	done = min(max(done, 0), p.total)
	now := p.now()
	if p.terminal {
		// At most 20 redraws a second, and always the last.
		if done < p.total && now.Sub(p.lastDraw) < 50*time.Millisecond {
			return
		}
		p.lastDraw = now
		n := done * barWidth / p.total
		fmt.Fprintf(p.w, "\r%s [%s%s] %*d/%d %3d %%%s\x1b[K", p.label, strings.Repeat("#", n), strings.Repeat(".", barWidth-n),
			len(fmt.Sprint(p.total)), done, p.total, done*100/p.total, p.left(done, now))
		return
	}
	if ten := done * 10 / p.total; ten > p.lastTen {
		p.lastTen = ten
		fmt.Fprintf(p.w, "%s: %d/%d frames (%d %%)%s\n", p.label, done, p.total, done*100/p.total, p.left(done, now))
	}
}

// left estimates the time left from the pace so far.
func (p *Progress) left(done int, now time.Time) string {
	if done == 0 || done == p.total {
		return ""
	}
	el := now.Sub(p.start)
	rest := time.Duration(float64(el) / float64(done) * float64(p.total-done))
	return fmt.Sprintf(", %s left", rest.Round(time.Second))
}

// Done ends the report: on a terminal the bar's line is ended.
func (p *Progress) Done() {
	if p.terminal {
		fmt.Fprintln(p.w)
	}
}
