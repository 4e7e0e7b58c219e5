package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/negotiation"
)

// LoadClauses reads a contract_vN.json file and flattens each clause to a
// ClauseText: blocks joined by newlines, a definition as "Term text", a
// list as its introduction followed by one "(a) text" line per item.
func LoadClauses(path string) ([]negotiation.ClauseText, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c contract
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	var out []negotiation.ClauseText
	for _, a := range c.Articles {
		for _, cl := range a.Clauses {
			lines := make([]string, 0, len(cl.Blocks))
			for _, b := range cl.Blocks {
				lines = append(lines, b.lines()...)
			}
			out = append(out, negotiation.ClauseText{
				ID: cl.ID, Number: cl.Num, Title: cl.Title,
				Text: strings.Join(lines, "\n"), Article: strconv.Itoa(a.Num),
			})
		}
	}
	return out, nil
}

// lines renders one block as lines of text.
func (b block) lines() []string {
	switch b.Type {
	case "def":
		return []string{b.Term + " " + b.Text}
	case "list":
		return append([]string{b.Intro}, itemLines(b.Items)...)
	default:
		return []string{b.Text}
	}
}

// itemLines renders list items and their sub-items, one per line.
func itemLines(items []item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label+" "+it.Text)
		out = append(out, itemLines(it.Sub)...)
	}
	return out
}
