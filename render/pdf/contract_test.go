package pdf_test

import (
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/render/pdf"
)

var pdfDir = flag.String("pdfdir", "", "also write the contracts rendered from the built-in templates here, to look at them")

// keepPDF writes data to -pdfdir when it is set.
func keepPDF(t *testing.T, name string, data []byte) {
	t.Helper()
	if *pdfDir == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*pdfDir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFromStateBuiltins renders every built-in template in English and in
// French from a real assembly and runs the quality checks on it; no
// library guidance or drafting remark reaches the page.
func TestFromStateBuiltins(t *testing.T) {
	requireTools(t, "pdftotext", "qpdf")
	env := testenv.New(t, testenv.MustSQLite(t))
	for _, key := range builtins {
		for _, lang := range []clauses.Lang{clauses.EN, clauses.FR} {
			t.Run(key+"/"+string(lang), func(t *testing.T) {
				st := mustAssembled(t, env, key, lang)
				doc, err := pdf.FromState(st, mustDeviations(t, env, st), lang, true)
				if err != nil {
					t.Fatal(err)
				}
				data := mustRender(t, doc)
				keepPDF(t, key+"-"+string(lang)+".pdf", data)
				path := mustWritePDF(t, data)
				mustQPDFCheck(t, path)
				got := mustPdftotext(t, path)
				src, headings := sourceText(doc)
				checkExtraction(t, src, got, headings, string(lang))
				checkNoLibraryNotes(t, env, st, got, lang)
			})
		}
	}
}

// checkNoLibraryNotes fails when the guidance or the drafting remarks of
// any clause version the contract uses appear in its text.
func checkNoLibraryNotes(t *testing.T, env *testenv.Env, st *negotiation.State, got string, lang clauses.Lang) {
	t.Helper()
	flat := strings.Join(strings.Fields(got), " ")
	for _, id := range st.Order {
		c := st.Clauses[id]
		v, err := env.Library.Version(context.Background(), c.ClauseKey, c.Version)
		if err != nil {
			t.Fatal(err)
		}
		for _, note := range []string{v.Guidance.In(lang), v.Remarks.In(lang)} {
			words := strings.Fields(note)
			if len(words) >= 6 && strings.Contains(flat, strings.Join(words[:6], " ")) {
				t.Errorf("%s: library note %q appears in the PDF", c.ClauseKey, note)
			}
		}
	}
}

// TestFromStateFinal checks the mapping of journey 1's final contract:
// identity, dates, fingerprint, margin references, cross-references,
// defined terms, the deviation schedule, signatories — and that nothing
// city-internal is in the document.
func TestFromStateFinal(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	st := mustFinalPilot(t, env)
	doc, err := pdf.FromState(st, mustDeviations(t, env, st), clauses.EN, false)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"contract ID", doc.ContractID, st.Contract.ID},
		{"template", doc.TemplateRef, "TPL-PILOT v1"},
		{"route", doc.Route, "Pilot project (living lab)"},
		{"procurement", doc.ProcurementRef, "PR-2026-014"},
		{"date", doc.Date, st.UpdatedAt},
		{"fingerprint", doc.Fingerprint, st.Final.Fingerprint},
		{"parties", len(doc.Parties), 2},
		{"city role", doc.Parties[0].Role, "City"},
		{"signatory", doc.Signatories[0], pdf.Signatory{Name: "Amira Haddad", Title: "Senior Solicitor", Organisation: "City of Port-Royal", Authority: "By-law 2024-117, s. 4"}},
		{"author", doc.Author, "City of Port-Royal"},
		{"keywords", len(doc.Keywords), len(st.Order)},
		{"schedules", len(doc.Schedules), len(st.Contract.Schedules)},
		{"draft", doc.Draft, false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	text := documentText(doc)
	for _, secret := range []string{internalComment, signOffNote, "walk", "Marc Tremblay", "{{", "**"} {
		if strings.Contains(text, secret) {
			t.Errorf("the document contains %q", secret)
		}
	}
	if !strings.Contains(text, "The Vendor may extend the Pilot by one month on written notice.") {
		t.Error("the accepted amendment is not in the agreed text")
	}
	checkMarginRefs(t, doc)
	checkTermsAndItems(t, doc)
	checkDeviationRows(t, doc)
}

func checkMarginRefs(t *testing.T, doc pdf.Document) {
	t.Helper()
	for _, a := range doc.Articles {
		for _, c := range a.Clauses {
			if !strings.HasPrefix(c.Ref, "SCL-") || !strings.Contains(c.Ref, " v1 · ") {
				t.Errorf("clause %s: margin reference %q, want like \"SCL-IP-01 v1 · C\"", c.Number, c.Ref)
			}
		}
	}
}

// checkTermsAndItems asserts that defined terms are bold runs and that (a)
// items keep their labels and levels.
func checkTermsAndItems(t *testing.T, doc pdf.Document) {
	t.Helper()
	terms, items := 0, 0
	for _, p := range doc.Preamble {
		for _, r := range p.Runs {
			if r.Style == pdf.Term && (r.Text == "City" || r.Text == "Vendor") {
				terms++
			}
		}
	}
	for _, a := range doc.Articles {
		for _, c := range a.Clauses {
			for _, b := range c.Blocks {
				if b.Level == 1 && b.Label == "(a)" {
					items++
				}
			}
		}
	}
	if terms < 2 || items == 0 {
		t.Errorf("defined terms in the recitals: %d (want the City and the Vendor); (a) items: %d", terms, items)
	}
}

func checkDeviationRows(t *testing.T, doc pdf.Document) {
	t.Helper()
	var ins *pdf.Deviation
	for i, d := range doc.Deviations {
		if strings.HasPrefix(d.ClauseRef, "SCL-INS-01 v") {
			ins = &doc.Deviations[i]
		}
	}
	if ins == nil {
		t.Fatalf("no deviation for the insurance clause in %+v", doc.Deviations)
	}
	want := pdf.Deviation{ClauseNumber: ins.ClauseNumber, ClauseRef: "SCL-INS-01 v1", Summary: ins.Summary,
		Party: "Curbside Labs Inc.", ApprovedBy: "Amira Haddad (City of Port-Royal)",
		Rationale: "Weather delays; proportionate cover for a three-site pilot."}
	if *ins != want || !strings.Contains(ins.Summary, "$1,000,000") {
		t.Errorf("insurance deviation:\n got %+v\nwant %+v with the new amount in the summary", *ins, want)
	}
}

// documentText is every string of doc, for searching.
func documentText(doc pdf.Document) string {
	src, _ := sourceText(doc)
	var b strings.Builder
	b.WriteString(src)
	for _, s := range doc.Schedules {
		b.WriteString(s.Title + "\n")
	}
	for _, a := range doc.Articles {
		for _, c := range a.Clauses {
			b.WriteString(c.Ref + "\n")
		}
	}
	return b.String()
}

func TestFromStateRejectsOtherLanguage(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	st := mustAssembled(t, env, "TPL-PILOT", clauses.EN)
	if _, err := pdf.FromState(st, nil, clauses.FR, true); !apperr.Is(err, apperr.Invalid) {
		t.Fatalf("French PDF of an English-only contract: %v, want Invalid", err)
	}
}

// TestFromStateDeterministic renders the same final contract twice.
func TestFromStateDeterministic(t *testing.T) {
	env := testenv.New(t, testenv.MustSQLite(t))
	st := mustFinalPilot(t, env)
	render := func() []byte {
		doc, err := pdf.FromState(st, mustDeviations(t, env, st), clauses.EN, false)
		if err != nil {
			t.Fatal(err)
		}
		return mustRender(t, doc)
	}
	a, b := render(), render()
	keepPDF(t, "journey1-final-en.pdf", a)
	if string(a) != string(b) {
		t.Fatal("two renders of the same final contract differ")
	}
}

// BenchmarkFromStateRender maps and renders journey 1's final contract,
// as the PDF route does for each request.
func BenchmarkFromStateRender(b *testing.B) {
	env := testenv.New(b, testenv.MustSQLite(b))
	st := mustFinalPilot(b, env)
	devs := mustDeviations(b, env, st)
	b.ReportAllocs()
	for b.Loop() {
		doc, err := pdf.FromState(st, devs, clauses.EN, false)
		if err != nil {
			b.Fatal(err)
		}
		if err := pdf.Render(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
