package server_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// mustEditDocx rewrites word/document.xml of a .docx with edit.
func mustEditDocx(t *testing.T, data []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			body = []byte(edit(string(body)))
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func mustReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("document.xml has no %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// TestWordRoundTrip is the journey over HTTP: the vendor downloads
// the contract for Word, makes one tracked insertion and one untracked
// edit, and uploads it. The tracked clause becomes one amendment by the
// uploader (not the w:author), the untracked one is reported with what was
// expected, what was found and a diff, and a second upload of the same file
// changes nothing.
func TestWordRoundTrip(t *testing.T) {
	e := mustEnv(t)
	f := mustFixture(e)
	r := e.do("vendor", "GET", "/api/v1/contracts/"+f.contract+"/docx?lang=en", nil)
	if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Fatalf("export: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	edited := mustEditDocx(t, r.Body, func(doc string) string {
		doc = mustReplace(t, doc, "using qualified persons and", `using qualified persons</w:t></w:r>`+
			`<w:ins w:id="9001" w:author="Author" w:date="2026-03-05T10:00:00Z"><w:r><w:t xml:space="preserve"> and trained staff</w:t></w:r></w:ins>`+
			`<w:r><w:t xml:space="preserve"> and`)
		return mustReplace(t, doc, "Within 30 days after the Pilot ends", "Within 60 days after the Pilot ends")
	})
	up := e.do("vendor", "POST", "/api/v1/contracts/"+f.contract+"/docx", upload{field: "file", name: "redline.docx", data: edited})
	if up.Status != http.StatusCreated {
		t.Fatalf("import: %d %s", up.Status, up.Body)
	}
	var res struct {
		Redline  string
		Imported []struct {
			ClauseID    string `json:"clause_id"`
			AmendmentID string `json:"amendment_id"`
		}
		NotImported []struct {
			ClauseID                              string `json:"clause_id"`
			Number, Status, Expected, Found, Diff string
		} `json:"not_imported"`
	}
	mustDecode(t, up.Body, &res)
	if len(res.Imported) != 1 || res.Imported[0].ClauseID != "scl-pilot-04" {
		t.Fatalf("imported %+v, want scl-pilot-04 only", res.Imported)
	}
	if len(res.NotImported) != 1 || res.NotImported[0].ClauseID != "scl-pilot-03" || res.NotImported[0].Status != "untracked_edit" ||
		!strings.Contains(res.NotImported[0].Diff, "[-30-]{+60+}") || res.NotImported[0].Number != "2.3" {
		t.Fatalf("not imported %+v, want scl-pilot-03's untracked 30 → 60", res.NotImported)
	}
	st, err := e.contracts.Load(t.Context(), f.contract)
	if err != nil {
		t.Fatal(err)
	}
	a := st.Amendments[res.Imported[0].AmendmentID]
	if a.Author.UserID != e.actor("vendor").UserID || !strings.Contains(a.After.EN, "using qualified persons and trained staff and") {
		t.Errorf("amendment by %s: %q", a.Author.Name, a.After.EN)
	}
	again := e.do("vendor", "POST", "/api/v1/contracts/"+f.contract+"/docx", upload{field: "file", name: "redline.docx", data: edited})
	if again.Status != http.StatusOK || strings.Contains(string(again.Body), `"redline"`) {
		t.Errorf("second upload: %d %s, want 200 with no redline", again.Status, again.Body)
	}
}

// TestWordExportProposals shows the vendor's pending amendment as a
// tracked change by the vendor organisation.
func TestWordExportProposals(t *testing.T) {
	e := mustEnv(t)
	f := mustFixture(e)
	r := e.do("legal", "GET", "/api/v1/contracts/"+f.contract+"/docx?lang=en&with=proposals", nil)
	if r.Status != http.StatusOK {
		t.Fatalf("export: %d %s", r.Status, r.Body)
	}
	zr, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := io.ReadAll(rc)
	if !strings.Contains(string(doc), `<w:ins w:id="`) || !strings.Contains(string(doc), `w:author="Curbside Labs"`) ||
		!strings.Contains(string(doc), "The Vendor may extend the Pilot by one month on notice.") {
		t.Error("the pending amendment is not a tracked insertion by Curbside Labs")
	}
}

// TestWordUploadRejects answers every unacceptable file with a 4xx.
func TestWordUploadRejects(t *testing.T) {
	e := mustEnv(t)
	f := mustFixture(e)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	for _, tc := range []struct {
		name string
		body any
		want int
	}{
		{"not a zip", upload{"file", "a.docx", []byte("hello")}, 400},
		{"encrypted", upload{"file", "a.docx", ole}, 400},
		{"wrong field", upload{"attachment", "a.docx", []byte("x")}, 400},
		{"json body", map[string]any{"file": "x"}, 400},
		{"too large", upload{"file", "a.docx", make([]byte, 21<<20)}, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := e.do("vendor", "POST", "/api/v1/contracts/"+f.contract+"/docx", tc.body); r.Status != tc.want {
				t.Errorf("status %d, want %d: %s", r.Status, tc.want, truncate(r.Body))
			}
		})
	}
}
