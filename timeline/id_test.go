package timeline

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"battle-of-kursk", true},
		{"zhukov", true},
		{"1st-belorussian-front", true},
		{"order-of-lenin-1930", true},
		{"a", true},
		{"9", true},
		{"a--b", true}, // a double hyphen is odd but harmless
		{strings.Repeat("a", MaxIDLength), true},
		{"", false},
		{strings.Repeat("a", MaxIDLength+1), false},
		{"-kursk", false}, // would read as a flag on the command line
		{"kursk-", false},
		{"-", false},
		{"Battle-of-Kursk", false},
		{"battle_of_kursk", false},
		{"kursk.1943", false},
		{"battle of kursk", false},
		{"königsberg", false},
		{"kursk/1943", false}, // a front theatre's id names its file
		{"..", false},
	}
	for _, tc := range tests {
		if got := ValidID(tc.id); got != tc.want {
			t.Errorf("ValidID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}

// TestIDRuleInContentFormat checks the examples docs/content-format.md gives of ids that are
// and are not valid against ValidID, so the document and the code state one rule.
func TestIDRuleInContentFormat(t *testing.T) {
	data, err := os.ReadFile("../docs/content-format.md")
	if err != nil {
		t.Fatalf("docs not found: %v", err)
	}
	m := regexp.MustCompile("(?s)- \\*\\*ids\\*\\* (.*?)\n- ").FindSubmatch(data)
	if m == nil {
		t.Fatal("docs/content-format.md has no \"- **ids**\" rule")
	}
	text := strings.Join(strings.Fields(string(m[1])), " ")
	yes, no, ok := strings.Cut(text, " are ids;")
	if !ok {
		t.Fatalf("the ids rule does not list examples as \"… are ids; … are not\": %s", text)
	}
	no, _, _ = strings.Cut(no, " are not")
	tick := regexp.MustCompile("`([^`]+)`")
	for _, part := range []struct {
		text string
		want bool
	}{{yes, true}, {no, false}} {
		ex := tick.FindAllStringSubmatch(part.text, -1)
		if len(ex) < 3 {
			t.Errorf("want at least 3 examples of ids that are valid=%v, got %q", part.want, part.text)
		}
		for _, e := range ex {
			if ValidID(e[1]) != part.want {
				t.Errorf("docs/content-format.md gives %q as valid=%v; ValidID says %v", e[1], part.want, !part.want)
			}
		}
	}
	if !strings.Contains(text, "1 to 100") {
		t.Errorf("the ids rule does not state the length limit of %d: %s", MaxIDLength, text)
	}
}
