package server_test

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// fixture holds the objects the authorization table's paths name.
type fixture struct {
	contract string // open to "vendor" (Curbside Labs), with a pending vendor redline
	draft    string // assembled, not yet open to the vendor
	redline  string
	revision int64
	token    string // hash of a second token of the legal user
}

func (e *env) actor(caller string) negotiation.Actor {
	e.t.Helper()
	p, err := e.dir.Authenticate(context.Background(), e.tokens[caller])
	if err != nil {
		e.t.Fatal(err)
	}
	side := negotiation.Vendor
	if p.IsCity() {
		side = negotiation.City
	}
	return negotiation.Actor{UserID: p.User.ID, Name: p.User.Name, OrgID: p.Org.ID, Org: p.Org.Name, Side: side, Role: string(p.User.Role)}
}

func (e *env) pilotInput() map[string]any {
	in := testenv.PilotInput()
	return map[string]any{"template": in.Template, "province": in.Province, "languages": in.Languages, "procurement_ref": in.ProcurementRef,
		"parties": in.Parties, "variables": in.Variables, "positions": in.Positions, "vendor_org_id": e.vendor.ID}
}

func mustFixture(e *env) fixture {
	e.t.Helper()
	ctx := context.Background()
	legal := e.actor("legal")
	draft, err := e.contracts.Assemble(ctx, testenv.PilotInput(), legal, e.vendor.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	st, err := e.contracts.Assemble(ctx, testenv.PilotInput(), legal, e.vendor.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if st, err = e.contracts.Open(ctx, st.Contract.ID, legal); err != nil {
		e.t.Fatal(err)
	}
	am := negotiation.Amendment{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses["scl-pilot-01"].Text.EN + "\n\nThe Vendor may extend the Pilot by one month on notice."}
	st, r, err := e.contracts.Propose(ctx, st.Contract.ID, e.actor("vendor"), st.Revision, "Weather delays.", []negotiation.Amendment{am})
	if err != nil {
		e.t.Fatal(err)
	}
	p, _ := e.dir.Authenticate(ctx, e.tokens["legal"])
	_, tok, err := e.dir.CreateToken(ctx, p.User.ID, "second", "")
	if err != nil {
		e.t.Fatal(err)
	}
	return fixture{contract: st.Contract.ID, draft: draft.Contract.ID, redline: r.ID, revision: st.Revision, token: tok.Hash}
}

// expect parses "default legal:201 vendor:404" into a caller → status map:
// the first number applies to every authenticated caller not named, and
// anonymous callers get 401 unless named.
func expect(spec string) map[string]int {
	parts := strings.Fields(spec)
	def, _ := strconv.Atoi(parts[0])
	want := map[string]int{}
	for _, c := range callers {
		want[c] = def
	}
	want["anonymous"] = 401
	for _, p := range parts[1:] {
		name, code, _ := strings.Cut(p, ":")
		n, _ := strconv.Atoi(code)
		for _, c := range expandCaller(name) {
			want[c] = n
		}
	}
	return want
}

// expandCaller lets the table name groups: "city" is every city role.
func expandCaller(name string) []string {
	if name == "city" {
		return []string{"admin", "library_editor", "legal", "approver", "viewer"}
	}
	return []string{name}
}

type authCase struct {
	method, path string
	body         func(e *env, f fixture) any
	want         string
}

func nobody(*env, fixture) any { return nil }

// authTable lists every route with the status each caller gets. Paths use
// {contract}, {draft}, {redline}, {key}, {token} placeholders.
func authTable() []authCase {
	clauseBody := func(e *env, f fixture) any {
		v := mustStarterVersion(e, "SCL-FM-01")
		return map[string]any{"key": "SCL-TEST-01", "category": "general", "title": v.Title, "version": versionBody(v)}
	}
	newVersion := func(e *env, f fixture) any {
		v := versionBody(mustStarterVersion(e, "SCL-FM-01"))
		v["change_note"] = clauses.Text{EN: "Clarified notice.", FR: "Avis précisé."}
		return v
	}
	newTemplateVersion := func(e *env, f fixture) any {
		t := mustBuiltinTemplate(e.t, "TPL-PILOT")
		t.Version = 0 // the next one
		t.Title.EN += " (short form)"
		return t
	}
	return append(webAuthCases(), []authCase{
		{"GET", "/healthz", nobody, "200 anonymous:200"},
		{"GET", "/readyz", nobody, "200 anonymous:200"},
		{"GET", "/openapi.json", nobody, "200 anonymous:200"},
		{"GET", "/metrics", nobody, "200 anonymous:200"},
		{"GET", "/api/v1/me", nobody, "200"},
		{"GET", "/api/v1/orgs", nobody, "200"},
		{"POST", "/api/v1/orgs", func(*env, fixture) any { return map[string]any{"name": "Lumière Analytique", "kind": "vendor"} }, "403 admin:201"},
		{"GET", "/api/v1/users", nobody, "403 admin:200"},
		{"POST", "/api/v1/users", func(e *env, f fixture) any {
			return map[string]any{"org_id": e.city.ID, "username": "priya", "name": "Priya Nair", "role": "viewer"}
		}, "403 admin:201"},
		{"GET", "/api/v1/tokens", nobody, "200"},
		{"POST", "/api/v1/tokens", func(*env, fixture) any { return map[string]any{"name": "laptop"} }, "201"},
		{"DELETE", "/api/v1/tokens/{token}", nobody, "404 admin:204 legal:204"},

		{"GET", "/api/v1/clauses", nobody, "200"},
		{"POST", "/api/v1/clauses", clauseBody, "403 library_editor:201"},
		{"GET", "/api/v1/clauses/{key}", nobody, "200"},
		{"GET", "/api/v1/clauses/{key}/diff?from=1&to=1", nobody, "200"},
		{"POST", "/api/v1/clauses/{key}/versions", newVersion, "403 library_editor:201"},
		{"GET", "/api/v1/clauses/{key}/versions/1", nobody, "200"},
		{"PUT", "/api/v1/clauses/{key}/versions/1", newVersion, "403 library_editor:409"},
		{"POST", "/api/v1/clauses/{key}/versions/1/approve", nobody, "403 approver:409"},
		{"POST", "/api/v1/clauses/{key}/versions/1/retire", func(*env, fixture) any { return map[string]any{"reason": "withdrawn"} }, "403 approver:200"},
		{"GET", "/api/v1/clauses/{key}/impact", nobody, "200 vendor:403 rival_vendor:403"},

		{"GET", "/api/v1/contracts", nobody, "200"},
		{"POST", "/api/v1/contracts", func(e *env, f fixture) any { return e.pilotInput() }, "403 legal:201"},
		{"POST", "/api/v1/rounds", func(e *env, f fixture) any {
			in := e.pilotInput()
			delete(in, "vendor_org_id")
			in["vendors"] = []map[string]any{{"org_id": e.vendor.ID, "party": map[string]any{"name": "Curbside Labs Inc.", "address": "Port-Royal", "signatories": []map[string]any{{"name": "Jordan Okafor", "title": "CEO"}}}}}
			return in
		}, "403 legal:201"},
		{"GET", "/api/v1/rounds/{ref}", nobody, "200 vendor:403 rival_vendor:403"},
		{"GET", "/api/v1/contracts/{contract}", nobody, "200 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{draft}", nobody, "200 vendor:404 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/preview", nobody, "200 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{draft}/open", nobody, "403 legal:200 vendor:404 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/events", nobody, "200 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/redlines", nobody, "200 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/redlines", func(e *env, f fixture) any {
			e.calls++ // each caller proposes different wording
			return map[string]any{"base": f.revision, "rationale": "clarity", "amendments": []map[string]any{
				{"clause_id": "scl-pilot-02", "kind": "text", "lang": "en", "text": fmt.Sprintf("The City grants the Vendor access to the Sites for %d days.", e.calls)}}}
		}, "403 legal:201 vendor:201 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/redlines/{redline}/decisions", func(e *env, f fixture) any {
			return map[string]any{"base": f.revision, "action": "accept", "reason": "fine"}
		}, "403 legal:200 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/comments", nobody, "200 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/comments", func(*env, fixture) any { return map[string]any{"text": "See the site plan."} }, "403 legal:201 approver:201 vendor:201 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/signoffs", func(e *env, f fixture) any { return map[string]any{"amendment_id": f.redline + ".1", "note": "ok"} }, "403 approver:409 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/finalize", func(e *env, f fixture) any { return map[string]any{"base": f.revision} }, "403 legal:409 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/diff", nobody, "200 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/deviations", nobody, "200 vendor:403 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/audit/verify", nobody, "200 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/upgrade", func(*env, fixture) any {
			return map[string]any{"clause_ids": []string{"scl-pilot-01"}, "rationale": "statute"}
		}, "403 legal:409 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/docx?lang=en&with=proposals", nobody, "200 rival_vendor:404"},
		{"POST", "/api/v1/contracts/{contract}/docx", func(*env, fixture) any {
			return upload{field: "file", name: "redline.docx", data: []byte("not a zip")}
		}, "403 legal:400 vendor:400 rival_vendor:404"},
		{"GET", "/api/v1/audit/verify", nobody, "403 admin:200"},
		{"GET", "/api/v1/library/export", nobody, "200"},
		{"POST", "/api/v1/library/import", func(*env, fixture) any { return map[string]any{"files": map[string]string{}} }, "403 admin:200"},

		{"GET", "/api/v1/templates", nobody, "200"},
		{"GET", "/api/v1/templates/{tpl}", nobody, "200"},
		{"POST", "/api/v1/templates/{tpl}/versions", newTemplateVersion, "403 library_editor:201"},
		{"GET", "/api/v1/templates/{tpl}/versions/1", nobody, "200"},
		{"PUT", "/api/v1/templates/{tpl}/versions/1", newTemplateVersion, "403 library_editor:409"},
		{"POST", "/api/v1/templates/{tpl}/versions/1/approve", nobody, "403 approver:409"},
		{"POST", "/api/v1/templates/{tpl}/versions/1/retire", func(*env, fixture) any { return map[string]any{"reason": "withdrawn"} }, "403 approver:200"},

		{"GET", "/api/v1/contracts/{contract}/pdf", nobody, "409 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/pdf?draft=1&lang=en", nobody, "200 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{draft}/pdf?draft=1", nobody, "200 vendor:404 rival_vendor:404"},
		{"GET", "/api/v1/contracts/{contract}/redline.pdf?from=1&to=3", nobody, "200 rival_vendor:404"},
	}...)
}

func (c authCase) resolve(f fixture) string {
	return strings.NewReplacer("{contract}", f.contract, "{draft}", f.draft, "{redline}", f.redline, "{key}", "SCL-FM-01", "{tpl}", "TPL-PILOT", "{token}", f.token, "{ref}", "PR-2026-014").Replace(c.path)
}

// template turns a table path back into echo's route syntax.
func (c authCase) template() string {
	p, _, _ := strings.Cut(c.path, "?")
	r := strings.NewReplacer("{contract}", ":id", "{draft}", ":id", "{redline}", ":rid", "{key}", ":key", "{tpl}", ":key", "{token}", ":hash", "{ref}", ":ref", "/1/", "/:n/")
	return strings.TrimSuffix(r.Replace(p+"/"), "/")
}

// TestAuthorizationTable runs every route as every caller against the real
// server and store, and fails when a route is missing from the table.
func TestAuthorizationTable(t *testing.T) {
	table := authTable()
	covered := map[string]bool{}
	for _, c := range table {
		covered[c.method+" "+c.template()] = true
	}
	probe := mustEnv(t)
	var missing []string
	for _, r := range probe.app.Routes() {
		if !covered[r.Method+" "+r.Path] {
			missing = append(missing, r.Method+" "+r.Path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("routes missing from the authorization table:\n%s", strings.Join(missing, "\n"))
	}
	for _, c := range table {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			t.Parallel()
			want := expect(c.want)
			e := mustEnv(t)
			f := mustFixture(e)
			// Callers expected to succeed go last, so their change does not
			// alter what the others see.
			order := append([]string(nil), callers...)
			sort.SliceStable(order, func(i, j int) bool { return want[order[i]] >= 300 && want[order[j]] < 300 })
			for _, caller := range order {
				r := e.do(caller, c.method, c.resolve(f), c.body(e, f))
				if r.Status != want[caller] {
					t.Errorf("%s: status %d, want %d: %s", caller, r.Status, want[caller], truncate(r.Body))
				}
			}
		})
	}
}

func truncate(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}

func mustStarterVersion(e *env, key string) clauses.Version {
	e.t.Helper()
	r := e.do("legal", "GET", "/api/v1/clauses/"+key+"/versions/1", nil)
	if r.Status != http.StatusOK {
		e.t.Fatalf("%s: %d", key, r.Status)
	}
	var out struct{ Version clauses.Version }
	mustDecode(e.t, r.Body, &out)
	return out.Version
}

func versionBody(v clauses.Version) map[string]any {
	return map[string]any{"effective": "2026-09-01", "title": v.Title, "guidance": v.Guidance, "remarks": v.Remarks,
		"provenance": v.Provenance, "route_defaults": v.RouteDefaults, "variables": v.Variables, "positions": v.Positions}
}

func mustBuiltinTemplate(t testing.TB, key string) *templates.Template {
	t.Helper()
	tpl, err := templates.BuiltinTemplate(key, 1)
	if err != nil {
		t.Fatal(err)
	}
	return tpl
}
