package templates

import (
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/clauses"
)

// Warning is something a contract's reader must know that does not make the
// contract invalid. SignOff warnings need an approver before the contract
// goes to a vendor.
type Warning struct {
	Code    string       `json:"code"` // stable, snake_case: "sole_source_over_threshold"
	Path    string       `json:"path,omitempty"`
	Message clauses.Text `json:"message"`
	SignOff bool         `json:"sign_off,omitempty"`
}

// formatCAD formats cents as Canadian dollars: "$133,800" or "$1,250.50" in
// English, « 133 800 $ » with no-break spaces in French.
func formatCAD(cents int64, lang clauses.Lang) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	sep, dec := ",", "."
	if lang == clauses.FR {
		sep, dec = "\u00a0", ","
	}
	s := groupThousands(strconv.FormatInt(cents/100, 10), sep)
	if c := cents % 100; c != 0 {
		s += dec + strconv.FormatInt(c/10, 10) + strconv.FormatInt(c%10, 10)
	}
	if neg {
		s = "-" + s
	}
	if lang == clauses.FR {
		return s + "\u00a0$"
	}
	if neg {
		return "-$" + s[1:]
	}
	return "$" + s
}

func groupThousands(digits, sep string) string {
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	return b.String()
}
