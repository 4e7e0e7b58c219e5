package clauses

import "strings"

// ValidKey reports whether key has the form SCL-<TOPIC>-<nn>, TOPIC being
// 2 to 8 capital letters and nn two digits (SCL-IP-01).
func ValidKey(key string) bool {
	rest, ok := strings.CutPrefix(key, "SCL-")
	if !ok || len(rest) < 5 || len(rest) > 11 {
		return false
	}
	topic, nn := rest[:len(rest)-3], rest[len(rest)-3:]
	if nn[0] != '-' || !isDigit(nn[1]) || !isDigit(nn[2]) || len(topic) < 2 {
		return false
	}
	for i := 0; i < len(topic); i++ {
		if topic[i] < 'A' || topic[i] > 'Z' {
			return false
		}
	}
	return true
}

// ValidVarName reports whether name is lower-case snake_case: a letter,
// then letters, digits and single underscores, not ending in "_".
func ValidVarName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' || name[len(name)-1] == '_' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', isDigit(c):
		case c == '_' && name[i-1] != '_':
		default:
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
