package app

import "fyne.io/fyne/v2/dialog"

// Fyne's file dialog cannot take a new theme while it is open: re-theming its file items
// (a text size changed with Ctrl+= over the dialog) panics inside Fyne's RichText
// (widget/richtext.go, updateRowBounds, index -1 in v2.7.1; found by the soak). The window
// keeps the file dialog it shows and closes it, as if cancelled, before a new theme applies.

// showFileDialog shows d as the window's file dialog (one at a time).
func (u *UI) showFileDialog(d *dialog.FileDialog) {
	u.dismissFileDialog()
	u.fileDialog = d
	d.SetOnClosed(func() {
		if u.fileDialog == d {
			u.fileDialog = nil
		}
	})
	d.Show()
}

// dismissFileDialog closes the file dialog shown, if any, as a Cancel would.
func (u *UI) dismissFileDialog() {
	if d := u.fileDialog; d != nil {
		u.fileDialog = nil
		d.Dismiss()
	}
}
