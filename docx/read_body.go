package docx

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"
)

// bodyParser streams word/document.xml into paragraphs. It keeps every
// element it does not know out of the text but never fails on it: Word and
// LibreOffice write far more than civicpact does.
type bodyParser struct {
	d        *xml.Decoder
	paras    []Paragraph
	cur      *Paragraph
	nested   int   // w:p inside a w:p (text boxes): read as part of the outer one
	revs     []Rev // open w:ins, w:del, w:moveFrom, w:moveTo
	inPPr    bool
	markRPr  bool // in the paragraph mark's w:rPr
	runRPr   bool // in a run's w:rPr
	bold     bool
	textOn   bool
	ilvl     int
	fields   []bool // open fields: true while in the instruction part
	tables   int
	inTable  int
	marks    map[string]string // bookmark id → civicpact name
	pendingS []string          // bookmark starts seen between paragraphs
}

// parseBody returns the body's paragraphs and its number of tables.
func parseBody(data []byte) ([]Paragraph, int, error) {
	p := &bodyParser{d: newDecoder(data), marks: map[string]string{}}
	for {
		t, err := token(p.d)
		if errors.Is(err, io.EOF) {
			return p.paras, p.tables, nil
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			err = p.start(t)
		case xml.EndElement:
			p.end(t)
		case xml.CharData:
			p.text(string(t))
		}
		if err != nil {
			return nil, 0, err
		}
	}
}

func (p *bodyParser) start(se xml.StartElement) error {
	switch se.Name.Local {
	case "p":
		p.startParagraph()
	case "pPr":
		p.inPPr = p.cur != nil && p.nested == 0
	case "rPr":
		p.markRPr, p.runRPr = p.inPPr, !p.inPPr
	case "r":
		p.bold = false
	case "rPrChange", "pPrChange":
		if p.cur != nil {
			p.cur.FormatChanges++
		}
		return p.d.Skip()
	case "sectPr", "instrText", "delInstrText":
		return p.d.Skip()
	case "tbl":
		p.tables++
		p.inTable++
	default:
		return p.startOther(se)
	}
	return nil
}

func (p *bodyParser) startOther(se xml.StartElement) error {
	name := se.Name.Local
	switch {
	case name == "ins" || name == "del" || name == "moveFrom" || name == "moveTo":
		p.revision(se)
	case p.inPPr && !p.markRPr:
		p.paraProperty(se)
	case p.runRPr:
		if name == "b" {
			v := attr(se, "val")
			p.bold = v != "0" && v != "false" && v != "off"
		}
	case name == "t" || name == "delText":
		p.textOn = len(p.fields) == 0 || !p.fields[len(p.fields)-1]
	case name == "tab":
		p.text1("\t")
	case name == "br" || name == "cr":
		p.text1(" ")
	case name == "noBreakHyphen":
		p.text1("\u2011")
	case name == "fldChar":
		p.fieldChar(attr(se, "fldCharType"))
	case name == "bookmarkStart":
		p.bookmarkStart(attr(se, "id"), attr(se, "name"))
	case name == "bookmarkEnd":
		p.bookmarkEnd(attr(se, "id"))
	case name == "commentReference" && p.cur != nil:
		p.cur.Comments++
	}
	return nil
}

// revision records a tracked change: on the paragraph mark when inside its
// w:rPr, otherwise opening a container around runs.
func (p *bodyParser) revision(se xml.StartElement) {
	r := Rev{Kind: RevKind(se.Name.Local), Author: attr(se, "author")}
	if d, err := time.Parse(time.RFC3339, attr(se, "date")); err == nil {
		r.Date = d.UTC()
	}
	switch {
	case p.markRPr && p.cur != nil:
		p.cur.Mark = r
	case p.runRPr:
		// a run's own w:rPr has no meaningful ins/del
	default:
		p.revs = append(p.revs, r)
	}
}

func (p *bodyParser) paraProperty(se xml.StartElement) {
	switch se.Name.Local {
	case "pStyle":
		p.cur.Style = attr(se, "val")
	case "ilvl":
		if v := attr(se, "val"); len(v) == 1 && v[0] >= '0' && v[0] <= '9' {
			p.ilvl = int(v[0] - '0')
		}
	}
}

func (p *bodyParser) fieldChar(kind string) {
	switch kind {
	case "begin":
		p.fields = append(p.fields, true)
	case "separate":
		if n := len(p.fields); n > 0 {
			p.fields[n-1] = false
		}
	case "end":
		if n := len(p.fields); n > 0 {
			p.fields = p.fields[:n-1]
		}
	}
}

func isOurs(name string) bool {
	for _, pre := range []string{prefixFront, prefixArticle, prefixHead, prefixBody} {
		if strings.HasPrefix(name, pre) {
			return true
		}
	}
	return false
}

func (p *bodyParser) bookmarkStart(id, name string) {
	if !isOurs(name) {
		return
	}
	p.marks[id] = name
	if p.cur == nil {
		p.pendingS = append(p.pendingS, name)
		return
	}
	p.cur.Starts = append(p.cur.Starts, name)
}

func (p *bodyParser) bookmarkEnd(id string) {
	name, ok := p.marks[id]
	if !ok {
		return
	}
	delete(p.marks, id)
	switch {
	case p.cur != nil:
		p.cur.Ends = append(p.cur.Ends, name)
	case len(p.paras) > 0:
		last := &p.paras[len(p.paras)-1]
		last.Ends = append(last.Ends, name)
	}
}

func (p *bodyParser) startParagraph() {
	if p.cur != nil {
		p.nested++
		return
	}
	p.cur = &Paragraph{InTable: p.inTable > 0, Starts: p.pendingS}
	p.pendingS, p.ilvl = nil, -1
}

func (p *bodyParser) end(ee xml.EndElement) {
	switch ee.Name.Local {
	case "p":
		if p.nested > 0 {
			p.nested--
			return
		}
		if p.cur != nil {
			p.cur.Level = levelOf(p.cur.Style, p.ilvl)
			p.paras = append(p.paras, *p.cur)
			p.cur = nil
		}
	case "pPr":
		p.inPPr = false
	case "rPr":
		p.markRPr, p.runRPr = false, false
	case "t", "delText":
		p.textOn = false
	case "ins", "del", "moveFrom", "moveTo":
		if n := len(p.revs); n > 0 && !p.markRPr && !p.runRPr {
			p.revs = p.revs[:n-1]
		}
	case "tbl":
		p.inTable--
	}
}

// levelOf is a block's level from its style, or from its numbering level
// when the style is not one of ours.
func levelOf(style string, ilvl int) int {
	switch {
	case style == styleItemA || ilvl == 2 && style != styleItemI:
		return 1
	case style == styleItemI || ilvl == 3:
		return 2
	}
	return 0
}

func (p *bodyParser) text(s string) {
	if p.textOn {
		p.text1(s)
	}
}

// text1 appends text to the paragraph with the current formatting and
// tracked change, merging it into the last segment when both agree.
func (p *bodyParser) text1(s string) {
	if p.cur == nil || s == "" || len(p.fields) > 0 && p.fields[len(p.fields)-1] {
		return
	}
	seg := Segment{Text: s, Bold: p.bold, Rev: p.effectiveRev()}
	segs := p.cur.Segments
	if n := len(segs); n > 0 && segs[n-1].Bold == seg.Bold && segs[n-1].Rev == seg.Rev {
		segs[n-1].Text += s
		return
	}
	p.cur.Segments = append(segs, seg)
}

// effectiveRev combines nested changes: an insertion someone deleted is
// ins>del, whoever did what; otherwise the innermost change counts.
func (p *bodyParser) effectiveRev() Rev {
	if len(p.revs) == 0 {
		return Rev{}
	}
	ins, del := false, false
	for _, r := range p.revs {
		ins = ins || r.Kind == RevIns || r.Kind == RevMoveTo
		del = del || r.Kind == RevDel || r.Kind == RevMoveFrom
	}
	r := p.revs[len(p.revs)-1]
	if ins && del {
		r.Kind = RevInsDel
	}
	return r
}
