package cli

import (
	"strings"
	"testing"
	"time"
)

func TestProgressPlainLines(t *testing.T) {
	var b strings.Builder
	p := NewProgress(&b, false, "moscow.gif", 56)
	clock := p.start
	p.now = func() time.Time { return clock }
	for i := 0; i <= 56; i++ {
		clock = clock.Add(100 * time.Millisecond)
		p.Step(i)
	}
	p.Done()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 11 {
		t.Fatalf("got %d lines, want one at every tenth (11):\n%s", len(lines), b.String())
	}
	if strings.Contains(b.String(), "\r") {
		t.Error("plain progress has carriage returns")
	}
	if lines[0] != "moscow.gif: 0/56 frames (0 %)" || lines[10] != "moscow.gif: 56/56 frames (100 %)" {
		t.Errorf("first and last lines %q, %q", lines[0], lines[10])
	}
	if !strings.Contains(lines[5], "28/56 frames (50 %), 3s left") {
		t.Errorf("the middle line %q does not say 28/56, 50 %% and 3 s left", lines[5])
	}
}

func TestProgressBarOnATerminal(t *testing.T) {
	var b strings.Builder
	p := NewProgress(&b, true, "clip", 4)
	clock := p.start
	p.now = func() time.Time { return clock }
	for i := 0; i <= 4; i++ {
		clock = clock.Add(time.Second)
		p.Step(i)
	}
	p.Done()
	out := b.String()
	if strings.Count(out, "\r") != 5 || !strings.HasSuffix(out, "\n") {
		t.Fatalf("want five redraws in place and a final newline, got %q", out)
	}
	if !strings.Contains(out, "clip [###############...............] 2/4  50 %, 3s left") {
		t.Errorf("no half-full bar in %q", out)
	}
	if !strings.Contains(out, "[##############################] 4/4 100 %") {
		t.Errorf("no full bar in %q", out)
	}
}
