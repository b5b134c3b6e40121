package app

import (
	"testing"
)

// TestTextSizeWithFileDialogOpen: changing the text size while a file dialog is open (Ctrl+=
// over "Open GeoJSON…") panicked inside Fyne's file dialog (found by the soak); the dialog is
// now closed, as if cancelled, before the new theme applies.
func TestTextSizeWithFileDialogOpen(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	u.OpenLayerDialog()
	if u.fileDialog == nil {
		t.Fatal("the file dialog did not open")
	}
	for _, p := range []int{150, 200, 100} {
		u.Settings.SetTextPercent(p) // panicked here
	}
	if u.fileDialog != nil {
		t.Error("the file dialog is still open after a new text size")
	}
	u.OpenLayerDialog() // and it opens again
	if u.fileDialog == nil {
		t.Error("the file dialog did not open a second time")
	}
}
