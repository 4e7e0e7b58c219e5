package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/negotiation"
)

// zipTime is every entry's modification time, so output is byte-stable.
var zipTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Export writes the state's agreed contract as a .docx: articles and
// clauses as numbered headings, (a) and (i) items with Word numbering,
// defined terms bold, cross-references as numbers, w:lang fr-CA or en-CA,
// track changes on, every clause heading and body in a hidden bookmark
// named from the clause ID, and custom properties naming the contract,
// revision and fingerprint. With opts.WithProposals every pending
// amendment is a tracked insertion and deletion by its party.
func Export(w io.Writer, st *negotiation.State, opts Options) error {
	m, err := build(st, opts)
	if err != nil {
		return err
	}
	return m.write(w)
}

// write zips the model's parts in name order with fixed timestamps.
func (m *model) write(w io.Writer) error {
	parts := map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"word/_rels/document.xml.rels": documentRels,
		"word/document.xml":            documentXML(m.paras),
		"word/styles.xml":              stylesXML(string(m.lang) + "-CA"),
		"word/numbering.xml":           numberingXML("Article", m.restarts),
		"word/settings.xml":            settingsXML,
		"docProps/core.xml":            coreXML(m.title, m.date, string(m.lang)+"-CA"),
		"docProps/custom.xml":          customXML(m.props),
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return apperr.Wrap(apperr.Internal, err, "write docx")
		}
		if _, err := io.WriteString(f, parts[n]); err != nil {
			return apperr.Wrap(apperr.Internal, err, "write docx")
		}
	}
	if err := zw.Close(); err != nil {
		return apperr.Wrap(apperr.Internal, err, "write docx")
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return apperr.Wrap(apperr.Internal, err, "write docx")
	}
	return nil
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}

func coreXML(title string, date time.Time, lang string) string {
	d := date.Format(time.RFC3339)
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>civicpact</dc:creator><dc:language>` + lang + `</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + d + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + d + `</dcterms:modified></cp:coreProperties>`
}

func customXML(props [][2]string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
		`xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	for i, p := range props {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`,
			i+2, esc(p[0]), esc(p[1]))
	}
	b.WriteString(`</Properties>`)
	return b.String()
}

// docWriter writes document.xml with one counter for every w:id
// (bookmarks and revisions alike: Word rejects collisions).
type docWriter struct {
	b     strings.Builder
	next  int
	marks map[string]int // open bookmark name → id
}

func (d *docWriter) id() int {
	d.next++
	return d.next
}

func documentXML(ps []Paragraph) string {
	d := &docWriter{marks: map[string]int{}}
	d.b.WriteString(xmlHead + `<w:document xmlns:w="` + nsW + `"><w:body>`)
	for i := range ps {
		d.paragraph(&ps[i])
	}
	d.b.WriteString(`<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>`)
	d.b.WriteString(`</w:body></w:document>`)
	return d.b.String()
}

// paragraph writes one w:p: properties (style, numbering, mark change, in
// schema order), bookmark starts, runs, bookmark ends.
func (d *docWriter) paragraph(p *Paragraph) {
	d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + p.Style + `"/>`)
	if p.NumID > 0 {
		fmt.Fprintf(&d.b, `<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, p.Level+1, p.NumID)
	}
	if p.Mark.Kind != RevNone {
		d.b.WriteString(`<w:rPr>`)
		d.revAttrs(p.Mark, true)
		d.b.WriteString(`</w:rPr>`)
	}
	d.b.WriteString(`</w:pPr>`)
	for _, n := range p.Starts {
		id := d.id()
		d.marks[n] = id
		fmt.Fprintf(&d.b, `<w:bookmarkStart w:id="%d" w:name="%s"/>`, id, esc(n))
	}
	for _, s := range p.Segments {
		d.segment(s)
	}
	for _, n := range p.Ends {
		fmt.Fprintf(&d.b, `<w:bookmarkEnd w:id="%d"/>`, d.marks[n])
		delete(d.marks, n)
	}
	d.b.WriteString(`</w:p>`)
}

// revAttrs writes <w:ins …> or <w:del …>, self-closed for a paragraph mark.
func (d *docWriter) revAttrs(r Rev, empty bool) {
	tag := "w:ins"
	if r.Kind == RevDel {
		tag = "w:del"
	}
	fmt.Fprintf(&d.b, `<%s w:id="%d" w:author="%s"`, tag, d.id(), esc(r.Author))
	if !r.Date.IsZero() {
		d.b.WriteString(` w:date="` + r.Date.UTC().Format("2006-01-02T15:04:05Z") + `"`)
	}
	if empty {
		d.b.WriteString(`/>`)
		return
	}
	d.b.WriteString(`>`)
}

// segment writes a run, inside w:ins or w:del when tracked. Deleted text
// is w:delText; tabs are w:tab.
func (d *docWriter) segment(s Segment) {
	if s.Rev.Kind != RevNone {
		d.revAttrs(s.Rev, false)
	}
	d.b.WriteString(`<w:r>`)
	if s.Bold {
		d.b.WriteString(`<w:rPr><w:b/></w:rPr>`)
	}
	tag := "w:t"
	if s.Rev.Kind == RevDel {
		tag = "w:delText"
	}
	for i, part := range strings.Split(s.Text, "\t") {
		if i > 0 {
			d.b.WriteString(`<w:tab/>`)
		}
		if part != "" {
			d.b.WriteString(`<` + tag + ` xml:space="preserve">` + esc(part) + `</` + tag + `>`)
		}
	}
	d.b.WriteString(`</w:r>`)
	if s.Rev.Kind == RevIns {
		d.b.WriteString(`</w:ins>`)
	} else if s.Rev.Kind == RevDel {
		d.b.WriteString(`</w:del>`)
	}
}
