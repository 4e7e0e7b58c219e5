package negotiation

import (
	"html"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// Op says what a Change does to the text.
type Op string

// The three operations of a redline.
const (
	OpEqual  Op = "equal"
	OpInsert Op = "insert"
	OpDelete Op = "delete"
)

// Change is one run of a redline. OldOffset and NewOffset are the byte
// offsets where the run starts in the old and the new text. Substantive is
// false for an equal run and for an edit that only touches white space,
// punctuation or letter case; an edit's insert and delete halves share the
// flag.
type Change struct {
	Op          Op     `json:"op"`
	Text        string `json:"text"`
	OldOffset   int    `json:"old_offset"`
	NewOffset   int    `json:"new_offset"`
	Substantive bool   `json:"substantive"`
}

// TextDiff is a word-level redline of one text. Substantive is true when at
// least one change is. WordsInserted and WordsDeleted count the
// white-space-separated words of the inserted and deleted runs, the way the
// benchmark's count_edits.py counts a peer tool's output.
type TextDiff struct {
	Changes       []Change `json:"changes"`
	Substantive   bool     `json:"substantive"`
	WordsInserted int      `json:"words_inserted"`
	WordsDeleted  int      `json:"words_deleted"`
}

// DiffText returns the word-level redline that turns old into new. Any two
// strings, invalid UTF-8 included, give a diff whose Apply(old) is new; when
// go-diff runs out of time the diff is coarser, never wrong.
func DiffText(old, new string) TextDiff {
	return differ{timeout: defaultDiffTimeout}.diff(old, new)
}

// differ holds the settings of one diff; tests shorten the timeout.
type differ struct {
	timeout time.Duration
}

// diff tokenises both texts, diffs the token sequences and builds the
// redline.
func (d differ) diff(old, new string) TextDiff {
	if old == new {
		if old == "" {
			return TextDiff{}
		}
		return buildTextDiff([]opRun{{op: OpEqual, n: 1}}, []string{old}, []string{new})
	}
	a, b := tokenize(old), tokenize(new)
	runs := d.tokenScript(a, b)
	return buildTextDiff(cleanupSemantic(runs, a, b), a, b)
}

// tokenScript is the edit script between two token sequences: go-diff's,
// or a coarse one if the tokens cannot be encoded or go-diff fails.
// go-diff aligns word units (a word or punctuation mark with the white space
// after it, compared without that white space), so the diff is minimal in
// words: matching white space never anchors an alignment.
func (d differ) tokenScript(a, b []string) []opRun {
	keysA, sizesA := wordUnits(a)
	keysB, sizesB := wordUnits(b)
	m := make(tokenRunes)
	ra, okA := m.encode(keysA)
	rb, okB := m.encode(keysB)
	if okA && okB {
		if runs, ok := diffRunes(ra, rb, d.timeout); ok {
			return expandUnits(runs, sizesA, sizesB, a, b)
		}
	}
	return coarseScript(a, b)
}

// wordUnits groups tokens into units of one non-space token and the white
// space that follows it; white space at the start is a unit of its own. It
// returns each unit's key (the non-space token) and its number of tokens.
func wordUnits(tokens []string) (keys []string, sizes []int) {
	keys = make([]string, 0, len(tokens)/2+1)
	sizes = make([]int, 0, len(tokens)/2+1)
	for i := 0; i < len(tokens); {
		key, n := tokens[i], 1
		if kindOf(key) == tokenSpace {
			key = "\x00" + key // cannot equal a non-space token
		} else if i+1 < len(tokens) && kindOf(tokens[i+1]) == tokenSpace {
			n = 2
		}
		keys, sizes = append(keys, key), append(sizes, n)
		i += n
	}
	return keys, sizes
}

// expandUnits turns an edit script over word units into one over tokens.
// Units that match by key but differ in their trailing white space keep the
// word equal and replace the white space.
func expandUnits(runs []opRun, sizesA, sizesB []int, a, b []string) []opRun {
	out := make([]opRun, 0, len(runs))
	ua, ub, ta, tb := 0, 0, 0, 0
	for _, r := range runs {
		switch r.op {
		case OpDelete:
			n := sum(sizesA[ua : ua+r.n])
			out = appendRun(out, opRun{OpDelete, n})
			ua, ta = ua+r.n, ta+n
		case OpInsert:
			n := sum(sizesB[ub : ub+r.n])
			out = appendRun(out, opRun{OpInsert, n})
			ub, tb = ub+r.n, tb+n
		case OpEqual:
			for k := 0; k < r.n; k++ {
				sa, sb := sizesA[ua+k], sizesB[ub+k]
				if sa == sb && (sa == 1 || a[ta+1] == b[tb+1]) {
					out = appendRun(out, opRun{OpEqual, sa})
				} else {
					out = appendRun(out, opRun{OpEqual, 1})
					out = appendRun(out, opRun{OpDelete, sa - 1})
					out = appendRun(out, opRun{OpInsert, sb - 1})
				}
				ta, tb = ta+sa, tb+sb
			}
			ua, ub = ua+r.n, ub+r.n
		}
	}
	return out
}

// sum adds up xs.
func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// coarseScript keeps the common prefix and suffix and replaces the middle.
func coarseScript(a, b []string) []opRun {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return []opRun{{OpEqual, p}, {OpDelete, len(a) - p - s}, {OpInsert, len(b) - p - s}, {OpEqual, s}}
}

// buildTextDiff turns a normalised edit script into Changes with offsets,
// substance flags and word counts.
func buildTextDiff(runs []opRun, a, b []string) TextDiff {
	var td TextDiff
	i, j, oldOff, newOff := 0, 0, 0, 0
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		if r.n == 0 {
			continue
		}
		if r.op == OpEqual {
			text := strings.Join(a[i:i+r.n], "")
			td.Changes = append(td.Changes, Change{Op: OpEqual, Text: text, OldOffset: oldOff, NewOffset: newOff})
			i, j, oldOff, newOff = i+r.n, j+r.n, oldOff+len(text), newOff+len(text)
			continue
		}
		h := hunkAt(runs, k, a, b, i, j)
		td.addHunk(h, oldOff, newOff)
		i, j = i+len(h.del), j+len(h.ins)
		oldOff, newOff = oldOff+len(h.delText), newOff+len(h.insText)
		k = h.last
	}
	return td
}

// hunk is one edit: the tokens a maximal run of non-equal steps deletes and
// inserts, with the unchanged tokens on either side for context.
type hunk struct {
	del, ins         []string
	delText, insText string
	before, after    string
	last             int // index of the hunk's last run
}

// hunkAt gathers the edit that starts at runs[k], at token positions i, j.
func hunkAt(runs []opRun, k int, a, b []string, i, j int) hunk {
	h := hunk{last: k}
	nd, ni := 0, 0
	for ; h.last < len(runs) && runs[h.last].op != OpEqual; h.last++ {
		if runs[h.last].op == OpDelete {
			nd += runs[h.last].n
		} else {
			ni += runs[h.last].n
		}
	}
	h.last--
	h.del, h.ins = a[i:i+nd], b[j:j+ni]
	h.delText, h.insText = strings.Join(h.del, ""), strings.Join(h.ins, "")
	if i > 0 {
		h.before = a[i-1]
	}
	if i+nd < len(a) {
		h.after = a[i+nd]
	}
	return h
}

// addHunk appends a hunk's delete and insert changes and counts its words.
func (td *TextDiff) addHunk(h hunk, oldOff, newOff int) {
	sub := isSubstantive(h)
	td.Substantive = td.Substantive || sub
	if h.delText != "" {
		td.Changes = append(td.Changes, Change{Op: OpDelete, Text: h.delText, OldOffset: oldOff, NewOffset: newOff, Substantive: sub})
		td.WordsDeleted += countWords(h.delText)
	}
	if h.insText != "" {
		td.Changes = append(td.Changes, Change{Op: OpInsert, Text: h.insText, OldOffset: oldOff + len(h.delText), NewOffset: newOff, Substantive: sub})
		td.WordsInserted += countWords(h.insText)
	}
}

// Apply replays the redline on old and returns the new text. It fails with
// an Invalid error if old is not the text the redline was computed from.
func (d TextDiff) Apply(old string) (string, error) {
	var b strings.Builder
	b.Grow(len(old))
	pos := 0
	for k, c := range d.Changes {
		switch c.Op {
		case OpEqual, OpDelete:
			if !strings.HasPrefix(old[pos:], c.Text) {
				return "", apperr.New(apperr.Invalid, "redline change %d does not match the text at byte %d", k, pos)
			}
			pos += len(c.Text)
			if c.Op == OpEqual {
				b.WriteString(c.Text)
			}
		case OpInsert:
			b.WriteString(c.Text)
		default:
			return "", apperr.New(apperr.Invalid, "redline change %d has unknown op %q", k, c.Op)
		}
	}
	if pos != len(old) {
		return "", apperr.New(apperr.Invalid, "redline covers %d of %d bytes of the text", pos, len(old))
	}
	return b.String(), nil
}

// HTML renders the redline with <del> and <ins> elements, text escaped.
// Non-substantive edits carry class="minor" so a stylesheet can mute them.
func (d TextDiff) HTML() string {
	var b strings.Builder
	for _, c := range d.Changes {
		text := html.EscapeString(c.Text)
		if c.Op == OpEqual {
			b.WriteString(text)
			continue
		}
		tag := "ins"
		if c.Op == OpDelete {
			tag = "del"
		}
		b.WriteString("<" + tag)
		if !c.Substantive {
			b.WriteString(` class="minor"`)
		}
		b.WriteString(">" + text + "</" + tag + ">")
	}
	return b.String()
}
