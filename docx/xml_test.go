package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// schemaOrder lists, for the parents whose child order Word enforces, the
// children this writer uses in ECMA-376 order.
var schemaOrder = map[string][]string{
	"pPr":       {"pStyle", "keepNext", "numPr", "spacing", "ind", "jc", "outlineLvl", "rPr"},
	"settings":  {"trackRevisions", "defaultTabStop", "characterSpacingControl", "compat"},
	"lvl":       {"start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText", "lvlJc", "pPr", "rPr"},
	"numbering": {"abstractNum", "num"},
	"body":      {"p", "sectPr"},
}

// markFirst are the paragraph mark's rPr children that must come first.
var markFirst = []string{"ins", "del", "moveFrom", "moveTo"}

// mustParts returns every part of a .docx.
func mustParts(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v, want the fixed %v", f.Name, f.Modified, zipTime)
		}
	}
	return out
}

// xmlCheck walks one part and reports what breaks the writer's rules.
type xmlCheck struct {
	t       *testing.T
	part    string
	ids     map[string]string // w:id → element
	opened  map[string]bool   // bookmark ids started and not ended
	stack   []string
	lastIdx []int // per open element: index in its schemaOrder of the last child seen
	count   []int // per open element: children seen
}

func (c *xmlCheck) start(se xml.StartElement) {
	name := se.Name.Local
	if n := len(c.stack); n > 0 {
		parent := c.stack[n-1]
		if order, ok := schemaOrder[parent]; ok {
			if i := slices.Index(order, name); i >= 0 {
				if i < c.lastIdx[n-1] {
					c.t.Errorf("%s: <%s> after a later sibling inside <%s>", c.part, name, parent)
				}
				c.lastIdx[n-1] = i
			}
		}
		if parent == "rPr" && n >= 2 && c.stack[n-2] == "pPr" && slices.Contains(markFirst, name) && c.count[n-1] > 0 {
			c.t.Errorf("%s: paragraph mark revision <%s> is not the first child of <rPr>", c.part, name)
		}
		c.count[n-1]++
	}
	c.id(se)
	c.stack = append(c.stack, name)
	c.lastIdx = append(c.lastIdx, -1)
	c.count = append(c.count, 0)
}

// id checks that every w:id is unique across annotation kinds, that
// bookmark ends close started bookmarks, and bookmark names' length.
func (c *xmlCheck) id(se xml.StartElement) {
	id := attr(se, "id")
	switch se.Name.Local {
	case "bookmarkEnd":
		if !c.opened[id] {
			c.t.Errorf("%s: bookmarkEnd %s closes no open bookmark", c.part, id)
		}
		delete(c.opened, id)
		return
	case "bookmarkStart":
		c.opened[id] = true
		if n := attr(se, "name"); len(n) > maxBookmark || !strings.HasPrefix(n, "_c") {
			c.t.Errorf("%s: bookmark name %q is not a hidden civicpact name of at most 40 characters", c.part, n)
		}
	case "ins", "del", "abstractNum", "num":
	default:
		return
	}
	if se.Name.Local == "abstractNum" || se.Name.Local == "num" {
		return
	}
	if prev, dup := c.ids[id]; dup || id == "" {
		c.t.Errorf("%s: w:id %q of <%s> already used by <%s>", c.part, id, se.Name.Local, prev)
	}
	c.ids[id] = se.Name.Local
}

func mustCheckPart(t *testing.T, part string, data []byte) {
	t.Helper()
	c := &xmlCheck{t: t, part: part, ids: map[string]string{}, opened: map[string]bool{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed: %v", part, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			c.start(tok)
		case xml.EndElement:
			n := len(c.stack) - 1
			c.stack, c.lastIdx, c.count = c.stack[:n], c.lastIdx[:n], c.count[:n]
		}
	}
	if len(c.opened) > 0 {
		t.Errorf("%s: %d bookmarks never end", part, len(c.opened))
	}
}

// TestGeneratedXML checks every part of every committed export: well-formed,
// unique w:id values, bookmark names of at most 40 characters, schema
// element order, fixed timestamps, tracking on, languages and properties.
func TestGeneratedXML(t *testing.T) {
	for _, ec := range exportCases {
		t.Run(ec.name, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + ec.name + ".docx")
			if err != nil {
				t.Fatal(err)
			}
			parts := mustParts(t, data)
			if len(parts) != 9 {
				t.Errorf("%d parts, want 9", len(parts))
			}
			for name, body := range parts {
				mustCheckPart(t, name, body)
			}
			for part, want := range map[string]string{
				"word/settings.xml":   "<w:trackRevisions/>",
				"word/styles.xml":     `<w:lang w:val="` + string(ec.lang) + `-CA"/>`,
				"docProps/custom.xml": `name="CivicpactRevision"`,
				"word/numbering.xml":  `<w:lvlText w:val="(%3)"/>`,
			} {
				if !strings.Contains(string(parts[part]), want) {
					t.Errorf("%s lacks %s", part, want)
				}
			}
			hasIns := strings.Contains(string(parts["word/document.xml"]), "<w:ins ")
			if hasIns != ec.proposals {
				t.Errorf("tracked insertions present = %v, want %v", hasIns, ec.proposals)
			}
		})
	}
}

// TestDocumentXMLRevisions writes a paragraph with every revision form and
// reads it back unchanged.
func TestDocumentXMLRevisions(t *testing.T) {
	at := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	ins, del := Rev{RevIns, "Vendor & Co “Legal”", at}, Rev{RevDel, "Ville de Saint-Laurent", at}
	in := []Paragraph{
		{Style: styleText, Starts: []string{"_cl_a"}, Segments: []Segment{{Text: "Pay within "}, {Text: "thirty (30)", Rev: del},
			{Text: "forty-five (45)", Rev: ins}, {Text: " days\tnet <of> set-off.", Bold: true}}},
		{Style: styleItemA, Level: 1, NumID: 3, Mark: ins, Segments: []Segment{{Text: "a new item", Rev: ins}}},
		{Style: styleItemI, Level: 2, Ends: []string{"_cl_a"}, Mark: del, Segments: []Segment{{Text: "gone", Rev: del}}},
	}
	doc := documentXML(in)
	mustCheckPart(t, "document.xml", []byte(doc))
	got, _, err := parseBody([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, in, paragraphEqual) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, in)
	}
	if g := group(got); len(g) != 1 || g[0].Original != "Pay within thirty (30) days\tnet <of> set-off.\ngone\n" ||
		g[0].Result != "Pay within forty-five (45) days\tnet <of> set-off.\na new item\n" {
		t.Errorf("views: %+v", g)
	}
}

func paragraphEqual(a, b Paragraph) bool {
	return a.Style == b.Style && a.Level == b.Level && a.Mark == b.Mark && slices.Equal(a.Starts, b.Starts) &&
		slices.Equal(a.Ends, b.Ends) && slices.Equal(a.Segments, b.Segments)
}

func TestBookmarkName(t *testing.T) {
	long := strings.Repeat("x", 60)
	for _, tc := range []struct{ id, want string }{
		{"scl-pilot-01", "_cl_scl_pilot_01"},
		{"SCL-DATA-01", "_cl_SCL_DATA_01"},
		{"clé-é", "_cl_cl___"},
		{long, ""}, // hashed: checked by length
	} {
		got := bookmarkName(prefixBody, tc.id)
		if tc.id == long {
			if len(got) != maxBookmark || !strings.HasPrefix(got, "_cl_") {
				t.Errorf("%q → %q: want 40 characters", tc.id, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("%q → %q, want %q", tc.id, got, tc.want)
		}
	}
}
