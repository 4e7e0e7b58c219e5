// Package benchcorpus reads the benchmark corpus's contract JSON (articles →
// clauses with a stable id → blocks) into the clauses the redline engine
// compares. It exists for benchmarks and tests, not for the service.
package benchcorpus

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/negotiation"
)

type contract struct {
	Articles []struct {
		Num     int `json:"num"`
		Clauses []struct {
			ID     string  `json:"id"`
			Num    string  `json:"num"`
			Title  string  `json:"title"`
			Blocks []block `json:"blocks"`
		} `json:"clauses"`
	} `json:"articles"`
}

type block struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Term  string `json:"term"`
	Intro string `json:"intro"`
	Items []item `json:"items"`
}

type item struct {
	Label string `json:"label"`
	Text  string `json:"text"`
	Sub   []item `json:"sub"`
}

// Load reads a contract_vN.json file and flattens each clause to a
// ClauseText: blocks joined by newlines, a definition as "Term text", a
// list as its introduction followed by one "(a) text" line per item.
func Load(path string) ([]negotiation.ClauseText, error) {
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
