package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// requireTools skips the test when a PDF tool is missing, except on CI
// (CI=true), where a missing tool is a failure.
func requireTools(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required on CI (apt-get install -y poppler-utils qpdf)", n)
			}
			t.Skipf("%s not installed (apt-get install -y poppler-utils qpdf); skipping", n)
		}
	}
}

// mustWritePDF writes data to a temporary file and returns its path.
func mustWritePDF(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustPdftotext returns the text pdftotext extracts, pages separated by \f.
func mustPdftotext(t *testing.T, path string) string {
	t.Helper()
	return mustRun(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

// mustQPDFCheck fails unless qpdf finds no syntax or stream errors.
func mustQPDFCheck(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command("qpdf", "--check", path).CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("No syntax or stream encoding errors")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
}

// tokens normalises text the way shared/bench/pdfcheck.py does
// (typographic apostrophes as ', hyphens dropped) and splits it into words
// at any Unicode space, U+00A0 and U+202F included. pdfcheck's NFKC step is
// left out: the ligature check below already rejects compatibility forms.
func tokens(s string) []string {
	s = strings.NewReplacer("’", "'", "‘", "'", "\u00ad", "").Replace(s)
	ws := strings.FieldsFunc(s, unicode.IsSpace)
	drop := strings.NewReplacer("-", "", "‐", "", "–", "")
	for i, w := range ws {
		ws[i] = drop.Replace(w)
	}
	return ws
}

// missingInOrder returns the first source words that cannot be matched, in
// order, within the extracted words. Greedy matching is exact for deciding
// whether src is a subsequence of got, so an empty result means 100% recall.
func missingInOrder(src, got []string) []string {
	j := 0
	for i, w := range src {
		k := j
		for k < len(got) && got[k] != w {
			k++
		}
		if k == len(got) {
			end := min(i+8, len(src))
			return src[i:end]
		}
		j = k + 1
	}
	return nil
}

// mustRun runs a command and returns its standard output.
func mustRun(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}
