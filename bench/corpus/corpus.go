// Package corpus maps the benchmark contracts written by
// shared/bench/gen_contract.py (contract_v1.json) onto pdf.Document, for the
// PDF benchmarks, the quality tests and the renderpdf command.
package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/civicpact/civicpact/render/pdf"
)

// contract is the JSON shape gen_contract.py writes.
type contract struct {
	Title     string    `json:"title"`
	Preamble  []string  `json:"preamble"`
	Articles  []article `json:"articles"`
	Signature []string  `json:"signature"`
}

type article struct {
	Num     int      `json:"num"`
	Title   string   `json:"title"`
	Clauses []clause `json:"clauses"`
}

type clause struct {
	ID     string  `json:"id"`
	Num    string  `json:"num"`
	Title  string  `json:"title"`
	Blocks []block `json:"blocks"`
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

// Load reads a corpus JSON file and returns it as a Document. Metadata the
// corpus lacks (contract ID, route, date) is fixed, and the fingerprint is
// the SHA-256 of the file, so the mapping is deterministic.
func Load(path string) (pdf.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return pdf.Document{}, fmt.Errorf("corpus: %w", err)
	}
	var c contract
	if err := json.Unmarshal(data, &c); err != nil {
		return pdf.Document{}, fmt.Errorf("corpus: %s: %w", path, err)
	}
	sum := sha256.Sum256(data)
	doc := pdf.Document{
		Lang: "en", Title: c.Title, ContractID: "PR-2024-117-MTSA",
		ProcurementRef: "RFP-2024-117", Route: "Request for Proposals",
		TemplateRef: "MTSA template v1", LibraryRef: "Clause library (benchmark corpus)",
		Parties: []pdf.Party{
			{Name: "City of Port-Royal", Role: "City"},
			{Name: "Northwind Civic Systems Inc.", Role: "Contractor"},
		},
		Fingerprint: hex.EncodeToString(sum[:]),
		Date:        time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC),
		Author:      "City of Port-Royal",
	}
	for _, p := range c.Preamble {
		doc.Preamble = append(doc.Preamble, pdf.Text(p))
	}
	for _, a := range c.Articles {
		doc.Articles = append(doc.Articles, mapArticle(a))
	}
	doc.Witness, doc.Signatories = signatures(c.Signature)
	return doc, nil
}

func mapArticle(a article) pdf.Article {
	out := pdf.Article{Number: strconv.Itoa(a.Num), Title: a.Title}
	for _, c := range a.Clauses {
		pc := pdf.Clause{Number: c.Num, Title: c.Title, Ref: c.ID}
		for _, b := range c.Blocks {
			pc.Blocks = append(pc.Blocks, mapBlock(b)...)
		}
		out.Clauses = append(out.Clauses, pc)
	}
	return out
}

func mapBlock(b block) []pdf.Block {
	switch b.Type {
	case "def":
		return []pdf.Block{{Runs: []pdf.Run{
			{Text: "“" + b.Term + "”", Style: pdf.Term}, {Text: " " + b.Text}}}}
	case "list":
		out := []pdf.Block{{Runs: []pdf.Run{{Text: b.Intro}}}}
		for _, it := range b.Items {
			out = append(out, pdf.Block{Level: 1, Label: it.Label, Runs: []pdf.Run{{Text: it.Text}}})
			for _, s := range it.Sub {
				out = append(out, pdf.Block{Level: 2, Label: s.Label, Runs: []pdf.Run{{Text: s.Text}}})
			}
		}
		return out
	}
	return []pdf.Block{{Runs: []pdf.Run{{Text: b.Text}}}}
}

// signatures reads the testimonium and lines of the form
// "ORGANISATION — Per: ____ Name: NAME, TITLE".
func signatures(lines []string) (string, []pdf.Signatory) {
	if len(lines) == 0 {
		return "", nil
	}
	var out []pdf.Signatory
	for _, l := range lines[1:] {
		org, rest, _ := strings.Cut(l, " — ")
		_, person, _ := strings.Cut(rest, "Name: ")
		name, title, _ := strings.Cut(person, ", ")
		out = append(out, pdf.Signatory{Organisation: org, Name: name, Title: title})
	}
	return lines[0], out
}
