package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	xcontainer "fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tourLayout places the card along the bottom of the map and the blank screen over everything.
type tourLayout struct{ p *TourPlayer }

func (l *tourLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (l *tourLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	p := l.p
	p.blank.Move(fyne.Position{})
	p.blank.Resize(size)
	if !p.Card.Visible() || size.Width <= 0 {
		return
	}
	u := p.u
	// The layer lies over the whole window content, as the root does.
	mp, _ := positionIn(u.root, u.Map)
	ms := u.Map.Size()
	// The card keeps clear of the map's buttons on the right and of its credit line at the
	// bottom (the sources of the base map stay readable).
	scale := TextScale(nil)
	margin := 12 * scale
	right := u.Map.buttons.MinSize().Width + 2*margin
	bottom := 2.2 * theme.SizeForWidget(theme.SizeNameCaptionText, u.Map)
	w := fyne.Max(ms.Width-margin-right, fyne.Min(ms.Width, 240))
	c := p.Card
	sz := c.captionSize(w, ms.Height*captionMaxMapFraction)
	c.Caption.TextSize = sz
	h := c.heightAt(w, sz)
	c.Resize(fyne.NewSize(w, h))
	c.Move(fyne.NewPos(mp.X+margin, mp.Y+ms.Height-bottom-h))
	c.Caption.Refresh()
	// Then keep the stop's view when the map changes size (F11, a window resized) unless the user
	// has moved the map since.
	// or the card's height (presenter mode's larger caption, the text size) changed.
	if v := u.Map.View(); v.CX == p.applied.CX && v.CY == p.applied.CY && v.Scale == p.applied.Scale &&
		(v.W != p.applied.W || v.H != p.applied.H || p.cover() != p.appliedCover) && !p.u.Map.closed && !p.moving() {
		p.appliedCover = p.cover()
		t := u.stopView(p.shown)
		u.Map.session.SetCentreScale(t.CX, t.CY, t.Scale)
		p.applied = u.Map.View()
		u.Map.Refresh()
	}
}

// blankScreen is the black or white screen of B, "." and W; a tap takes it away.
type blankScreen struct {
	widget.BaseWidget
	rect  *canvas.Rectangle
	onTap func()
}

func newBlankScreen(onTap func()) *blankScreen {
	b := &blankScreen{rect: canvas.NewRectangle(color.Black), onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped uncovers the window.
func (b *blankScreen) Tapped(*fyne.PointEvent) { b.onTap() }

func (b *blankScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(b.rect)
}

// positionIn returns the position of target inside root, found by walking containers, splits
// and scrolls (Fyne's driver knows positions only on a window's canvas, not on the software
// canvas of a snapshot); false when target is not under root.
func positionIn(root, target fyne.CanvasObject) (fyne.Position, bool) {
	if root == target {
		return fyne.Position{}, true
	}
	var kids []fyne.CanvasObject
	switch o := root.(type) {
	case *fyne.Container:
		kids = o.Objects
	case *xcontainer.Split:
		kids = []fyne.CanvasObject{o.Leading, o.Trailing}
	case *xcontainer.Scroll:
		kids = []fyne.CanvasObject{o.Content}
	}
	for _, k := range kids {
		if k == nil {
			continue
		}
		if p, ok := positionIn(k, target); ok {
			return k.Position().Add(p), true
		}
	}
	return fyne.Position{}, false
}
