package timeline

import (
	"reflect"
	"testing"
)

func TestWarnings(t *testing.T) {
	c := loadTestPack(t)
	got := c.Warnings()
	want := []string{
		`medal "hero-soviet-union" is linked to no event`,
		`organization "soviet-army" is linked to no event`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Warnings():\ngot  %q\nwant %q", got, want)
	}
}
