package server_test

import (
	"context"
	"net/http"
	"net/url"
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
