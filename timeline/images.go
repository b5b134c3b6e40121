package timeline

import (
	"bufio"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of JPEG images
	_ "image/png"  // and PNG

	"frontline-atlas/internal/packfs"
)

// MaxImageSide is the most pixels an image of the pack may have on either side (4096). A
// larger image, or one whose header cannot be read, is a warning: the app shows the item's
// monogram instead, and never decodes a picture that would take gigabytes.
const MaxImageSide = 4096

// Pack returns the pack the catalog was loaded from, for reading its other files (images,
// tours) with the same guarantees as the loader: nothing outside the pack, regular files
// only, at most MaxPackFileSize each. It is nil for a catalog not made by LoadFS or LoadDir.
func (c *Catalog) Pack() *packfs.FS { return c.pack }

// ReadPackFile returns the bytes of a file of the pack the catalog was loaded from, such as an
// item's image ("images/zhukov.png"). Only paths inside the pack are read (no "..", no absolute
// paths, no symbolic links out of it), only regular files, and none larger than
// MaxPackFileSize.
func (c *Catalog) ReadPackFile(p string) ([]byte, error) {
	if c.pack == nil {
		return nil, fmt.Errorf("%s: the catalog does not know the pack it came from", p)
	}
	b, err := c.pack.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, cleanFSError(err))
	}
	return b, nil
}

// ImageConfig reads the header of image p of the pack (PNG or JPEG) and returns its size and
// format, or an error naming what is wrong: not found, not an image, or more than
// MaxImageSide pixels on a side. Only the header is read, whatever the file's size.
func ImageConfig(fsys *packfs.FS, p string) (image.Config, string, error) {
	f, err := fsys.OpenFile(p, 0)
	if err != nil {
		return image.Config{}, "", cleanFSError(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil {
		return cfg, "", fmt.Errorf("not a PNG or JPEG image (%v)", err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxImageSide || cfg.Height > MaxImageSide {
		return cfg, format, fmt.Errorf("%d×%d pixels: want 1 to %d on a side", cfg.Width, cfg.Height, MaxImageSide)
	}
	return cfg, format, nil
}
