package server

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
)

// markupView is clause markup shaped for the "markup" template: paragraphs
// and (a)/(i) items as nested lists. The template escapes every string, so
// no user text is ever trusted as HTML.
type markupView struct {
	Blocks []mdBlock
}

// mdBlock is a paragraph (Para) or a run of level-1 items (List).
type mdBlock struct {
	Para []mdInline
	List []mdItem
}

// mdItem is an (a) item with its (i) sub-items.
type mdItem struct {
	Label   string
	Inlines []mdInline
	Sub     []mdItem
}

// mdInline is a text run, a defined term, a variable placeholder (shown by
// its label) or a cross-reference (a link to the clause).
type mdInline struct {
	Kind  string // "text", "term", "var", "ref"
	Text  string
	Name  string
	Label string
}

// viewMarkup shapes a parsed document; labels maps variable names to the
// labels shown in their placeholders.
func viewMarkup(doc *clauses.Doc, labels map[string]string) markupView {
	var v markupView
	for _, b := range doc.Blocks {
		ins := viewInlines(b.Inlines, labels)
		switch {
		case b.Kind == clauses.BlockPara:
			v.Blocks = append(v.Blocks, mdBlock{Para: ins})
		case b.Level == 1 || len(v.Blocks) == 0 || v.Blocks[len(v.Blocks)-1].List == nil:
			if len(v.Blocks) == 0 || v.Blocks[len(v.Blocks)-1].List == nil {
				v.Blocks = append(v.Blocks, mdBlock{})
			}
			last := &v.Blocks[len(v.Blocks)-1]
			last.List = append(last.List, mdItem{Label: b.Label, Inlines: ins})
		default:
			list := v.Blocks[len(v.Blocks)-1].List
			parent := &list[len(list)-1]
			parent.Sub = append(parent.Sub, mdItem{Label: b.Label, Inlines: ins})
		}
	}
	return v
}

func viewInlines(in []clauses.Inline, labels map[string]string) []mdInline {
	out := make([]mdInline, 0, len(in))
	for _, x := range in {
		switch x.Kind {
		case clauses.InlineText:
			out = append(out, mdInline{Kind: "text", Text: x.Text})
		case clauses.InlineTerm:
			out = append(out, mdInline{Kind: "term", Text: x.Text})
		case clauses.InlineVar:
			label := labels[x.Name]
			if label == "" {
				label = x.Name
			}
			out = append(out, mdInline{Kind: "var", Name: x.Name, Label: label})
		case clauses.InlineRef:
			out = append(out, mdInline{Kind: "ref", Name: x.Name})
		}
	}
	return out
}

// variableLabels maps each variable of v to its label in lang.
func variableLabels(v clauses.Version, lang clauses.Lang) map[string]string {
	m := make(map[string]string, len(v.Variables))
	for _, d := range v.Variables {
		m[d.Name] = d.Label.In(lang)
	}
	return m
}

// previewRequest is the draft form's live-preview call.
type previewRequest struct {
	Text string `json:"text"`
	Key  string `json:"key,omitempty"` // clause whose latest version's variable labels to show
	Lang string `json:"lang,omitempty"`
}

// previewResponse is either the rendered HTML or where the markup is wrong.
type previewResponse struct {
	HTML  string        `json:"html"`
	Error *previewError `json:"error,omitempty"`
}

// previewError locates a markup error, 1-based.
type previewError struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// previewClause parses clause markup and returns its HTML rendering, or the
// line and column of the first error (a 200 either way: the preview is
// about the text, not the request).
func (s *Server) previewClause(c echo.Context) error {
	if _, err := s.allow(c, authz.DraftLibrary); err != nil {
		return err
	}
	var req previewRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	doc, err := clauses.Parse(req.Text)
	var pe *clauses.ParseError
	if errors.As(err, &pe) {
		return respond(c, http.StatusOK, previewResponse{Error: &previewError{Line: pe.Line, Column: pe.Col, Message: pe.Msg}})
	}
	if err != nil {
		return err
	}
	labels := map[string]string{}
	if e, err := s.deps.Library.Get(c.Request().Context(), req.Key); err == nil {
		labels = variableLabels(e.Latest().Version, clauses.Lang(req.Lang))
	}
	var buf bytes.Buffer
	if err := c.Echo().Renderer.Render(&buf, "markup", viewMarkup(doc, labels), c); err != nil {
		return err
	}
	return respond(c, http.StatusOK, previewResponse{HTML: buf.String()})
}
