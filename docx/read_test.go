package docx

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/civicpact/civicpact/apperr"
)

// mustZip builds a zip of the given parts (name → content).
func mustZip(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const minimalBody = `<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p></w:body></w:document>`

// TestImportRejects answers each unacceptable file with the right kind.
func TestImportRejects(t *testing.T) {
	bomb := mustZip(t, map[string]string{"word/document.xml": `<w:document xmlns:w="` + nsW + `"><w:body>` +
		strings.Repeat("<w:p/>", 2_000_000) + `</w:body></w:document>`})
	dtd := mustZip(t, map[string]string{"word/document.xml": `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>` + minimalBody})
	encrypted := append(append([]byte{}, oleSignature...), make([]byte, 4096)...)
	for _, tc := range []struct {
		name string
		data []byte
		lim  Limits
		want apperr.Kind
	}{
		{"not a zip", []byte("PK? no, plain text"), DefaultLimits, apperr.Invalid},
		{"encrypted (OLE)", encrypted, DefaultLimits, apperr.Invalid},
		{"zip without document", mustZip(t, map[string]string{"a.txt": "x"}), DefaultLimits, apperr.Invalid},
		{"zip bomb by ratio", bomb, DefaultLimits, apperr.TooLarge},
		{"over the total", mustZip(t, map[string]string{"word/document.xml": minimalBody}), Limits{MaxFile: 1 << 20, MaxUncompressed: 10, MaxRatio: 1000, MaxEntries: 10}, apperr.TooLarge},
		{"too many parts", mustZip(t, map[string]string{"word/document.xml": minimalBody, "b": "", "c": ""}), Limits{MaxFile: 1 << 20, MaxUncompressed: 1 << 20, MaxRatio: 1000, MaxEntries: 2}, apperr.TooLarge},
		{"oversize file", mustZip(t, map[string]string{"word/document.xml": minimalBody}), Limits{MaxFile: 10}, apperr.TooLarge},
		{"DTD and entities", dtd, DefaultLimits, apperr.Invalid},
		{"ill-formed XML", mustZip(t, map[string]string{"word/document.xml": "<w:document><w:body>"}), DefaultLimits, apperr.Invalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(bytes.NewReader(tc.data), int64(len(tc.data)), tc.lim)
			if err == nil || apperr.KindOf(err) != tc.want {
				t.Errorf("error %v, want kind %s", err, tc.want)
			}
		})
	}
}

// TestImportReadsEverything reads nested, paragraph-mark, move, field,
// comment, table and formatting changes.
func TestImportReadsEverything(t *testing.T) {
	doc := `<w:document xmlns:w="` + nsW + `"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="ClauseText"/><w:rPr><w:ins w:id="1" w:author="B" w:date="2026-01-15T10:00:00Z"/></w:rPr></w:pPr>` +
		`<w:bookmarkStart w:id="1" w:name="_cl_x"/><w:r><w:t xml:space="preserve">Pay </w:t></w:r>` +
		`<w:ins w:id="1" w:author="A"><w:del w:id="1" w:author="B"><w:r><w:delText>five</w:delText></w:r></w:del></w:ins>` +
		`<w:moveFrom w:id="2" w:author="B"><w:r><w:t>old</w:t></w:r></w:moveFrom><w:moveTo w:id="3" w:author="B"><w:r><w:t>new</w:t></w:r></w:moveTo>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _cl_y \r \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>2.1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="B"><w:rPr/></w:rPrChange></w:rPr><w:t>Term</w:t></w:r>` +
		`<w:r><w:commentReference w:id="0"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:bookmarkEnd w:id="1"/></w:p></w:body></w:document>`
	data := mustZip(t, map[string]string{"word/document.xml": doc, "word/comments.xml": `<w:comments xmlns:w="` + nsW + `"><w:comment w:id="0"/></w:comments>`,
		"word/header1.xml": `<w:hdr xmlns:w="` + nsW + `"><w:p><w:ins w:id="9"/></w:p></w:hdr>`})
	rep := mustImport(t, data)
	if len(rep.Groups) != 1 || rep.Groups[0].Anchor != "_cl_x" {
		t.Fatalf("groups %+v", rep.Groups)
	}
	g := rep.Groups[0]
	if g.Original != "Pay old2.1Termcell\n\n" || g.Result != "Pay new2.1Term\ncell\n\n" {
		t.Errorf("original %q, result %q", g.Original, g.Result)
	}
	var kinds []RevKind
	for _, c := range g.Changes {
		kinds = append(kinds, c.Kind)
	}
	if want := []RevKind{RevInsDel, RevMoveFrom, RevMoveTo, RevIns}; !equalKinds(kinds, want) || len(kinds) != len(want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	if g.FormatChanges != 1 || g.Comments != 1 || g.Tables != 1 || rep.Comments != 1 || rep.Tables != 1 ||
		len(rep.Elsewhere) != 1 || !g.Changes[3].Mark || g.Changes[3].Date.IsZero() {
		t.Errorf("counts: %+v; report %d comments, %d tables, elsewhere %v", g, rep.Comments, rep.Tables, rep.Elsewhere)
	}
}

// FuzzImport feeds the reader arbitrary bytes and arbitrary document.xml:
// it may refuse them, but never panic or loop.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"pilot_en_proposals", "vendor_fr"} {
		data, err := os.ReadFile("testdata/" + name + ".docx")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte(nil), minimalBody)
	f.Add([]byte(nil), `<w:document xmlns:w="`+nsW+`"><w:body><w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:ins><w:del><w:r><w:delText>x</w:delText></w:r></w:del></w:ins><w:bookmarkEnd w:id="1"/></w:p></w:body></w:document>`)
	f.Add([]byte(nil), `<!DOCTYPE x><w:document/>`)
	f.Fuzz(func(t *testing.T, raw []byte, body string) {
		if body != "" {
			raw = mustZip(t, map[string]string{"word/document.xml": body, "docProps/custom.xml": body})
		}
		rep, err := Import(bytes.NewReader(raw), int64(len(raw)), DefaultLimits)
		if err != nil {
			if k := apperr.KindOf(err); k != apperr.Invalid && k != apperr.TooLarge {
				t.Fatalf("error of kind %s: %v", k, err)
			}
			return
		}
		for _, g := range rep.Groups {
			_ = View(g.Paragraphs, true)
		}
		_, _ = rep.Source()
	})
}
