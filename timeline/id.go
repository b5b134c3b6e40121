package timeline

// MaxIDLength is the longest id, in bytes.
const MaxIDLength = 100

// IDRule says in words which ids ValidID accepts, for messages and documentation.
const IDRule = "lowercase letters, digits and hyphens, starting and ending with a letter or digit, at most 100 characters"

// ValidID reports whether id is a well-formed id of an item, a lane or a theatre: 1 to
// MaxIDLength lowercase ASCII letters, digits and hyphens, starting and ending with a letter
// or digit ("battle-of-kursk", "1st-belorussian-front"). The same rule holds in content packs,
// for --event on the command line, and in docs/content-format.md. It keeps ids safe as file
// names (a front theatre names its file) and as command-line arguments (no leading hyphen).
func ValidID(id string) bool {
	if id == "" || len(id) > MaxIDLength || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
