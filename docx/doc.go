// Package docx writes a contract as a Word document (WordprocessingML,
// ECMA-376 transitional) with real tracked changes, and reads a document
// that came back from Word or LibreOffice into per-clause texts and
// tracked changes.
//
// It is written with archive/zip and encoding/xml only: no Go library keeps
// w:ins, w:del and bookmarks through a load and save (see
// ../../shared/DOCX.md). Each clause carries its ID in hidden bookmarks:
// "_ch_<id>" around its heading and "_cl_<id>" around its body paragraphs.
// The export is regenerated from the negotiation state on every download,
// never patched, and the same state and options always give the same
// bytes. Only package server imports this package.
package docx

import (
	"time"

	"github.com/civicpact/civicpact/clauses"
)

// Options say what to export.
type Options struct {
	// Lang is the language of the document; it must be one of the
	// contract's languages.
	Lang clauses.Lang
	// WithProposals shows every pending amendment as tracked insertions
	// and deletions by the proposing party, dated when it was proposed.
	WithProposals bool
	// Revision and Fingerprint are written to the custom document
	// properties; zero values take the state's revision and the agreed
	// content's fingerprint.
	Revision    int64
	Fingerprint string
}

// Custom document property names (docProps/custom.xml).
const (
	PropContract    = "CivicpactContract"
	PropRevision    = "CivicpactRevision"
	PropFingerprint = "CivicpactFingerprint"
	PropLang        = "CivicpactLang"
	PropProposals   = "CivicpactProposals"
)

// RevKind says how a tracked change touches a run of text or a paragraph
// mark.
type RevKind string

// The revision kinds. InsDel is text one author inserted and another
// deleted (w:ins around w:del): it is in neither the original nor the
// result.
const (
	RevNone     RevKind = ""
	RevIns      RevKind = "ins"
	RevDel      RevKind = "del"
	RevInsDel   RevKind = "ins>del"
	RevMoveFrom RevKind = "moveFrom"
	RevMoveTo   RevKind = "moveTo"
)

// inOriginal reports whether text of this kind is in the "reject all" view.
func (k RevKind) inOriginal() bool { return k == RevNone || k == RevDel || k == RevMoveFrom }

// inResult reports whether text of this kind is in the "accept all" view.
func (k RevKind) inResult() bool { return k == RevNone || k == RevIns || k == RevMoveTo }

// Rev is a tracked change: its kind, w:author and w:date (zero when the
// file gave none).
type Rev struct {
	Kind   RevKind   `json:"kind"`
	Author string    `json:"author,omitempty"`
	Date   time.Time `json:"date,omitzero"`
}

// Segment is a run of text with the formatting civicpact gives meaning to
// (bold: a defined term) and the tracked change it belongs to, if any.
type Segment struct {
	Text string `json:"text"`
	Bold bool   `json:"bold,omitempty"`
	Rev  Rev    `json:"rev"`
}

// Paragraph is one w:p of the body.
type Paragraph struct {
	Style string `json:"style"`
	// Level is the numbering level of a clause block: 0 for a paragraph,
	// 1 for an (a) item, 2 for an (i) item.
	Level int `json:"level"`
	// NumID, when not zero, overrides the style's numbering instance (a
	// list that restarts at (a)).
	NumID    int       `json:"num_id,omitempty"`
	Starts   []string  `json:"starts,omitempty"` // civicpact bookmarks starting here
	Ends     []string  `json:"ends,omitempty"`   // civicpact bookmarks ending here
	Segments []Segment `json:"segments"`
	// Mark is the tracked change of the paragraph mark: inserted (a split
	// or a new paragraph) or deleted (merged with the next one).
	Mark Rev `json:"mark"`
	// FormatChanges counts w:rPrChange and w:pPrChange (formatting-only
	// tracked changes); Comments counts comment anchors; InTable is set
	// for a paragraph inside a table.
	FormatChanges int  `json:"format_changes,omitempty"`
	Comments      int  `json:"comments,omitempty"`
	InTable       bool `json:"in_table,omitempty"`
}

// text returns the paragraph's text in one view, without the mark.
func (p *Paragraph) text(keep func(RevKind) bool) string {
	var b []byte
	for _, s := range p.Segments {
		if keep(s.Rev.Kind) {
			b = append(b, s.Text...)
		}
	}
	return string(b)
}

// hasRevisions reports whether any text or the mark is tracked.
func (p *Paragraph) hasRevisions() bool {
	if p.Mark.Kind != RevNone {
		return true
	}
	for _, s := range p.Segments {
		if s.Rev.Kind != RevNone {
			return true
		}
	}
	return false
}

// onlyInserted reports whether the paragraph has text and all of it is
// tracked as inserted (or moved here).
func (p *Paragraph) onlyInserted() bool {
	n := 0
	for _, s := range p.Segments {
		if s.Text == "" {
			continue
		}
		if s.Rev.Kind != RevIns && s.Rev.Kind != RevMoveTo {
			return false
		}
		n++
	}
	return n > 0
}

// View returns the text of paragraphs in the "reject all" (original false)
// or "accept all" (result true) view: paragraph marks present in that view
// end a line with "\n".
func View(ps []Paragraph, result bool) string {
	keep := RevKind.inOriginal
	if result {
		keep = RevKind.inResult
	}
	var b []byte
	for i := range ps {
		b = append(b, ps[i].text(keep)...)
		if keep(ps[i].Mark.Kind) {
			b = append(b, '\n')
		}
	}
	return string(b)
}
