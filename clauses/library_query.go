package clauses

import (
	"context"
	"encoding/base64"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/records"
)

// Query filters and pages the library list.
type Query struct {
	Category Category
	Status   Status
	Lang     Lang   // restricts full-text search to one language
	Text     string // every word must appear in a title, the guidance or a position's text
	Limit    int    // 1–200, default 50
	Cursor   string // from the previous page's Next
}

// Summary is one row of the library list.
type Summary struct {
	Key            string   `json:"key"`
	Category       Category `json:"category"`
	Title          Text     `json:"title"`
	Status         Status   `json:"status"`
	LatestVersion  int      `json:"latest_version"`
	ApprovedVesion int      `json:"approved_version,omitempty"`
	Effective      string   `json:"effective,omitempty"`
	Guidance       Text     `json:"guidance"`
	Positions      []string `json:"positions"`
}

// Page is one page of summaries; Next is empty on the last page.
type Page struct {
	Items []Summary `json:"items"`
	Next  string    `json:"next,omitempty"`
	Total int       `json:"total"`
}

// All returns every clause, ordered by key.
func (l *Library) All(ctx context.Context) ([]Entry, error) {
	var out []Entry
	err := records.ScanStreams(ctx, l.Log, "clause/", func(recs []records.Record) error {
		e, err := fold(recs)
		out = append(out, e)
		return err
	})
	return out, err
}

// List returns the clauses matching q, a page at a time.
func (l *Library) List(ctx context.Context, q Query) (Page, error) {
	if q.Limit == 0 {
		q.Limit = 50
	}
	if q.Limit < 1 || q.Limit > 200 {
		return Page{}, apperr.Fields("invalid query", []apperr.FieldError{{Path: "limit", Message: "must be between 1 and 200"}})
	}
	after := ""
	if q.Cursor != "" {
		raw, err := base64.RawURLEncoding.DecodeString(q.Cursor)
		if err != nil || !ValidKey(string(raw)) {
			return Page{}, apperr.Fields("invalid query", []apperr.FieldError{{Path: "cursor", Message: "is not a cursor this server issued"}})
		}
		after = string(raw)
	}
	all, err := l.indexedEntries(ctx)
	if err != nil {
		return Page{}, err
	}
	words := searchWords(q.Text)
	var page Page
	for _, ie := range all {
		e := ie.Entry
		if !q.matches(ie, words) {
			continue
		}
		page.Total++
		if e.Clause.Key <= after || len(page.Items) == q.Limit {
			if len(page.Items) == q.Limit && page.Next == "" {
				page.Next = base64.RawURLEncoding.EncodeToString([]byte(page.Items[len(page.Items)-1].Key))
			}
			continue
		}
		page.Items = append(page.Items, summarize(e))
	}
	return page, nil
}

func (q Query) matches(e indexed, words []string) bool {
	if q.Category != "" && e.Clause.Category != q.Category {
		return false
	}
	if q.Status != "" && e.Status() != q.Status {
		return false
	}
	if len(words) == 0 {
		return true
	}
	hay := e.text[q.Lang]
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// searchable is the text full-text search looks at: the newest version's
// titles, guidance and position texts.
func searchable(e Entry, lang Lang) string {
	v := e.Latest()
	var b strings.Builder
	langs := Langs
	if lang != "" {
		langs = []Lang{lang}
	}
	b.WriteString(e.Clause.Key)
	for _, lg := range langs {
		for _, t := range []Text{v.Title, v.Guidance} {
			b.WriteString(" " + t.In(lg))
		}
		for _, p := range v.Positions {
			b.WriteString(" " + p.Label.In(lg) + " " + p.Body.In(lg))
		}
	}
	return b.String()
}

func summarize(e Entry) Summary {
	latest := e.Latest()
	s := Summary{Key: e.Clause.Key, Category: e.Clause.Category, Title: e.Clause.Title, Status: e.Status(),
		LatestVersion: latest.N, Guidance: latest.Guidance}
	shown := latest.Version
	if v, err := e.LatestApproved(); err == nil {
		s.ApprovedVesion, s.Effective, shown = v.N, v.Effective, v.Version
		s.Guidance = v.Guidance
	}
	for _, p := range shown.Positions {
		s.Positions = append(s.Positions, p.ID)
	}
	return s
}

// searchWords splits a query into folded words.
func searchWords(q string) []string {
	return strings.Fields(foldText(q))
}

// foldText lower-cases and strips the accents of French and English text,
// so that "donnees" finds "données".
func foldText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := unaccent[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var unaccent = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ô': "o", 'ö': "o", 'ó': "o", 'ù': "u", 'û': "u", 'ü': "u", 'ú': "u",
	'ÿ': "y", 'œ': "oe", 'æ': "ae", '’': "'", '\u00a0': " ", '\u202f': " ",
}
