package server

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// docView is an assembled contract shaped for reading: parties, recitals,
// numbered articles and clauses with their cross-references numbered and
// linked, schedules and the signature block. It never carries the
// assembly's warnings, which are for the city only.
type docView struct {
	Lang      string
	Title     string
	Ref       string
	Province  string
	Parties   []partyView
	Recitals  []markupView
	Articles  []docArticle
	Schedules []docSchedule
}

type partyView struct {
	Role, Name, Address string
	Members             []templates.Member
	Signatories         []templates.Signatory
}

type docArticle struct {
	Number  int
	Title   string
	Clauses []docClause
}

type docClause struct {
	ID, Number, Title, Key, Position string
	Version                          int
	Body                             markupView
}

type docSchedule struct{ Label, Title string }

// contractDoc shapes c in lang.
func contractDoc(c *templates.Contract, lang clauses.Lang) docView {
	d := docView{Lang: string(lang), Title: c.Title.In(lang), Ref: c.ProcurementRef, Province: c.Province}
	for _, p := range c.Parties {
		d.Parties = append(d.Parties, partyView{Role: p.Role, Name: p.Name, Address: p.Address, Members: p.Members, Signatories: p.Signatories})
	}
	for _, r := range c.Recitals {
		d.Recitals = append(d.Recitals, contractMarkup(c, r.In(lang), lang))
	}
	for _, a := range c.Articles {
		art := docArticle{Number: a.Number, Title: a.Title.In(lang)}
		for _, in := range a.Clauses {
			art.Clauses = append(art.Clauses, docClause{ID: in.ID, Number: in.Number, Title: in.Title.In(lang), Key: in.ClauseKey,
				Position: in.Position, Version: in.Version, Body: contractMarkup(c, in.Text.In(lang), lang)})
		}
		d.Articles = append(d.Articles, art)
	}
	for _, s := range c.Schedules {
		d.Schedules = append(d.Schedules, docSchedule{Label: s.Label, Title: s.Title.In(lang)})
	}
	return d
}

// contractMarkup renders contract text (variables already substituted)
// with each {{ref:KEY}} read as the clause's number in c and linked to it.
// Text that does not parse (it always should) is shown as one paragraph.
func contractMarkup(c *templates.Contract, text string, lang clauses.Lang) markupView {
	doc, err := clauses.Parse(text)
	if err != nil {
		return markupView{Blocks: []mdBlock{{Para: []mdInline{{Kind: "text", Text: text}}}}}
	}
	return viewMarkupRefs(doc, nil, func(key string) (string, string, bool) {
		if label, ok := c.RefLabel(key, lang); ok {
			return label, "#c-" + strings.ToLower(key), true
		}
		return c.RefText(key, lang), "", true // a clause the contract lacks: the neutral phrase, unlinked
	})
}

// readableText is contract markup as a reader sees it, for redlines:
// defined terms without their asterisks, cross-references as "section
// 7.2" (or templates.RefText's neutral phrase when the contract lacks the
// clause), items with their
// labels. Text that does not parse is returned as it is.
func readableText(c *templates.Contract, text string, lang clauses.Lang) string {
	doc, err := clauses.Parse(text)
	if err != nil {
		return text
	}
	resolved, _ := doc.Resolve(func(string) (string, bool) { return "", false }, func(key string) (string, bool) {
		return c.RefText(key, lang), true
	})
	return resolved.PlainText()
}

// readableRedline is the word redline between two contract texts as a
// reader sees them (see readableText).
func readableRedline(c *templates.Contract, before, after string, lang clauses.Lang) template.HTML {
	d := negotiation.DiffText(readableText(c, before, lang), readableText(c, after, lang))
	return template.HTML(foldRedline(d.HTML())) // #nosec: negotiation escapes the text and adds only <ins>/<del>
}

// foldMark stands for unchanged paragraphs left out of a redline.
const foldMark = "[…]"

// foldRedline keeps the paragraphs of a redline's HTML that change and
// replaces each run of unchanged ones with foldMark. It cuts only at blank
// lines outside <ins> and <del>, so the markup stays balanced.
func foldRedline(html string) string {
	var blocks []string
	depth, start := 0, 0
	for i := 0; i < len(html); i++ {
		switch {
		case strings.HasPrefix(html[i:], "<ins") || strings.HasPrefix(html[i:], "<del"):
			depth++
		case strings.HasPrefix(html[i:], "</ins>") || strings.HasPrefix(html[i:], "</del>"):
			depth--
		case depth == 0 && strings.HasPrefix(html[i:], "\n\n"):
			blocks = append(blocks, html[start:i])
			start = i + 2
		}
	}
	blocks = append(blocks, html[start:])
	var out []string
	for _, b := range blocks {
		changed := strings.Contains(b, "<ins") || strings.Contains(b, "<del")
		switch {
		case changed:
			out = append(out, b)
		case len(out) == 0 || out[len(out)-1] != foldMark:
			out = append(out, foldMark)
		}
	}
	return strings.Join(out, "\n\n")
}

// contractDocBody is the readable-contract page's content.
type contractDocBody struct {
	ID, Phase string
	Revision  int64
	Languages []clauses.Lang
	Doc       docView
}

// getContractPreview is GET /api/v1/contracts/:id/preview: the contract as
// agreed so far (final once finalised), as a readable HTML page with its
// numbering and cross-references resolved.
func (s *Server) getContractPreview(c echo.Context) error {
	_, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	lang, err := contractLang(c, st)
	if err != nil {
		return err
	}
	agreed := st.AgreedContract()
	body := contractDocBody{ID: st.Contract.ID, Phase: string(st.Phase()), Revision: st.Revision, Languages: st.Contract.Languages, Doc: contractDoc(&agreed, lang)}
	d := s.page(c, "doc.title", "contracts", body)
	d.Title = body.Doc.Title
	return c.Render(http.StatusOK, "contractdoc", d)
}
