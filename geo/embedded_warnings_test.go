package geo

import (
	"strings"
	"testing"
)

// The embedded base map loads without a warning: tools/geodata ships no ring that crosses
// itself (it gave five before it checked its rings: borders by Geneva, Lesbos and Korea, two
// rings of the 10m land).
func TestEmbeddedBaseMapHasNoWarnings(t *testing.T) {
	m := loadEmbeddedBaseMap(t)
	if len(m.Warnings) > 0 {
		t.Errorf("the embedded base map gives %d warnings:\n%s", len(m.Warnings), strings.Join(m.Warnings, "\n"))
	}
}
