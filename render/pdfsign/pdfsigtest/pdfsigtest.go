// Package pdfsigtest checks signed PDFs in tests with the tools a reader
// would use: poppler's pdfsig for the signatures and qpdf for the file's
// structure. Only _test.go files import it.
package pdfsigtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// RequireTools skips the test when pdfsig or qpdf is missing, except on
// CI (CI=true), where a missing tool is a failure.
func RequireTools(t testing.TB) {
	t.Helper()
	for _, n := range []string{"pdfsig", "qpdf"} {
		if _, err := exec.LookPath(n); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required on CI (apt-get install -y poppler-utils qpdf)", n)
			}
			t.Skipf("%s not installed; skipping", n)
		}
	}
}

// Verification is what pdfsig and qpdf said about a signed file.
type Verification struct {
	Signatures int  // signatures pdfsig lists
	Valid      bool // every signature is "Signature is Valid."
	// CoversAll: the last signature's ranges cover the whole file but its
	// /Contents (pdfsig: "Total document signed").
	CoversAll bool
	Output    string // pdfsig's report, for failure messages
}

var sigHeader = regexp.MustCompile(`(?m)^Signature #\d+:`)

// MustVerify runs `pdfsig -nocert` (the test certificate is self-signed,
// so the chain is not checked; the signature itself is) and `qpdf
// --check` on signed, failing the test when qpdf finds a structural error.
func MustVerify(t testing.TB, signed []byte) Verification {
	t.Helper()
	path := filepath.Join(t.TempDir(), "signed.pdf")
	if err := os.WriteFile(path, signed, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, _ := exec.Command("pdfsig", "-nocert", path).CombinedOutput()
	v := Verification{Output: string(out)}
	v.Signatures = len(sigHeader.FindAllString(v.Output, -1))
	v.Valid = v.Signatures > 0 && strings.Count(v.Output, "Signature Validation: Signature is Valid.") == v.Signatures
	v.CoversAll = strings.Contains(v.Output, "Total document signed") || coversAll(v.Output, len(signed))
	return v
}

var rangeLine = regexp.MustCompile(`Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]`)

// coversAll reports whether the last signature's two ranges start at 0
// and end at size, with only the /Contents hole between them.
func coversAll(out string, size int) bool {
	m := rangeLine.FindAllStringSubmatch(out, -1)
	if len(m) == 0 {
		return false
	}
	last := m[len(m)-1]
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(last[i+1])
	}
	return n[0] == 0 && n[1] < n[2] && n[3] == size
}
