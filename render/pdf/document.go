// Package pdf renders contracts and redlines as signature-ready PDF files.
//
// It is the only package that imports fpdf. Callers map their domain types
// onto the plain data model defined here (Document, Redline) and call Render
// or RenderRedline. Output is deterministic: the same model always gives the
// same bytes, so a rendered contract can be fingerprinted and compared.
package pdf

import "time"

// Document is a contract ready to be laid out: a title page, a table of
// contents, the preamble, numbered articles and clauses, schedules, the
// schedule of deviations and a signature page.
type Document struct {
	// Lang is "en" or "fr"; it selects labels, "Page X of Y" and date format.
	Lang           string
	Title          string
	Subtitle       string
	ContractID     string
	ProcurementRef string
	Route          string
	TemplateRef    string
	LibraryRef     string
	Parties        []Party
	// Fingerprint is the hex SHA-256 of the agreed content. It is printed in
	// full on the title and signature pages and shortened in footers.
	Fingerprint string
	// Date is the contract's own date; it is also the PDF creation and
	// modification date, which keeps output byte-stable.
	Date        time.Time
	Preamble    []Paragraph
	Articles    []Article
	Schedules   []Schedule
	Deviations  []Deviation
	Signatories []Signatory
	// Witness is the testimonium above the signature blocks; empty means the
	// standard sentence in Lang.
	Witness string
	// Keywords are clause keys, stored in the document properties.
	Keywords []string
	// Author is the organisation that authored the document.
	Author string
	// Draft marks every page with a diagonal DRAFT / PROJET watermark.
	Draft bool
}

// Party is one party to the contract.
type Party struct {
	Name    string
	Role    string // "City", "Vendor", or the defined term used in the text
	Address string
}

// Paragraph is a run of styled text.
type Paragraph struct {
	Runs []Run
}

// Article is a numbered group of clauses.
type Article struct {
	Number  string
	Title   string
	Clauses []Clause
}

// Clause is a numbered clause; Ref names its library source, e.g.
// "SCL-IP-01 v1 · C", and is printed small beside the heading.
type Clause struct {
	Number string
	Title  string
	Ref    string
	Blocks []Block
}

// Block is a paragraph of a clause. Level 0 is a body paragraph, level 1 a
// "(a)" sub-clause and level 2 a "(i)" sub-sub-clause; Label holds "(a)".
type Block struct {
	Level int
	Label string
	Runs  []Run
}

// Run is text in one style. Word boundaries are spaces inside the text, so a
// run may end in the middle of a word (an inserted suffix, for example).
type Run struct {
	Text  string
	Style RunStyle
}

// RunStyle is how a run is typeset.
type RunStyle int

// The run styles. Term is a defined term (bold); Inserted, Deleted and Moved
// are redline marks.
const (
	Normal RunStyle = iota
	Term
	Emphasis
	Inserted
	Deleted
	Moved
)

// Schedule is an annex made of introductory paragraphs and tables.
type Schedule struct {
	// Label is the schedule's letter ("A"); empty means its place in the
	// list, so schedules left out of a contract leave no gap unless labelled.
	Label  string
	Title  string
	Intro  []Paragraph
	Tables []Table
}

// Table is a simple grid; long cells wrap.
type Table struct {
	Columns []string
	Rows    [][]string
}

// Deviation is one approved departure from the standard clause library.
type Deviation struct {
	ClauseNumber string
	ClauseRef    string // clause key and version, e.g. "SCL-IP-01 v2"
	Summary      string
	Party        string // who asked for it
	ApprovedBy   string
	Rationale    string
}

// Signatory is one person who signs for a party.
type Signatory struct {
	Name         string
	Title        string
	Organisation string
	Authority    string // the by-law or resolution that authorises signing
}

// Text returns a paragraph with a single normal run.
func Text(s string) Paragraph { return Paragraph{Runs: []Run{{Text: s}}} }
