package timeline

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestContentFormatExamples decodes every JSON example of docs/content-format.md strictly into
// the struct of the section it is in, so the documentation cannot drift from the model.
func TestContentFormatExamples(t *testing.T) {
	data, err := os.ReadFile("../docs/content-format.md")
	if err != nil {
		t.Skipf("docs not found: %v", err)
	}
	sections := map[string]func() any{
		"Events":                    func() any { return &Event{} },
		"People":                    func() any { return &Person{} },
		"Medals, orders and titles": func() any { return &Medal{} },
		"Places":                    func() any { return &Place{} },
		"Organizations":             func() any { return &Organization{} },
		"Veterans":                  func() any { return &Veteran{} },
		"Tours":                     func() any { return &Tour{} },
		"Sources":                   func() any { return &Source{} },
		"The pack description":      func() any { return &struct{ Pack PackInfo }{} },
	}
	heading := regexp.MustCompile(`(?m)^## (.+)$`)
	block := regexp.MustCompile("(?s)```json\n(.*?)```")
	idx := heading.FindAllStringSubmatchIndex(string(data), -1)
	checked := 0
	for i, h := range idx {
		name := string(data[h[2]:h[3]])
		end := len(data)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		mk, ok := sections[name]
		if !ok {
			continue
		}
		for _, m := range block.FindAllStringSubmatch(string(data[h[1]:end]), -1) {
			v := mk()
			src := m[1]
			if name == "The pack description" {
				src = strings.Replace(src, `"pack"`, `"Pack"`, 1)
			}
			if err := decodeStrictJSON([]byte(src), v); err != nil {
				t.Errorf("section %q: example does not decode: %v\n%s", name, err, src)
			}
			checked++
		}
	}
	if checked < len(sections) {
		t.Errorf("checked %d examples, want at least %d (one per section)", checked, len(sections))
	}
}
