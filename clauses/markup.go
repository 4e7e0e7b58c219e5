package clauses

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Doc is a parsed clause text: a sequence of paragraphs and sub-clause
// items (library/FORMAT.md, "Clause markup").
type Doc struct {
	Blocks []Block
}

// BlockKind says whether a block is a paragraph or a sub-clause item.
type BlockKind int

// The block kinds.
const (
	BlockPara BlockKind = iota // a paragraph; Level 0, no Label
	BlockItem                  // a sub-clause item; Level 1 is (a), Level 2 is (i)
)

// Block is one paragraph or item of a clause text.
type Block struct {
	Kind    BlockKind
	Level   int    // 0 for paragraphs, 1 for (a) items, 2 for (i) items
	Label   string // "(a)", "(ii)"; empty for paragraphs
	Inlines []Inline
}

// InlineKind says what an inline run is.
type InlineKind int

// The inline kinds.
const (
	InlineText InlineKind = iota // plain text in Text
	InlineVar                    // {{name}}: a variable, Name is its name
	InlineRef                    // {{ref:KEY}}: a cross-reference, Name is the clause key
	InlineTerm                   // **Term**: a defined term, Text is the term
)

// Inline is a run of text, a variable, a cross-reference or a defined term.
type Inline struct {
	Kind InlineKind
	Text string // the text of a text run or a term
	Name string // the variable name or the referenced clause key
}

// ParseError is a markup error at a 1-based line and column (in
// characters) of the parsed source.
type ParseError struct {
	Line, Col int
	Msg       string
}

// Error returns "line L, column C: message".
func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// srcLine is one line of markup with its 1-based number.
type srcLine struct {
	text string
	num  int
}

// listState tracks the labels of the open list while parsing.
type listState struct {
	items    int  // level-1 items in the current list; 0 when no list is open
	subitems int  // level-2 items under the current level-1 item
	open     bool // the previous block was an item
}

// Parse parses clause markup. The error, if any, is a *ParseError for the
// first problem found. An empty or blank source gives an empty Doc.
func Parse(src string) (*Doc, error) {
	lines, err := splitLines(src)
	if err != nil {
		return nil, err
	}
	doc := &Doc{}
	var st listState
	for _, block := range groupBlocks(lines) {
		b, err := parseBlock(block, &st)
		if err != nil {
			return nil, err
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	return doc, nil
}

// splitLines splits src into lines, dropping a CR before each LF, and
// rejects invalid UTF-8, control characters and section headings.
func splitLines(src string) ([]srcLine, error) {
	raw := strings.Split(src, "\n")
	lines := make([]srcLine, 0, len(raw))
	for i, l := range raw {
		l = strings.TrimSuffix(l, "\r")
		if err := checkLine(l, i+1); err != nil {
			return nil, err
		}
		lines = append(lines, srcLine{text: l, num: i + 1})
	}
	return lines, nil
}

func checkLine(l string, num int) error {
	if strings.HasPrefix(l, "# ") {
		return &ParseError{num, 1, `a line starting with "# " would start a new section; write "\#" for a literal "#"`}
	}
	col := 0
	for i, r := range l {
		col++
		if r == utf8.RuneError && !strings.HasPrefix(l[i:], "\uFFFD") {
			return &ParseError{num, col, "invalid UTF-8"}
		}
		if (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return &ParseError{num, col, fmt.Sprintf("control character U+%04X is not allowed", r)}
		}
	}
	return nil
}

func isBlank(l string) bool { return strings.Trim(l, " \t") == "" }

// groupBlocks splits lines into blocks of consecutive non-blank lines.
func groupBlocks(lines []srcLine) [][]srcLine {
	var blocks [][]srcLine
	var cur []srcLine
	for _, l := range lines {
		if isBlank(l.text) {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

// parseBlock parses one block: its label (if any), then its inline text.
func parseBlock(lines []srcLine, st *listState) (Block, error) {
	first := lines[0]
	b, rest, restCol, err := blockHead(first, st)
	if err != nil {
		return Block{}, err
	}
	j := newJoined()
	j.add(trimRightEscaped(strings.TrimLeft(rest, " \t")), first.num, restCol+leadingBlanks(rest))
	for _, l := range lines[1:] {
		lead := leadingBlanks(l.text)
		if label, ok := labelAt(l.text, lead); ok && (lead == 0 || lead == 4) {
			return Block{}, &ParseError{l.num, lead + 1, "item " + label + " must be preceded by a blank line" +
				` (to continue the text with "(", write "\(")`}
		}
		j.add(trimRightEscaped(l.text[lead:]), l.num, 1+lead)
	}
	inl, err := parseInlines(j)
	if err != nil {
		return Block{}, err
	}
	if len(inl) == 0 {
		return Block{}, &ParseError{first.num, 1, "item " + b.Label + " has no text"}
	}
	b.Inlines = inl
	return b, nil
}

// blockHead recognises the block's label and returns the block without
// inlines, the rest of the first line and the column where it starts.
func blockHead(l srcLine, st *listState) (Block, string, int, error) {
	text := l.text
	if text[0] == ' ' || text[0] == '\t' {
		label, ok := "", false
		if strings.HasPrefix(text, "    (") {
			label, ok = labelAt(text, 4)
		}
		if !ok {
			return Block{}, "", 0, &ParseError{l.num, 1, "only level-2 items are indented: four spaces, then (i), (ii), …"}
		}
		return subItem(l, label, st)
	}
	if label, ok := labelAt(text, 0); ok {
		return item(l, label, st)
	}
	st.items, st.subitems, st.open = 0, 0, false
	return Block{Kind: BlockPara}, text, 1, nil
}

func item(l srcLine, label string, st *listState) (Block, string, int, error) {
	want := "(" + alphaLabel(st.items+1) + ")"
	if label != want {
		msg := fmt.Sprintf("found item %s where %s was expected: items are labelled (a), (b), … in order", label, want)
		if st.items == 0 {
			msg += `; to start a paragraph with "(", write "\("`
		}
		if st.items > 0 && label == "("+romanLabel(st.subitems+1)+")" {
			msg += "; level-2 items are indented by four spaces"
		}
		return Block{}, "", 0, &ParseError{l.num, 1, msg}
	}
	st.items++
	st.subitems, st.open = 0, true
	n := len(label)
	return Block{Kind: BlockItem, Level: 1, Label: label}, l.text[n:], n + 1, nil
}

func subItem(l srcLine, label string, st *listState) (Block, string, int, error) {
	if !st.open {
		return Block{}, "", 0, &ParseError{l.num, 5, "level-2 item " + label + " must follow a level-1 item such as (a)"}
	}
	want := "(" + romanLabel(st.subitems+1) + ")"
	if label != want {
		msg := fmt.Sprintf("found item %s where %s was expected: level-2 items are labelled (i), (ii), … in order under each level-1 item", label, want)
		return Block{}, "", 0, &ParseError{l.num, 5, msg}
	}
	st.subitems++
	n := 4 + len(label)
	return Block{Kind: BlockItem, Level: 2, Label: label}, l.text[n:], n + 1, nil
}

// labelAt returns the label "(x)" starting at byte i of text when it is
// lower-case letters in parentheses followed by a space or the line's end.
func labelAt(text string, i int) (string, bool) {
	if i >= len(text) || text[i] != '(' {
		return "", false
	}
	j := i + 1
	for j < len(text) && text[j] >= 'a' && text[j] <= 'z' {
		j++
	}
	if j == i+1 || j >= len(text) || text[j] != ')' {
		return "", false
	}
	if j+1 < len(text) && text[j+1] != ' ' {
		return "", false
	}
	return text[i : j+1], true
}

func leadingBlanks(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// trimRightEscaped drops trailing spaces and tabs, keeping one when the
// text before it ends with an escaping backslash.
func trimRightEscaped(s string) string {
	t := strings.TrimRight(s, " \t")
	if t == s {
		return s
	}
	slashes := len(t) - len(strings.TrimRight(t, `\`))
	if slashes%2 == 1 {
		return s[:len(t)+1]
	}
	return t
}
