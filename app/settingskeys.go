package app

import "fyne.io/fyne/v2"

// TypedShortcut lets the window's shortcuts (the text size, Alt+←/→) work while the search
// field has the keyboard: Fyne gives a focused field every shortcut, and the field knows only
// its own (copy, cut, paste, select all, undo, redo), which it keeps.
func (s *Search) TypedShortcut(sc fyne.Shortcut) {
	if s.windowShortcut != nil && s.windowShortcut(sc) {
		return
	}
	s.Entry.TypedShortcut(sc)
}
