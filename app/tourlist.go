package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tourList is the list of the pack's tours that the menu's "Tours…" opens: each tour's title,
// summary and number of stops, with Open (browse it, stop by stop, at a desk) and Present.
type tourList struct {
	d *dialog.CustomDialog
	// Open and Present hold each tour's buttons by tour id (tests press them).
	Open, Present map[string]*Button
}

// ShowTours opens the list of tours over the window.
func (p *TourPlayer) ShowTours() {
	u := p.u
	if u.window == nil || p.closed {
		return
	}
	if p.list != nil {
		p.list.close()
	}
	l := &tourList{Open: map[string]*Button{}, Present: map[string]*Button{}}
	box := container.NewVBox()
	langc := contentLanguage()
	tours := u.Catalog.Tours()
	if len(tours) == 0 {
		box.Add(widget.NewLabel(lang.L("This content pack has no tours.")))
	}
	for i, t := range tours {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		id := t.ID
		title := widget.NewLabelWithStyle(t.Title.In(langc), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		summary := widget.NewLabel(fmt.Sprintf(lang.L("%s (%d stops)"), t.Summary.In(langc), len(t.Stops)))
		summary.Wrapping = fyne.TextWrapWord
		open := NewButton(lang.L("Open"), theme.NavigateNextIcon(), func() {
			l.close()
			if err := p.Open(id, 1); err != nil {
				logf("tour %s: %v", id, err)
			}
		})
		present := NewButton(lang.L("Present"), theme.MediaPlayIcon(), func() {
			l.close()
			if err := p.Present(id, 1); err != nil {
				logf("tour %s: %v", id, err)
			}
		})
		l.Open[id], l.Present[id] = open, present
		box.Add(container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(touchTarget(open), touchTarget(present))),
			container.NewVBox(title, summary)))
	}
	l.d = dialog.NewCustom(lang.L("Tours"), lang.L("Close"), container.NewVScroll(box), u.window)
	size := u.window.Canvas().Size()
	l.d.Resize(fyne.NewSize(fyne.Min(760*TextScale(nil), size.Width*0.95), fyne.Min(620*TextScale(nil), size.Height*0.9)))
	p.list = l
	l.d.Show()
}

// TourList returns the list of tours while it is open (tests).
func (p *TourPlayer) TourList() *tourList { return p.list }

func (l *tourList) close() {
	if l.d != nil {
		l.d.Hide()
	}
}
