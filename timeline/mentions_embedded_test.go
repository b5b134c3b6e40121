package timeline_test

import (
	"testing"

	"frontline-atlas/assets"
	"frontline-atlas/timeline"
)

// TestEmbeddedPackLinksThePlacesItNames keeps the embedded pack free of place-mention
// warnings: every place its texts name is linked (see timeline/mentions.go).
func TestEmbeddedPackLinksThePlacesItNames(t *testing.T) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		t.Fatalf("the embedded pack has problems:\n%v", err)
	}
	for _, w := range c.UnlinkedMentions() {
		t.Error(w)
	}
}

// BenchmarkUnlinkedMentionsEmbedded measures the mention check over the whole embedded pack,
// which `validate` runs once.
func BenchmarkUnlinkedMentionsEmbedded(b *testing.B) {
	c, err := timeline.LoadFS(assets.Content(), "embedded pack")
	if err != nil {
		b.Skipf("the embedded pack does not load: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.UnlinkedMentions()
	}
}
