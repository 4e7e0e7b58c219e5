package library

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/civicpact/civicpact/apperr"
)

// problem is one error in a file, at a 1-based line (0: the whole file).
type problem struct {
	line int
	msg  string
}

// problems collects every error of a file so that all are reported at once.
type problems []problem

func (p *problems) add(line int, format string, args ...any) {
	*p = append(*p, problem{line: line, msg: fmt.Sprintf(format, args...)})
}

// fields returns the problems as field errors with paths "name:line",
// sorted by line, without repeats.
func (p problems) fields(name string) []apperr.FieldError {
	sorted := slices.Clone(p)
	slices.SortStableFunc(sorted, func(a, b problem) int { return cmp.Compare(a.line, b.line) })
	sorted = slices.Compact(sorted)
	out := make([]apperr.FieldError, len(sorted))
	for i, pr := range sorted {
		path := name
		if pr.line > 0 {
			path += ":" + strconv.Itoa(pr.line)
		}
		out[i] = apperr.FieldError{Path: path, Message: pr.msg}
	}
	return out
}
