package app

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // portraits in JPEG
	_ "image/png"  // and PNG
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"frontline-atlas/timeline"
)

// portraitProblems remembers the images already reported, so each bad image logs one message.
var portraitProblems sync.Map

// portrait returns the item's image from the pack, shown at most w×h pixels, or the monogram
// of name when the item has no image or its image is missing, too large or not an image (one
// message is logged for each bad image).
func portrait(cat *timeline.Catalog, ref timeline.Ref, path, name string, w, h float32) fyne.CanvasObject {
	if path == "" || cat == nil {
		return NewMonogram(name)
	}
	img, err := loadPortrait(cat, path)
	if err != nil {
		if _, seen := portraitProblems.LoadOrStore(path, true); !seen {
			logf("%s %q: image %v; showing its monogram", ref.Kind, ref.ID, err)
		}
		return NewMonogram(name)
	}
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	ci.ScaleMode = canvas.ImageScaleSmooth
	b := img.Bounds()
	scale := fyne.Min(w/float32(b.Dx()), h/float32(b.Dy()))
	if scale > 1 {
		scale = 1
	}
	f := &fixedSize{size: fyne.NewSize(float32(b.Dx())*scale, float32(b.Dy())*scale), objs: []fyne.CanvasObject{ci}}
	f.ExtendBaseWidget(f)
	return f
}

func loadPortrait(cat *timeline.Catalog, path string) (image.Image, error) {
	data, err := cat.ReadPackFile(path)
	if err != nil {
		return nil, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a PNG or JPEG image: %w", path, err)
	}
	// The loader's limit (timeline.MaxImageSide): a pack cannot make the app decode a
	// gigapixel image.
	if err := timeline.CheckImageSize(cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return img, nil
}
