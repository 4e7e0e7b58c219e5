package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// Secrets no PDF may show.
const (
	pdfInternalComment = "Marc: please sign off the reduced CGL; risk management agrees."
	pdfSignOffNote     = "Acceptable for a pilot of this size."
)

// requirePDFTools skips the test when poppler or qpdf is missing, except
// on CI (CI=true), where a missing tool is a failure.
func requirePDFTools(t *testing.T) {
	t.Helper()
	for _, n := range []string{"pdftotext", "qpdf"} {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required on CI (apt-get install -y poppler-utils qpdf)", n)
			}
			t.Skipf("%s not installed; skipping", n)
		}
	}
}

// mustPDFText checks that body is a PDF and returns its text (pages
// separated by \f) and the number of pages carrying the diagonal
// watermark (its 45° transform in the uncompressed page streams).
func mustPDFText(t *testing.T, r response) (text string, watermarked, pages int) {
	t.Helper()
	if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("status %d, Content-Type %q: %s", r.Status, r.Header.Get("Content-Type"), truncate(r.Body))
	}
	dir := t.TempDir()
	in, qdf := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "qdf.pdf")
	if err := os.WriteFile(in, r.Body, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--qdf", "--object-streams=disable", in, qdf).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(qdf)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text = string(out)
	pages = strings.Count(strings.TrimSuffix(text, "\f"), "\f") + 1
	return text, bytes.Count(raw, []byte("0.70711 0.70711 -0.70711 0.70711")), pages
}

// journey drives journey 1's pilot through the negotiation service.
type journey struct {
	e         *env
	id        string
	st        *negotiation.State
	redline   *negotiation.Redline
	insClause string
}

func mustPilotJourney(e *env) *journey {
	e.t.Helper()
	ctx := context.Background()
	st, err := e.contracts.Assemble(ctx, testenv.PilotInput(), e.actor("legal"), e.vendor.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	if st, err = e.contracts.Open(ctx, st.Contract.ID, e.actor("legal")); err != nil {
		e.t.Fatal(err)
	}
	ams := []negotiation.Amendment{
		{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses["scl-pilot-01"].Text.EN + "\n\nThe Vendor may extend the Pilot by one month on written notice."},
		{ClauseID: "scl-ins-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cgl_amount": "1000000"}},
	}
	st, r, err := e.contracts.Propose(ctx, st.Contract.ID, e.actor("vendor"), st.Revision, "Weather delays; proportionate cover.", ams)
	if err != nil {
		e.t.Fatal(err)
	}
	return &journey{e: e, id: st.Contract.ID, st: st, redline: r, insClause: st.Clauses["scl-ins-01"].Number}
}

// acceptAll has the city accept every amendment and comment internally.
func (j *journey) acceptAll() {
	j.e.t.Helper()
	ctx := context.Background()
	var err error
	for _, a := range j.redline.Amendments {
		if j.st, err = j.e.contracts.Decide(ctx, j.id, j.e.actor("legal"), j.st.Revision, negotiation.Decision{AmendmentID: a.ID, Action: negotiation.Accept, Reason: "agreed"}); err != nil {
			j.e.t.Fatal(err)
		}
	}
	if j.st, _, err = j.e.contracts.Comment(ctx, j.id, j.e.actor("legal"), negotiation.Comment{ClauseID: "scl-ins-01", Text: pdfInternalComment, Internal: true}); err != nil {
		j.e.t.Fatal(err)
	}
}

// finalise signs off the walk-away and finalises.
func (j *journey) finalise() {
	j.e.t.Helper()
	ctx := context.Background()
	st, err := j.e.contracts.SignOff(ctx, j.id, j.e.actor("approver"), negotiation.SignOff{AmendmentID: j.redline.Amendments[1].ID, Note: pdfSignOffNote})
	if err != nil {
		j.e.t.Fatal(err)
	}
	if j.st, err = j.e.contracts.Finalize(ctx, j.id, j.e.actor("legal"), st.Revision); err != nil {
		j.e.t.Fatal(err)
	}
}

// TestContractPDFBeforeFinal: 409 naming the open clauses (a vendor is
// not told about walk-away sign-offs), and with ?draft=1 a watermarked PDF.
func TestContractPDFBeforeFinal(t *testing.T) {
	requirePDFTools(t)
	e := mustEnv(t)
	j := mustPilotJourney(e)
	path := "/api/v1/contracts/" + j.id + "/pdf"
	r := e.do("legal", "GET", path, nil)
	if r.Status != http.StatusConflict || r.Header.Get("Content-Type") != "application/problem+json" ||
		!strings.Contains(string(r.Body), "clause "+j.insClause+" has a pending amendment") {
		t.Fatalf("pending amendments: %d %s", r.Status, r.Body)
	}
	j.acceptAll()
	if r := e.do("legal", "GET", path, nil); r.Status != http.StatusConflict || !strings.Contains(string(r.Body), "walk-away") {
		t.Errorf("legal, walk-away not signed off: %d %s", r.Status, r.Body)
	}
	if r := e.do("vendor", "GET", path, nil); r.Status != http.StatusConflict || strings.Contains(string(r.Body), "walk-away") {
		t.Errorf("vendor: %d %s; want a 409 that does not mention the walk-away", r.Status, r.Body)
	}
	r = e.do("vendor", "GET", path+"?draft=1", nil)
	text, marked, pages := mustPDFText(t, r)
	if marked != pages || pages < 10 || !strings.Contains(text, "DRAFT") {
		t.Errorf("draft: watermark on %d of %d pages; DRAFT on the title page: %v", marked, pages, strings.Contains(text, "DRAFT"))
	}
	if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+j.id+`-en-draft.pdf"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	if etag := r.Header.Get("ETag"); !strings.HasPrefix(etag, `W/"`) {
		t.Errorf("a draft's ETag %q is not weak", etag)
	}
	if r := e.do("legal", "GET", path+"?draft=yes", nil); r.Status != http.StatusBadRequest {
		t.Errorf("?draft=yes: %d, want 400", r.Status)
	}
}

// TestContractPDFFinal: the signature-ready PDF of journey 1, the same
// bytes and ETag for every reader, headers, and its text.
func TestContractPDFFinal(t *testing.T) {
	requirePDFTools(t)
	e := mustEnv(t)
	j := mustPilotJourney(e)
	j.acceptAll()
	j.finalise()
	path := "/api/v1/contracts/" + j.id + "/pdf?lang=en"
	a, b := e.do("legal", "GET", path, nil), e.do("vendor", "GET", path, nil)
	if !bytes.Equal(a.Body, b.Body) || a.Header.Get("ETag") != b.Header.Get("ETag") {
		t.Error("two requests for the same final contract gave different bytes or ETags")
	}
	fp := j.st.Final.Fingerprint
	sum := sha256.Sum256(a.Body)
	for name, want := range map[string]string{
		"ETag":                `"` + fp + `"`,
		"Digest":              "sha-256=" + base64.StdEncoding.EncodeToString(sum[:]),
		"Content-Disposition": `attachment; filename="` + j.id + `-en.pdf"`,
	} {
		if got := a.Header.Get(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	text, marked, _ := mustPDFText(t, a)
	if marked != 0 || strings.Contains(text, "DRAFT") {
		t.Errorf("the final PDF carries a draft mark (%d watermarked pages)", marked)
	}
	checkFinalText(t, e, j, text)
	nm := e.doWith("vendor", path, map[string]string{"If-None-Match": a.Header.Get("ETag")})
	if nm.Status != http.StatusNotModified || len(nm.Body) != 0 {
		t.Errorf("If-None-Match with the ETag: %d (%d bytes), want 304", nm.Status, len(nm.Body))
	}
}

// checkFinalText asserts what the final PDF's text must and must never hold.
func checkFinalText(t *testing.T, e *env, j *journey, text string) {
	t.Helper()
	flat := strings.Join(strings.Fields(text), " ")
	want := []string{j.st.Final.Fingerprint, "Page 1 of", "The Vendor may extend the Pilot by one month on written notice.", "$1,000,000.00"}
	agreed := j.st.AgreedContract()
	for _, a := range agreed.Articles {
		for _, in := range a.Clauses {
			want = append(want, in.Number+" "+in.Title.EN)
		}
	}
	for _, w := range want {
		if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
			t.Errorf("the final PDF lacks %q", w)
		}
	}
	never := []string{pdfInternalComment, pdfSignOffNote, "walk_away", "Walk-away"}
	for _, a := range agreed.Articles {
		for _, in := range a.Clauses {
			never = append(never, mustStarterVersion(e, in.ClauseKey).Guidance.EN)
		}
	}
	for _, n := range never {
		if n != "" && strings.Contains(flat, strings.Join(strings.Fields(n), " ")) {
			t.Errorf("the final PDF shows %q", n)
		}
	}
}

// TestContractPDFFrench renders a Québec contract in French.
func TestContractPDFFrench(t *testing.T) {
	requirePDFTools(t)
	e := mustEnv(t)
	in := testenv.PilotInput()
	in.Province, in.Languages = "QC", []clauses.Lang{clauses.FR}
	in.Parties = []templates.Party{
		{Role: "city", Name: "Ville de Trois-Rivières", Address: "1325, place de l’Hôtel-de-Ville, Trois-Rivières (Québec)",
			Signatories: []templates.Signatory{{Name: "Élodie Gagné-Françoeur", Title: "Greffière", AuthorityRef: "Résolution C-2026-117"}}},
		{Role: "vendor", Name: "Capteurs Québécois inc.", Address: "450, rue Saint-Maurice, Trois-Rivières (Québec)",
			Signatories: []templates.Signatory{{Name: "Marc-André Bélanger", Title: "Président"}}},
	}
	st, err := e.contracts.Assemble(context.Background(), in, e.actor("legal"), e.vendor.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v1/contracts/" + st.Contract.ID + "/pdf?draft=1"
	text, marked, pages := mustPDFText(t, e.do("legal", "GET", path+"&lang=fr", nil))
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range []string{"Page 1 de", "PROJET", "Ville de Trois-Rivières", "Élodie Gagné-Françoeur", "Annexe des dérogations",
		"Entente de projet pilote", "EN FOI DE QUOI", "Empreinte SHA-256", "J’ai le pouvoir de lier la société."} {
		if !strings.Contains(flat, w) {
			t.Errorf("the French PDF lacks %q", w)
		}
	}
	if marked != pages {
		t.Errorf("watermark on %d of %d pages", marked, pages)
	}
	if r := e.do("legal", "GET", path+"&lang=en", nil); r.Status != http.StatusBadRequest {
		t.Errorf("English PDF of a French-only contract: %d, want 400", r.Status)
	}
}

// TestRedlinePDF: the redline of the vendor's proposal, with the verdict
// column for the city only.
func TestRedlinePDF(t *testing.T) {
	requirePDFTools(t)
	e := mustEnv(t)
	j := mustPilotJourney(e)
	path := "/api/v1/contracts/" + j.id + "/redline.pdf?from=2&to=3"
	city, _, _ := mustPDFText(t, e.do("legal", "GET", path, nil))
	vendor, _, _ := mustPDFText(t, e.do("vendor", "GET", path, nil))
	city, vendor = strings.Join(strings.Fields(city), " "), strings.Join(strings.Fields(vendor), " ")
	for _, w := range []string{"Summary of Changes", "Revision 2 → Revision 3", "The Vendor may extend the Pilot", "Curbside Labs", "(unchanged)"} {
		if !strings.Contains(city, w) || !strings.Contains(vendor, w) {
			t.Errorf("a redline lacks %q", w)
		}
	}
	if !strings.Contains(city, "Verdict") || !strings.Contains(city, "Walk-away") {
		t.Error("the city's redline lacks the playbook's verdicts")
	}
	for _, secret := range []string{"Verdict", "Walk-away", "Custom"} {
		if strings.Contains(vendor, secret) {
			t.Errorf("the vendor's redline shows %q", secret)
		}
	}
	if r := e.do("legal", "GET", "/api/v1/contracts/"+j.id+"/redline.pdf?from=1&to=99", nil); r.Status != http.StatusBadRequest {
		t.Errorf("to=99: %d, want 400", r.Status)
	}
}

// doWith sends a GET with extra headers.
func (e *env) doWith(caller, path string, headers map[string]string) response {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+e.tokens[caller])
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: buf.Bytes()}
}
