package timeline

import (
	"strings"
	"testing"
)

// A missing image does not stop the pack: it loads, and the image is listed among the warnings
// (the app shows the item's monogram).
func TestMissingImageIsAWarning(t *testing.T) {
	c, err := LoadFS(overlayPack(t, "testdata/warn/image-missing"), "image-missing")
	if err != nil {
		t.Fatalf("a pack with a missing image failed to load: %v", err)
	}
	found := false
	for _, w := range c.Warnings() {
		if strings.Contains(w, "people.json") && strings.Contains(w, `person "zhukov"`) &&
			strings.Contains(w, `field "image"`) && strings.Contains(w, "not found in the pack") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no warning names people.json, zhukov and the image; warnings:\n%s", strings.Join(c.Warnings(), "\n"))
	}
	if _, err := c.ReadPackFile("images/konev.png"); err == nil {
		t.Error("ReadPackFile of a missing image gave no error")
	}
	for _, bad := range []string{"../pack.json", "/etc/passwd", "images/../../x.png"} {
		if _, err := c.ReadPackFile(bad); err == nil {
			t.Errorf("ReadPackFile(%q) read outside the pack", bad)
		}
	}
}
