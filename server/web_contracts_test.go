package server_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
)

func TestWebAssembleShowsErrorsNextToInputs(t *testing.T) {
	e := mustContractWebEnv(t)
	b := e.browser()
	csrf := b.mustSignIn(identity.RoleLegal)
	page := b.get("/contracts/new?template=TPL-PILOT")
	for _, want := range []string{`name="variables.contract_value_cad"`, `name="positions.SCL-LOL-01"`, `name="parties[1].signatories[0].authority_ref"`,
		`name="variables.processes_personal_info" value="true"`, `<select id="f-variables-risk_level"`, `type="date"`, `Limitation of Liability`} {
		if !strings.Contains(string(page.Body), want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	form := e.pilotForm(csrf, "preview")
	form.Set("variables.contract_value_cad", "lots")
	form.Set("positions.SCL-LOL-01", "Z")
	form.Set("parties[1].name", "")
	r := b.post("/contracts/new", form)
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.Status)
	}
	body := string(r.Body)
	for _, id := range []string{"f-variables-contract_value_cad", "f-positions-SCL-LOL-01", "f-parties-1--name"} {
		if !strings.Contains(body, `id="`+id+`-error"`) || !strings.Contains(body, `href="#`+id+`"`) {
			t.Errorf("no inline error and summary link for %s", id)
		}
	}
	if !strings.Contains(body, `value="Port-Royal"`) {
		t.Errorf("the form lost what the user typed")
	}
	if all, _ := e.contracts.List(context.Background()); len(all) != 0 {
		t.Errorf("an invalid form recorded %d contracts", len(all))
	}
}

func TestWebAssemblePreviewThenCreate(t *testing.T) {
	e := mustContractWebEnv(t)
	b := e.browser()
	csrf := b.mustSignIn(identity.RoleLegal)
	r := b.post("/contracts/new", e.pilotForm(csrf, "preview"))
	if r.Status != http.StatusOK || !strings.Contains(string(r.Body), `id="h-preview"`) {
		t.Fatalf("preview: status %d", r.Status)
	}
	if !strings.Contains(string(r.Body), `<a class="ref" href="#c-`) {
		t.Errorf("the preview does not number and link cross-references")
	}
	if all, _ := e.contracts.List(context.Background()); len(all) != 0 {
		t.Fatalf("the preview recorded %d contracts", len(all))
	}
	r = b.post("/contracts/new", e.pilotForm(csrf, "create"))
	loc := r.Header.Get("Location")
	if r.Status != http.StatusSeeOther || !strings.HasPrefix(loc, "/contracts/ctr_") {
		t.Fatalf("create: status %d to %q: %s", r.Status, loc, r.Body)
	}
	ws := b.get(loc)
	if ws.Status != http.StatusOK || !strings.Contains(string(ws.Body), "The contract is assembled") {
		t.Errorf("workspace after create: %d", ws.Status)
	}
}

// TestWebWorkspaceConfidentiality: the vendor's workspace and history
// never carry the internal comment, the playbook verdict or the sign-off
// note that the city's show.
func TestWebWorkspaceConfidentiality(t *testing.T) {
	e := mustContractWebEnv(t)
	ctx := context.Background()
	st := e.mustOpenPilot()
	id := st.Contract.ID
	am := negotiation.Amendment{ClauseID: "scl-lol-01", Kind: negotiation.AmendPosition, Position: "D"}
	st, _, err := e.contracts.Propose(ctx, id, e.actor(identity.RoleVendor), st.Revision, "Uninsurable otherwise.", []negotiation.Amendment{am})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err = e.contracts.Comment(ctx, id, e.actor(identity.RoleLegal), negotiation.Comment{ClauseID: "scl-lol-01", Text: "Our floor is position B, do not tell them.", Internal: true}); err != nil {
		t.Fatal(err)
	}
	secrets := []string{"do not tell them", "Playbook:", "verdict-", "walk-away position", "Walk-away pending"}
	page := "/contracts/" + id + "?clause=scl-lol-01"
	city := e.browser()
	city.mustSignIn(identity.RoleLegal)
	cityPage := string(city.get(page).Body) + string(city.get("/contracts/"+id+"/history").Body)
	for _, s := range secrets {
		if !strings.Contains(cityPage, s) {
			t.Errorf("the city's page lacks %q", s)
		}
	}
	vendor := e.browser()
	vendor.mustSignIn(identity.RoleVendor)
	r := vendor.get(page)
	vendorPage := string(r.Body) + string(vendor.get("/contracts/"+id+"/history").Body)
	if r.Status != http.StatusOK || !strings.Contains(vendorPage, "Uninsurable otherwise.") {
		t.Fatalf("vendor workspace: %d", r.Status)
	}
	for _, s := range secrets {
		if strings.Contains(vendorPage, s) {
			t.Errorf("the vendor's page shows %q", s)
		}
	}
	if r := vendor.get("/contracts/" + id + "/deviations"); r.Status != http.StatusForbidden {
		t.Errorf("vendor deviation report: %d, want 403", r.Status)
	}
}

func TestWebContractVisibility(t *testing.T) {
	e := mustContractWebEnv(t)
	ctx := context.Background()
	open := e.mustOpenPilot()
	draft, err := e.contracts.Assemble(ctx, testenv.PilotInput(), e.actor(identity.RoleLegal), e.vendor.ID)
	if err != nil {
		t.Fatal(err)
	}
	vendor := e.browser()
	vendor.mustSignIn(identity.RoleVendor)
	list := string(vendor.get("/contracts").Body)
	if !strings.Contains(list, open.Contract.ID) || strings.Contains(list, draft.Contract.ID) {
		t.Errorf("the vendor's list must show the open contract and not the draft")
	}
	if r := vendor.get("/contracts/" + draft.Contract.ID); r.Status != http.StatusNotFound {
		t.Errorf("vendor on a draft: %d, want 404", r.Status)
	}
	legal := e.browser()
	legal.mustSignIn(identity.RoleLegal)
	mine := string(legal.get("/contracts?mine=1").Body)
	if !strings.Contains(mine, draft.Contract.ID) || strings.Contains(mine, open.Contract.ID) {
		t.Errorf("legal's \"needs my action\" must list the draft (to open) and not the open contract with nothing pending")
	}
}

func TestWebStaleFormIs409WithReload(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	b := e.browser()
	csrf := b.mustSignIn(identity.RoleLegal)
	if _, _, err := e.contracts.Comment(context.Background(), st.Contract.ID, e.actor(identity.RoleVendor), negotiation.Comment{Text: "Hello."}); err != nil {
		t.Fatal(err)
	}
	r := b.post("/contracts/"+st.Contract.ID+"/finalize", url.Values{"csrf": {csrf}, "base": {"2"}, "lang": {string(clauses.EN)}})
	body := string(r.Body)
	if r.Status != http.StatusConflict || !strings.Contains(body, "Someone else changed this contract") || !strings.Contains(body, "Reload the contract") {
		t.Fatalf("stale finalize: %d: %s", r.Status, body)
	}
}

func TestAPIContractPreviewIsReadableHTML(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	b := e.browser()
	b.mustSignIn(identity.RoleVendor)
	r := b.get("/api/v1/contracts/" + st.Contract.ID + "/preview")
	body := string(r.Body)
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, %s", r.Status, r.Header.Get("Content-Type"))
	}
	for _, want := range []string{`id="c-scl-lol-01"`, `<span class="num">1.1</span>`, `class="ref" href="#c-`, "Curbside Labs Inc."} {
		if !strings.Contains(body, want) {
			t.Errorf("the readable contract lacks %s", want)
		}
	}
	if strings.Contains(body, "{{ref:") {
		t.Errorf("a cross-reference is left unresolved")
	}
}

func TestWebUpgradeImpact(t *testing.T) {
	e := mustContractWebEnv(t)
	ctx := context.Background()
	upgraded, kept := e.mustOpenPilot(), e.mustOpenPilot()
	entry, err := e.lib.Get(ctx, "SCL-LOL-01")
	if err != nil {
		t.Fatal(err)
	}
	v := entry.Latest().Version
	v.Effective, v.ChangeNote = "2026-09-01", clauses.Text{EN: "Clearer carve-outs.", FR: "Exclusions précisées."}
	v.Positions[0].Body.EN += "\n\nFor clarity, the cap applies per claim."
	d, err := e.lib.Draft(ctx, entry.Clause, v, e.users[identity.RoleLibraryEditor].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.lib.Approve(ctx, "SCL-LOL-01", d.N, e.users[identity.RoleApprover].ID); err != nil {
		t.Fatal(err)
	}
	b := e.browser()
	csrf := b.mustSignIn(identity.RoleLegal)
	page := string(b.get("/library/SCL-LOL-01/impact").Body)
	if !strings.Contains(page, "2 contracts affected") || !strings.Contains(page, "Upgrade to v2") {
		t.Fatalf("impact page lists %q", page)
	}
	tests := []struct {
		name     string
		contract string
		form     url.Values
		done     string
	}{
		{"upgrade", upgraded.Contract.ID, url.Values{"rationale": {"Latest approved."}}, "upgraded"},
		{"keep with a rationale", kept.Contract.ID, url.Values{"keep": {"true"}, "rationale": {"Negotiation nearly closed."}}, "kept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.form.Set("csrf", csrf)
			tt.form.Set("clause_id", "scl-lol-01")
			tt.form.Set("next", "/library/SCL-LOL-01/impact")
			r := b.post("/contracts/"+tt.contract+"/upgrade", tt.form)
			if loc := r.Header.Get("Location"); r.Status != http.StatusSeeOther || !strings.Contains(loc, "done="+tt.done) {
				t.Fatalf("status %d to %q: %s", r.Status, loc, r.Body)
			}
		})
	}
	st, err := e.contracts.Load(ctx, upgraded.Contract.ID)
	if err != nil || st.Clauses["scl-lol-01"].Version != 2 {
		t.Errorf("the upgraded contract pins v%d (%v), want v2", st.Clauses["scl-lol-01"].Version, err)
	}
	if page := string(b.get("/library/SCL-LOL-01/impact").Body); !strings.Contains(page, "1 contract affected") || !strings.Contains(page, "v2 declined by a recorded decision") {
		t.Errorf("after upgrading one and keeping the other, the impact page should list the kept one only: %s", page)
	}
}

// TestWebContractPagesInBothLanguages renders every contract page in
// English and French and fails on a message key shown in brackets (a key
// missing from the catalogue) or a page that is not 200.
func TestWebContractPagesInBothLanguages(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	id := st.Contract.ID
	missing := regexp.MustCompile(`\[[a-z]+\.[a-z_.]+\]`)
	pages := []string{"/templates", "/contracts", "/contracts/new", "/contracts/new?template=TPL-RFP", "/contracts/" + id, "/contracts/" + id + "/history",
		"/contracts/" + id + "/deviations", "/library/SCL-LOL-01/impact", "/api/v1/contracts/" + id + "/preview"}
	for _, lang := range []string{"en", "fr"} {
		b := e.browser()
		csrf := b.mustSignIn(identity.RoleLegal)
		b.post("/lang", url.Values{"csrf": {csrf}, "lang": {lang}, "next": {"/contracts"}})
		for _, p := range pages {
			t.Run(lang+" "+p, func(t *testing.T) {
				r := b.get(p)
				if r.Status != http.StatusOK {
					t.Fatalf("status %d", r.Status)
				}
				if m := missing.FindString(string(r.Body)); m != "" {
					t.Errorf("missing message %s", m)
				}
				if !strings.Contains(string(r.Body), `<html lang="`+lang+`">`) {
					t.Errorf("not rendered in %s", lang)
				}
			})
		}
	}
}

func TestWebWalkAwaySignOffAndConflictView(t *testing.T) {
	e := mustContractWebEnv(t)
	ctx := context.Background()
	st := e.mustOpenPilot()
	id, vendorA, legalA := st.Contract.ID, e.actor(identity.RoleVendor), e.actor(identity.RoleLegal)
	base := st.Revision
	walk := negotiation.Amendment{ClauseID: "scl-lol-01", Kind: negotiation.AmendPosition, Position: "D"}
	st, r, err := e.contracts.Propose(ctx, id, vendorA, base, "Insurable only this way.", []negotiation.Amendment{walk})
	if err != nil {
		t.Fatal(err)
	}
	if st, err = e.contracts.Decide(ctx, id, legalA, st.Revision, negotiation.Decision{AmendmentID: r.ID + ".1", Action: negotiation.Accept, Reason: "Pilot only."}); err != nil {
		t.Fatal(err)
	}
	text := st.Clauses["scl-pilot-01"].Text.EN
	first := negotiation.Amendment{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: strings.Replace(text, "Pilot", "Trial", 1)}
	if st, _, err = e.contracts.Propose(ctx, id, legalA, st.Revision, "Plainer word.", []negotiation.Amendment{first}); err != nil {
		t.Fatal(err)
	}
	clash := negotiation.Amendment{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: strings.Replace(text, "Pilot", "Demonstration", 1)}
	if _, _, err = e.contracts.Propose(ctx, id, vendorA, base, "Our word.", []negotiation.Amendment{clash}); err != nil {
		t.Fatal(err)
	}
	approver := e.browser()
	csrf := approver.mustSignIn(identity.RoleApprover)
	page := string(approver.get("/contracts/" + id + "?clause=scl-lol-01").Body)
	if !strings.Contains(page, "Walk-away pending") || !strings.Contains(page, `action="/contracts/`+id+`/signoffs"`) {
		t.Fatalf("the approver sees no walk-away to sign off")
	}
	res := approver.post("/contracts/"+id+"/signoffs", url.Values{"csrf": {csrf}, "amendment_id": {r.ID + ".1"}, "clause_id": {"scl-lol-01"}, "note": {"Approved for the pilot only."}})
	if loc := res.Header.Get("Location"); res.Status != http.StatusSeeOther || !strings.Contains(loc, "done=signedoff") {
		t.Fatalf("sign-off: %d %q: %s", res.Status, loc, res.Body)
	}
	legal := e.browser()
	legal.mustSignIn(identity.RoleLegal)
	page = string(legal.get("/contracts/" + id + "?clause=scl-pilot-01").Body)
	for _, want := range []string{"Conflicting edits", "Base (the text the author started from)", "The text as it stood", "The proposed text", `<details class="counter" open>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the conflict view lacks %q", want)
		}
	}
}
