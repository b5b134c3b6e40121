package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
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

// The file dialog in list view opens at every text size. At 110 % it panicked inside Fyne
// (RichText.updateRowBounds, index −1; found by the soak): a file's label is given the height
// of its least size, the text's height plus twice an inner padding of 8.8 px, and the float32
// sum minus the paddings came out 2e-6 px short of the text's height, so not even one line
// fitted. The theme's sizes are now whole quarter pixels (theme.go, quarterPixel), so that such
// sums and differences are exact.
func TestFileDialogListViewAtEveryTextSize(t *testing.T) {
	u, _ := newTestUI(t, 1280, 800, Options{})
	fyne.CurrentApp().Preferences().SetInt("fyne:fileDialogViewLayout", int(dialog.ListView))
	for p := 80; p <= 200; p += 10 {
		u.Settings.SetTextPercent(p)
		opened := func() bool {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("text at %d %%: opening the file dialog in list view panicked: %v", p, r)
				}
			}()
			u.OpenLayerDialog()
			return true
		}()
		if !opened {
			return // the window is left half-way through Fyne's Show
		}
		u.dismissFileDialog()
	}
}
