package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/civicpact/civicpact/apperr"
)

// Limits bound what Import reads from an untrusted file.
type Limits struct {
	MaxFile         int64 // bytes of the .docx itself
	MaxUncompressed int64 // bytes of all parts read, uncompressed
	MaxRatio        int64 // uncompressed / compressed size of any one part
	MaxEntries      int   // files in the zip
}

// DefaultLimits suit a contract of a few hundred pages.
var DefaultLimits = Limits{MaxFile: 20 << 20, MaxUncompressed: 100 << 20, MaxRatio: 200, MaxEntries: 2000}

// oleSignature starts an OLE compound file: a password-protected .docx
// (or an old .doc) is one.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Report is what a returned document holds: its custom properties, its
// body paragraphs, and what else it carries that an import cannot take.
type Report struct {
	Properties map[string]string `json:"properties"`
	Paragraphs []Paragraph       `json:"paragraphs"`
	Groups     []Group           `json:"groups"`
	// Comments is the number of comments in word/comments.xml; Tables the
	// number of tables in the body.
	Comments int `json:"comments"`
	Tables   int `json:"tables"`
	// Elsewhere names parts outside the body (headers, footers, notes)
	// that hold tracked changes, which an import does not read.
	Elsewhere []string `json:"elsewhere,omitempty"`
	// PersonalInfoRemoved is set when Word was told to remove personal
	// information: every revision author then reads "Author".
	PersonalInfoRemoved bool `json:"personal_info_removed,omitempty"`
}

// Import reads a .docx from r: it rejects anything that is not a zip, an
// encrypted document, a zip bomb, XML with a DTD, and anything over lim;
// then it reads the custom properties, the body's paragraphs with their
// tracked changes, and groups them by civicpact bookmark (Group).
func Import(r io.ReaderAt, size int64, lim Limits) (Report, error) {
	if size > lim.MaxFile {
		return Report{}, apperr.New(apperr.TooLarge, "the file is larger than %d MiB", lim.MaxFile>>20)
	}
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n == 8 && bytes.Equal(head, oleSignature) {
		return Report{}, apperr.New(apperr.Invalid, "the file is encrypted or is an old .doc file: save it as an unprotected .docx")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return Report{}, apperr.Wrap(apperr.Invalid, err, "the file is not a .docx (not a zip archive)")
	}
	pk := &pkg{files: map[string]*zip.File{}, lim: lim}
	if err := pk.index(zr); err != nil {
		return Report{}, err
	}
	return pk.report()
}

// pkg is an opened package with a budget of bytes left to read.
type pkg struct {
	files map[string]*zip.File
	lim   Limits
	read  int64
}

func (p *pkg) index(zr *zip.Reader) error {
	if len(zr.File) > p.lim.MaxEntries {
		return apperr.New(apperr.TooLarge, "the file holds more than %d parts", p.lim.MaxEntries)
	}
	for _, f := range zr.File {
		if f.Flags&0x1 != 0 {
			return apperr.New(apperr.Invalid, "the file is encrypted: save it as an unprotected .docx")
		}
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if p.files["word/document.xml"] == nil {
		return apperr.New(apperr.Invalid, "the file is not a Word document (no word/document.xml)")
	}
	return nil
}

// part returns a part's bytes, or nil when absent, enforcing the size and
// ratio limits on the bytes actually inflated (declared sizes can lie).
func (p *pkg) part(name string) ([]byte, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "cannot read %s", name)
	}
	defer rc.Close()
	budget := p.lim.MaxUncompressed - p.read
	if r := int64(f.CompressedSize64)*p.lim.MaxRatio + 4096; r < budget {
		budget = r
	}
	data, err := io.ReadAll(io.LimitReader(rc, budget+1))
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "cannot read %s", name)
	}
	if int64(len(data)) > budget {
		return nil, apperr.New(apperr.TooLarge, "%s inflates beyond the limits (a zip bomb?)", name)
	}
	p.read += int64(len(data))
	return data, nil
}

func (p *pkg) report() (Report, error) {
	rep := Report{Properties: map[string]string{}}
	doc, err := p.part("word/document.xml")
	if err != nil {
		return rep, err
	}
	if rep.Paragraphs, rep.Tables, err = parseBody(doc); err != nil {
		return rep, err
	}
	if err := p.extras(&rep); err != nil {
		return rep, err
	}
	rep.Groups = group(rep.Paragraphs)
	return rep, nil
}

// extras reads the custom properties, counts comments, notes revisions
// outside the body and checks the privacy setting.
func (p *pkg) extras(rep *Report) error {
	custom, err := p.part("docProps/custom.xml")
	if err != nil {
		return err
	}
	if rep.Properties, err = parseCustom(custom); err != nil {
		return err
	}
	comments, err := p.part("word/comments.xml")
	if err != nil {
		return err
	}
	if rep.Comments, err = countElements(comments, "comment", nil); err != nil {
		return err
	}
	settings, err := p.part("word/settings.xml")
	if err != nil {
		return err
	}
	n, err := countElements(settings, "removePersonalInformation", nil)
	rep.PersonalInfoRemoved = n > 0
	if err != nil {
		return err
	}
	return p.elsewhere(rep)
}

// elsewhere lists headers, footers and notes that contain tracked changes.
func (p *pkg) elsewhere(rep *Report) error {
	for name := range p.files {
		base := strings.TrimPrefix(name, "word/")
		if base == name || strings.Contains(base, "/") || !(strings.HasPrefix(base, "header") ||
			strings.HasPrefix(base, "footer") || base == "footnotes.xml" || base == "endnotes.xml") {
			continue
		}
		data, err := p.part(name)
		if err != nil {
			return err
		}
		n, err := countElements(data, "ins", []string{"del", "moveFrom", "moveTo"})
		if err != nil {
			return err
		}
		if n > 0 {
			rep.Elsewhere = append(rep.Elsewhere, name)
		}
	}
	slices.Sort(rep.Elsewhere)
	return nil
}

// newDecoder returns a strict decoder that refuses DTDs: no entity can be
// declared, so none can expand.
func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	return d
}

var errDTD = apperr.New(apperr.Invalid, "the document contains a DTD or entity declarations, which are not accepted")

// token returns the next token, turning a DTD into errDTD and syntax
// errors into Invalid.
func token(d *xml.Decoder) (xml.Token, error) {
	t, err := d.Token()
	if err == io.EOF {
		return nil, err
	}
	if err != nil {
		return nil, apperr.Wrap(apperr.Invalid, err, "the document is not well-formed XML")
	}
	if _, ok := t.(xml.Directive); ok {
		return nil, errDTD
	}
	return t, nil
}

// countElements counts start elements named any of name and more.
func countElements(data []byte, name string, more []string) (int, error) {
	if data == nil {
		return 0, nil
	}
	d := newDecoder(data)
	n := 0
	for {
		t, err := token(d)
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if se, ok := t.(xml.StartElement); ok && (se.Name.Local == name || slices.Contains(more, se.Name.Local)) {
			n++
		}
	}
}

// parseCustom reads docProps/custom.xml's string properties.
func parseCustom(data []byte) (map[string]string, error) {
	out := map[string]string{}
	if data == nil {
		return out, nil
	}
	d := newDecoder(data)
	name := ""
	for {
		t, err := token(d)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local == "property" {
				name = attr(t, "name")
			}
		case xml.CharData:
			if name != "" {
				out[name] += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "property" && name != "" {
				out[name] = strings.TrimSpace(out[name])
				name = ""
			}
		}
	}
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
