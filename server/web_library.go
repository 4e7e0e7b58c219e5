package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
)

// libraryBody is the library list page's content.
type libraryBody struct {
	Q, Category, Status, TextLang string
	ShownLang                     string // the language titles and guidance are shown in
	Categories                    []clauses.Category
	Statuses                      []clauses.Status
	Items                         []libraryItem
	Total                         int
	NextURL                       string
}

// libraryItem is one row of the list.
type libraryItem struct {
	Key, Title, Guidance, Effective, Positions string
	Category                                   clauses.Category
	Status                                     clauses.Status
	Approved, Latest                           int
}

func (s *Server) getLibraryPage(c echo.Context) error {
	if _, err := s.allow(c, authz.ReadLibrary); err != nil {
		return err
	}
	q, err := clauseQuery(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Library.List(c.Request().Context(), q)
	if err != nil {
		return err
	}
	body := libraryBody{Q: q.Text, Category: string(q.Category), Status: string(q.Status), TextLang: string(q.Lang),
		Categories: clauses.Categories, Statuses: []clauses.Status{clauses.StatusDraft, clauses.StatusApproved, clauses.StatusSuperseded, clauses.StatusRetired},
		Total: page.Total, ShownLang: textLang(c, string(q.Lang))}
	for _, it := range page.Items {
		lang := clauses.Lang(body.ShownLang)
		body.Items = append(body.Items, libraryItem{Key: it.Key, Title: it.Title.In(lang), Guidance: it.Guidance.In(lang),
			Effective: it.Effective, Positions: strings.Join(it.Positions, " · "), Category: it.Category, Status: it.Status,
			Approved: it.ApprovedVesion, Latest: it.LatestVersion})
	}
	if page.Next != "" {
		v := c.QueryParams()
		v.Set("cursor", page.Next)
		body.NextURL = "/library?" + v.Encode()
	}
	return c.Render(http.StatusOK, "library", s.page(c, "library.title", "library", body))
}

// textLang is the language legal text is shown in: the one asked for, or
// the interface language.
func textLang(c echo.Context, asked string) string {
	if validLang(asked) {
		return asked
	}
	return uiLang(c)
}

// localURL builds a path with a query string.
func localURL(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}
