package server_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
)

// postMultipart submits a multipart form with one file, as a browser's
// upload form does.
func (b *browser) postMultipart(path string, fields url.Values, file upload) response {
	b.e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if w, err := mw.CreateFormFile(file.field, file.name); err == nil {
		w.Write(file.data)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, b.e.srv.URL+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	return b.do(req)
}

// TestWebAmendFormsOfferTheLibrary shows the position and values forms
// built from the pinned clause version: the city sees each position's
// playbook stance, the vendor does not.
func TestWebAmendFormsOfferTheLibrary(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	page := "/contracts/" + st.Contract.ID + "?clause=scl-lol-01"
	form := []string{`id="position-form"`, `name="kind" value="position"`, `id="position-B"`, `id="values-form"`, `name="var.cap_multiple"`,
		`name="var.cap_floor" value="1000000"`, `inputmode="decimal"`}
	vendor := e.browser()
	vendor.mustSignIn(identity.RoleVendor)
	mustContain(t, vendor.get(page), 200, form, []string{"stance-", "Walk-away", "Fallback"})
	legal := e.browser()
	legal.mustSignIn(identity.RoleLegal)
	mustContain(t, legal.get(page), 200, append(form, `class="badge stance-fallback"`), nil)
}

// TestWebProposeValues changes a value from the form: a value that is not
// a number is refused at its input with what was typed; "0.75" becomes a
// variables amendment that the city sees with its playbook verdict.
func TestWebProposeValues(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	vendor := e.browser()
	csrf := vendor.mustSignIn(identity.RoleVendor)
	path := "/contracts/" + st.Contract.ID + "/redlines"
	form := url.Values{"csrf": {csrf}, "kind": {"variables"}, "clause_id": {"scl-lol-01"}, "base": {itoa(st.Revision)}, "lang": {"en"},
		"var.cap_multiple": {"lots"}, "var.cap_floor": {"1,000,000"}, "rationale": {"A six-month pilot."}}
	r := vendor.post(path, form)
	mustContain(t, r, http.StatusUnprocessableEntity, []string{`id="f-var-cap_multiple-error"`, `value="lots"`, "Check the values marked below.", "A six-month pilot."}, nil)
	form.Set("var.cap_multiple", "0.75")
	if r = vendor.post(path, form); r.Status != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "done=proposed") {
		t.Fatalf("propose: status %d %s: %s", r.Status, r.Header.Get("Location"), r.Body)
	}
	after, err := e.contracts.Load(t.Context(), st.Contract.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := after.Amendments[after.Clauses["scl-lol-01"].Pending]
	if a == nil || a.Kind != negotiation.AmendVariables || len(a.NewVals) != 1 || a.NewVals["cap_multiple"].Canonical() != "0.75" || a.Verdict.Level != "fallback" {
		t.Fatalf("pending amendment %+v, want cap_multiple = 0.75 alone, fallback", a)
	}
	legal := e.browser()
	legal.mustSignIn(identity.RoleLegal)
	mustContain(t, legal.get("/contracts/"+st.Contract.ID+"?clause=scl-lol-01"), 200, []string{"Playbook:", "verdict-fallback", "New values: Cap multiple of fees = 0.75"}, nil)
	mustContain(t, vendor.get("/contracts/"+st.Contract.ID+"?clause=scl-lol-01"), 200, []string{"New values: Cap multiple of fees = 0.75"}, []string{"Playbook:", "verdict-"})
}

// TestWebProposePosition switches a clause's position from the form.
func TestWebProposePosition(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	vendor := e.browser()
	csrf := vendor.mustSignIn(identity.RoleVendor)
	current := st.Clauses["scl-lol-01"].Position
	other := "B"
	if current == "B" {
		other = "A"
	}
	form := url.Values{"csrf": {csrf}, "kind": {"position"}, "clause_id": {"scl-lol-01"}, "base": {itoa(st.Revision)}, "lang": {"en"}, "rationale": {"Simpler."}}
	r := vendor.post("/contracts/"+st.Contract.ID+"/redlines", form)
	mustContain(t, r, http.StatusUnprocessableEntity, []string{"must be another position"}, nil)
	form.Set("position", other)
	if r = vendor.post("/contracts/"+st.Contract.ID+"/redlines", form); r.Status != http.StatusSeeOther {
		t.Fatalf("propose: status %d: %s", r.Status, r.Body)
	}
	legal := e.browser()
	legal.mustSignIn(identity.RoleLegal)
	mustContain(t, legal.get("/contracts/"+st.Contract.ID+"?clause=scl-lol-01"), 200, []string{"Switch to position " + other, "Simpler."}, nil)
}

// TestWebWordUpload uploads a Word redline from the workspace form: the
// tracked clause becomes a proposed change, the untracked edit is shown
// with what was expected and found; a file that is not a .docx is refused
// at the form.
func TestWebWordUpload(t *testing.T) {
	e := mustContractWebEnv(t)
	st := e.mustOpenPilot()
	vendor := e.browser()
	csrf := vendor.mustSignIn(identity.RoleVendor)
	ws := vendor.get("/contracts/" + st.Contract.ID)
	mustContain(t, ws, 200, []string{`/docx?lang=en`, `/docx?with=proposals&amp;lang=en`, `enctype="multipart/form-data"`, `id="word-file"`}, nil)
	r := vendor.get("/api/v1/contracts/" + st.Contract.ID + "/docx?lang=en")
	if r.Status != http.StatusOK {
		t.Fatalf("export: %d", r.Status)
	}
	edited := mustEditDocx(t, r.Body, func(doc string) string {
		doc = mustReplace(t, doc, "using qualified persons and", `using qualified persons</w:t></w:r>`+
			`<w:ins w:id="9001" w:author="Author" w:date="2026-03-05T10:00:00Z"><w:r><w:t xml:space="preserve"> and trained staff</w:t></w:r></w:ins>`+
			`<w:r><w:t xml:space="preserve"> and`)
		return mustReplace(t, doc, "Within 30 days after the Pilot ends", "Within 60 days after the Pilot ends")
	})
	fields := url.Values{"csrf": {csrf}, "lang": {"en"}}
	path := "/contracts/" + st.Contract.ID + "/docx"
	mustContain(t, vendor.postMultipart(path, fields, upload{"file", "x.docx", []byte("hello")}), http.StatusUnprocessableEntity,
		[]string{`id="word-file"`, `role="alert"`}, nil)
	mustContain(t, vendor.postMultipart(path, fields, upload{"file", "redline.docx", edited}), http.StatusOK,
		[]string{"Word import report", "Imported as proposed changes", "trained staff", "Edited without Track Changes", "[-30-]{&#43;60&#43;}", "Expected (the text exported)"}, nil)
	after, err := e.contracts.Load(t.Context(), st.Contract.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a := after.Amendments[after.Clauses["scl-pilot-04"].Pending]; a == nil || a.Author.UserID != e.users[identity.RoleVendor].ID {
		t.Errorf("scl-pilot-04 has no pending amendment by the uploader: %+v", a)
	}
	if after.Clauses["scl-pilot-03"].Pending != "" {
		t.Errorf("the untracked edit of scl-pilot-03 was imported")
	}
}
