package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mustTools skips unless CIVICPACT_DOCX_TOOLS=1: these tests need
// LibreOffice (libreoffice-writer-nogui, python3-uno), pandoc and
// poppler-utils.
func mustTools(t *testing.T) {
	t.Helper()
	if os.Getenv("CIVICPACT_DOCX_TOOLS") != "1" {
		t.Skip("set CIVICPACT_DOCX_TOOLS=1 to run the LibreOffice and pandoc round trips")
	}
}

func mustRun(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// TestLibreOfficeRendersRedline converts the export with proposals to PDF
// with headless LibreOffice: the numbering (Article 1 –, 1.1, (a), (i)) and
// the proposed text must show.
func TestLibreOfficeRendersRedline(t *testing.T) {
	mustTools(t)
	dir := t.TempDir()
	src, _ := filepath.Abs("testdata/pilot_en_proposals.docx")
	mustRun(t, dir, "soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+dir+"/profile",
		"--convert-to", "pdf", "--outdir", dir, src)
	text := mustRun(t, dir, "pdftotext", "-layout", filepath.Join(dir, "pilot_en_proposals.pdf"), "-")
	for _, want := range []string{"Article 1 – Interpretation", "1.1    Contract Documents", "(a)", "(i)     Change Orders",
		"Article 2 – The Pilot", "2.3", "Subject to the City's written approval"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF LibreOffice renders lacks %q", want)
		}
	}
}

// TestPandocSeesTrackedChanges reads the exports and the vendor's file with
// pandoc --track-changes=all: every insertion and deletion, with its author.
func TestPandocSeesTrackedChanges(t *testing.T) {
	mustTools(t)
	for file, wants := range map[string][]string{
		"pilot_en_proposals.docx": {`{.deletion author="Curbside Labs Inc."`, `{.insertion author="Curbside Labs Inc."`, "Subject to the City"},
		"vendor_en.docx":          {`{.insertion author="Vendor Counsel"`, `{.deletion author="Vendor Counsel"`, "45 days"},
		"vendor_fr.docx":          {`{.insertion author="Conseillère juridique du Prestataire"`, "36 mois"},
	} {
		out := mustRun(t, "testdata", "pandoc", "--track-changes=all", "-f", "docx", "-t", "markdown", "--wrap=none", file)
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("pandoc on %s: no %q", file, w)
			}
		}
	}
}

// TestLibreOfficeLawyerRoundTrip reruns the vendor's-lawyer script on the
// exports and checks the fresh files exactly as the committed fixtures.
func TestLibreOfficeLawyerRoundTrip(t *testing.T) {
	mustTools(t)
	dir := t.TempDir()
	mustRun(t, "testdata", "/usr/bin/python3", "make_fixtures.py", dir)
	for _, tc := range vendorCases() {
		t.Run(tc.file, func(t *testing.T) {
			checkVendorFile(t, filepath.Join(dir, tc.file+".docx"), tc)
		})
	}
}
