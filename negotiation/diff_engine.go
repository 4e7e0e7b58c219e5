package negotiation

import (
	"time"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// This is the only file that imports go-diff: the rest of the redline
// engine works on edit scripts of token counts (opRun), so the library can
// be swapped without touching them.

// defaultDiffTimeout bounds one go-diff call. Past it go-diff stops
// bisecting and returns a coarser, still correct, edit script.
const defaultDiffTimeout = time.Second

// opRun is one step of an edit script over two token sequences: n tokens
// kept (OpEqual), removed from the old sequence (OpDelete) or added from the
// new one (OpInsert).
type opRun struct {
	op Op
	n  int
}

// Code points that stand for tokens: the Basic Multilingual Plane's private
// use area, then planes 15 and 16. None is a surrogate, so go-diff's
// conversions between runes and strings keep them intact.
const (
	puaStart  = 0xE000
	puaSize   = 0xF8FF - 0xE000 + 1
	planeA    = 0xF0000
	planeSize = 0x10FFFD - 0xF0000 + 1
	maxTokens = puaSize + planeSize
)

// tokenRunes maps each distinct token to its own code point; the same
// instance must encode both sides of a diff.
type tokenRunes map[string]rune

// encode returns the runes for tokens, or false when there are more distinct
// tokens than code points to stand for them.
func (m tokenRunes) encode(tokens []string) ([]rune, bool) {
	out := make([]rune, len(tokens))
	for i, tok := range tokens {
		r, ok := m[tok]
		if !ok {
			n := len(m)
			switch {
			case n < puaSize:
				r = rune(puaStart + n)
			case n < maxTokens:
				r = rune(planeA + n - puaSize)
			default:
				return nil, false
			}
			m[tok] = r
		}
		out[i] = r
	}
	return out, true
}

// diffRunes computes an edit script from a to b with go-diff, bounded by
// timeout. It returns false, instead of panicking or returning a wrong
// script, if go-diff fails: the caller then falls back to a coarse diff.
func diffRunes(a, b []rune, timeout time.Duration) (runs []opRun, ok bool) {
	defer func() {
		if recover() != nil {
			runs, ok = nil, false
		}
	}()
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = timeout
	diffs := dmp.DiffMainRunes(a, b, false)
	runs = make([]opRun, 0, len(diffs))
	for _, d := range diffs {
		runs = append(runs, opRun{op: opOf(d.Type), n: utf8.RuneCountInString(d.Text)})
	}
	return runs, scriptMatches(runs, diffs, a, b)
}

// opOf translates go-diff's operation type.
func opOf(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffInsert:
		return OpInsert
	case diffmatchpatch.DiffDelete:
		return OpDelete
	default:
		return OpEqual
	}
}

// scriptMatches checks that go-diff's output really turns a into b, so a
// library bug can only make a diff coarser, never wrong.
func scriptMatches(runs []opRun, diffs []diffmatchpatch.Diff, a, b []rune) bool {
	i, j := 0, 0
	for k, d := range diffs {
		rs := []rune(d.Text)
		switch runs[k].op {
		case OpEqual:
			if !hasRunes(a, i, rs) || !hasRunes(b, j, rs) {
				return false
			}
			i, j = i+len(rs), j+len(rs)
		case OpDelete:
			if !hasRunes(a, i, rs) {
				return false
			}
			i += len(rs)
		case OpInsert:
			if !hasRunes(b, j, rs) {
				return false
			}
			j += len(rs)
		}
	}
	return i == len(a) && j == len(b)
}

// hasRunes reports whether s holds want at offset at.
func hasRunes(s []rune, at int, want []rune) bool {
	if at+len(want) > len(s) {
		return false
	}
	for k, r := range want {
		if s[at+k] != r {
			return false
		}
	}
	return true
}
