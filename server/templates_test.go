package server_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/templates"
)

// templateRow is one row of GET /api/v1/templates.
type templateRow struct {
	Key             string
	Route           string
	Status          string
	LatestVersion   int `json:"latest_version"`
	ApprovedVersion int `json:"approved_version"`
}

func (e *env) mustTemplateRow(key string) templateRow {
	e.t.Helper()
	r := e.do("vendor", "GET", "/api/v1/templates", nil)
	if r.Status != http.StatusOK {
		e.t.Fatalf("list: %d %s", r.Status, truncate(r.Body))
	}
	var list struct{ Items []templateRow }
	mustDecode(e.t, r.Body, &list)
	i := slices.IndexFunc(list.Items, func(row templateRow) bool { return row.Key == key })
	if len(list.Items) != 5 || i < 0 {
		e.t.Fatalf("list = %+v, want the five seeded templates", list.Items)
	}
	return list.Items[i]
}

func problemPaths(t *testing.T, r response) []string {
	t.Helper()
	var p struct{ Errors []apperr.FieldError }
	mustDecode(t, r.Body, &p)
	var out []string
	for _, f := range p.Errors {
		out = append(out, f.Path)
	}
	return out
}

// TestTemplateLibraryOverHTTP drafts, checks and approves a new version
// of TPL-PILOT over the API, and assembles a contract from it.
func TestTemplateLibraryOverHTTP(t *testing.T) {
	e := mustEnv(t)
	if row := e.mustTemplateRow("TPL-PILOT"); row.Status != "approved" || row.ApprovedVersion != 1 || row.Route != "pilot" {
		t.Fatalf("seeded row = %+v", row)
	}
	next := mustBuiltinTemplate(t, "TPL-PILOT")
	next.Version, next.Title.EN = 0, "Pilot agreement, 2026 edition"

	bad := *next
	bad.Route, bad.Title.FR = "rfp", ""
	r := e.do("library_editor", "POST", "/api/v1/templates/TPL-PILOT/versions", bad)
	if got, want := problemPaths(t, r), []string{"route", "title.fr"}; r.Status != http.StatusBadRequest || !slices.Equal(got, want) {
		t.Fatalf("invalid draft: %d %q, want 400 %q", r.Status, got, want)
	}
	other := *next
	other.Key = "TPL-RFP"
	if r := e.do("library_editor", "POST", "/api/v1/templates/TPL-PILOT/versions", other); r.Status != http.StatusBadRequest {
		t.Fatalf("key other than the path's: %d", r.Status)
	}

	r = e.do("library_editor", "POST", "/api/v1/templates/TPL-PILOT/versions", next)
	var v templates.VersionState
	mustDecode(t, r.Body, &v)
	if r.Status != http.StatusCreated || v.Version != 2 || v.Status != "draft" {
		t.Fatalf("draft: %d v%d %s", r.Status, v.Version, v.Status)
	}
	if row := e.mustTemplateRow("TPL-PILOT"); row.LatestVersion != 2 || row.ApprovedVersion != 1 {
		t.Fatalf("after the draft: %+v", row)
	}
	if r := e.do("approver", "POST", "/api/v1/templates/TPL-PILOT/versions/2/approve", nil); r.Status != http.StatusOK {
		t.Fatalf("approve: %d %s", r.Status, truncate(r.Body))
	}
	if r := e.do("library_editor", "PUT", "/api/v1/templates/TPL-PILOT/versions/2", next); r.Status != http.StatusConflict {
		t.Fatalf("revising an approved version: %d, want 409", r.Status)
	}

	in := e.pilotInput()
	in["template"] = map[string]any{"key": "TPL-PILOT"}
	r = e.do("legal", "POST", "/api/v1/contracts", in)
	var created struct {
		Contract struct{ Template templates.Ref }
	}
	mustDecode(t, r.Body, &created)
	if r.Status != http.StatusCreated || created.Contract.Template.Version != 2 {
		t.Fatalf("assembled from the latest approved: %d %+v", r.Status, created.Contract.Template)
	}
}

func TestTemplateVersionHistoryOverHTTP(t *testing.T) {
	e := mustEnv(t)
	tests := []struct {
		path string
		want int
	}{
		{"/api/v1/templates/TPL-RFP", http.StatusOK},
		{"/api/v1/templates/TPL-RFP/versions/1", http.StatusOK},
		{"/api/v1/templates/TPL-RFP/versions/2", http.StatusNotFound},
		{"/api/v1/templates/TPL-NONE", http.StatusNotFound},
		{"/api/v1/templates/tpl-rfp", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if r := e.do("viewer", "GET", tt.path, nil); r.Status != tt.want {
				t.Errorf("status %d, want %d: %s", r.Status, tt.want, truncate(r.Body))
			}
		})
	}
	r := e.do("viewer", "GET", "/api/v1/templates/TPL-RFP", nil)
	var h struct {
		Key      string
		Status   string
		Versions []templates.VersionState
	}
	mustDecode(t, r.Body, &h)
	if h.Key != "TPL-RFP" || h.Status != "approved" || len(h.Versions) != 1 || h.Versions[0].ApprovedBy != "library" || len(h.Versions[0].Articles) == 0 {
		t.Fatalf("history = %s %s %d versions", h.Key, h.Status, len(h.Versions))
	}
}
