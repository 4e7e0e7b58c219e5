package pdf_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/civicpact/civicpact/render/pdf"
)

func sampleRedline() pdf.Redline {
	changed := pdf.Clause{Number: "2.1", Title: "Ownership of City Data", Ref: "SCL-DATA-01 v3 · A",
		Blocks: []pdf.Block{{Runs: []pdf.Run{
			{Text: "The Vendor shall return all City Data within "},
			{Text: "fifteen (15)", Style: pdf.Deleted},
			{Text: " "},
			{Text: "thirty (30)", Style: pdf.Inserted},
			{Text: " days after termination."},
		}}, {Level: 1, Label: "(a)", Runs: []pdf.Run{
			{Text: "Moved from clause 4.2:", Style: pdf.Moved},
			{Text: " the Vendor shall certify deletion in writing."},
		}}},
	}
	return pdf.Redline{
		Lang: "en", Title: "Smart Streetlight Services Agreement", ContractID: "PR-2025-0042",
		Fingerprint: strings.Repeat("ab", 32), From: "City draft v1", To: "Vendor redline v2",
		Date: time.Date(2025, 2, 10, 0, 0, 0, 0, time.UTC), Author: "City of Port-Royal",
		Summary: []pdf.RedlineRow{{Clause: "2.1", Party: "Vendor", Status: "Proposed",
			Verdict: "Substantive", Words: 4}},
		Clauses: []pdf.RedlineClause{
			{Article: "ARTICLE 1 — DEFINITIONS", Clause: pdf.Clause{Number: "1.1", Title: "Definitions"}, Unchanged: true},
			{Article: "ARTICLE 2 — DATA", Clause: changed},
			{Clause: pdf.Clause{Number: "2.2", Title: "Privacy"}, Unchanged: true},
		},
	}
}

func TestRenderRedline(t *testing.T) {
	requireTools(t, "pdftotext", "qpdf")
	var buf bytes.Buffer
	if err := pdf.RenderRedline(&buf, sampleRedline()); err != nil {
		t.Fatal(err)
	}
	path := mustWritePDF(t, buf.Bytes())
	mustQPDFCheck(t, path)
	got := mustPdftotext(t, path)
	flat := strings.Join(strings.Fields(got), " ")
	if miss := missingInOrder(tokens("Summary of Changes Clause Party Status Verdict Words "+
		"2.1 Vendor Proposed Substantive 4"), tokens(got)); miss != nil {
		t.Errorf("summary table: %q not found in order", miss)
	}
	for _, want := range []string{
		"1.1 Definitions (unchanged)", "2.2 Privacy (unchanged)",
		"within fifteen (15) thirty (30) days after termination",
		"(a) Moved from clause 4.2: the Vendor shall certify deletion in writing.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("redline text lacks %q", want)
		}
	}
	checkPageNumbers(t, got, "en")
	var again bytes.Buffer
	if err := pdf.RenderRedline(&again, sampleRedline()); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("two renders of the same redline differ (err %v)", err)
	}
}
