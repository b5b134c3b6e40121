package timeline

import (
	"fmt"
	"io/fs"
	"os"
)

// ReadPackFile returns the bytes of a file of the pack the catalog was loaded from, such as an
// item's image ("images/zhukov.png"). Only paths inside the pack are read (no "..", no absolute
// paths, no symbolic links out of a folder), and no file larger than MaxPackFileSize.
func (c *Catalog) ReadPackFile(p string) ([]byte, error) {
	if !fs.ValidPath(p) {
		return nil, fmt.Errorf("%q is not a path inside the pack", p)
	}
	fsys := c.packFS
	if c.packDir != "" {
		root, err := os.OpenRoot(c.packDir)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		defer root.Close()
		fsys = root.FS()
	}
	if fsys == nil {
		return nil, fmt.Errorf("%s: the catalog does not know the pack it came from", p)
	}
	b, err := readPackFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return b, nil
}
