package docx

import (
	"strconv"
	"strings"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
)

// Source is the export a returned file says it came from.
type Source struct {
	ContractID    string       `json:"contract_id"`
	Revision      int64        `json:"revision"`
	Fingerprint   string       `json:"fingerprint"`
	Lang          clauses.Lang `json:"lang"`
	WithProposals bool         `json:"with_proposals"`
}

// Source reads the custom properties Export wrote.
func (r *Report) Source() (Source, error) {
	p := r.Properties
	rev, err := strconv.ParseInt(p[PropRevision], 10, 64)
	lang := clauses.Lang(p[PropLang])
	if p[PropContract] == "" || err != nil || rev < 1 || (lang != clauses.EN && lang != clauses.FR) {
		return Source{}, apperr.New(apperr.Invalid, "the file was not exported by civicpact (its custom properties %s, %s and %s are missing): download the contract for Word first",
			PropContract, PropRevision, PropLang)
	}
	return Source{ContractID: p[PropContract], Revision: rev, Fingerprint: p[PropFingerprint], Lang: lang,
		WithProposals: p[PropProposals] == "true"}, nil
}

// Status is what an import makes of one clause.
type Status string

// The statuses. Only StatusProposed clauses become amendments.
const (
	StatusProposed  Status = "proposed"         // tracked changes: Text is the clause's new markup
	StatusUnchanged Status = "unchanged"        // no tracked change beyond those exported
	StatusUntracked Status = "untracked_edit"   // the "reject all" text is not the text sent
	StatusMissing   Status = "missing_bookmark" // the clause's bookmark is gone (deleted without tracking?)
	StatusInvalid   Status = "invalid_text"     // the accepted text is not valid clause text
)

// Outcome is one clause of an import. Expected, Found and Diff explain a
// clause that was not imported; Notes list what was seen but not taken.
type Outcome struct {
	ClauseID string   `json:"clause_id"`
	Number   string   `json:"number"`
	Title    string   `json:"title"`
	Status   Status   `json:"status"`
	Text     string   `json:"text,omitempty"`
	Changes  []Change `json:"changes,omitempty"`
	Expected string   `json:"expected,omitempty"`
	Found    string   `json:"found,omitempty"`
	Diff     string   `json:"diff,omitempty"`
	Notes    []string `json:"notes,omitempty"`
}

// Reconciliation is a returned file compared with the export it came from.
type Reconciliation struct {
	Source  Source    `json:"source"`
	Clauses []Outcome `json:"clauses"`
	// Outside lists text outside every clause, and other findings about
	// the whole document.
	Outside []string `json:"outside,omitempty"`
}

// Reconcile compares rep with the export of st (the contract as it was at
// src.Revision) and says, per clause, what to propose and what not to
// import and why. The "reject all" text of each clause must equal the text
// exported, compared by normalize (white space, NBSP and curly quotes
// folded); the "accept all" text becomes the clause's new markup.
func Reconcile(st *negotiation.State, rep Report, src Source) (Reconciliation, error) {
	m, err := build(st, Options{Lang: src.Lang, WithProposals: src.WithProposals, Revision: src.Revision})
	if err != nil {
		return Reconciliation{}, err
	}
	out := Reconciliation{Source: src}
	if fp := m.prop(PropFingerprint); src.Fingerprint != "" && fp != src.Fingerprint {
		out.Outside = append(out.Outside, "the file's fingerprint does not match revision "+strconv.FormatInt(src.Revision, 10)+" of the contract")
	}
	found := map[string]*Group{}
	for i := range rep.Groups {
		g := &rep.Groups[i]
		if _, dup := found[g.Anchor]; g.Anchor != "" && !dup {
			found[g.Anchor] = g
		}
	}
	c := st.AgreedContract()
	for _, ci := range m.clauses {
		o := reconcileClause(ci, found, newRebuilder(&c, src.Lang, ci.Base, ci.Shown))
		o.Notes = append(o.Notes, orphanNotes(rep.Groups, ci.Body, &o)...)
		out.Clauses = append(out.Clauses, o)
	}
	out.Outside = append(out.Outside, outsideNotes(rep, m)...)
	return out, nil
}

// prop returns the value of one of the model's custom properties.
func (m *model) prop(name string) string {
	for _, p := range m.props {
		if p[0] == name {
			return p[1]
		}
	}
	return ""
}

// reconcileClause decides one clause.
func reconcileClause(ci clauseInfo, found map[string]*Group, rb *rebuilder) Outcome {
	o := Outcome{ClauseID: ci.ID, Number: ci.Number, Title: ci.Title}
	want := Group{Paragraphs: ci.bodyParas}
	want.summarise()
	o.Notes = headNotes(ci, found[ci.Head])
	g, ok := found[ci.Body]
	if !ok {
		o.Status, o.Expected = StatusMissing, normalize(want.Original)
		return o
	}
	o.Notes = append(o.Notes, countNotes(g)...)
	if exp, got := normalize(want.Original), normalize(g.Original); exp != got {
		o.Status, o.Expected, o.Found, o.Diff = StatusUntracked, exp, got, shortDiff(exp, got)
		return o
	}
	if normalize(g.Result) == normalize(want.Result) {
		o.Status = StatusUnchanged
		return o
	}
	text, err := rb.markup(acceptBlocks(g.Paragraphs))
	if err != nil || text == "" {
		o.Status, o.Found = StatusInvalid, normalize(g.Result)
		if err != nil {
			o.Notes = append(o.Notes, err.Error())
		} else {
			o.Notes = append(o.Notes, "every paragraph of the clause is deleted: propose the deletion of the clause in civicpact")
		}
		return o
	}
	o.Status, o.Text, o.Changes = StatusProposed, text, g.Changes
	return o
}

// headNotes reports edits of a clause heading, which an import never takes.
func headNotes(ci clauseInfo, g *Group) []string {
	if g == nil {
		return []string{"the heading's bookmark is missing"}
	}
	want := Group{Paragraphs: ci.headParas}
	want.summarise()
	var notes []string
	if normalize(g.Original) != normalize(want.Original) {
		notes = append(notes, "the heading was edited without tracking: "+shortDiff(normalize(want.Original), normalize(g.Original)))
	}
	if normalize(g.Result) != normalize(want.Result) {
		notes = append(notes, "tracked changes to the heading are not imported")
	}
	return notes
}

func countNotes(g *Group) []string {
	var notes []string
	if g.FormatChanges > 0 {
		notes = append(notes, strconv.Itoa(g.FormatChanges)+" formatting-only change(s) not imported")
	}
	if g.Comments > 0 {
		notes = append(notes, strconv.Itoa(g.Comments)+" comment(s) not imported")
	}
	if g.Tables > 0 {
		notes = append(notes, "a table inside the clause is not imported")
	}
	return notes
}

// orphanNotes turns untracked text typed after a clause's body into an
// untracked edit of that clause.
func orphanNotes(gs []Group, body string, o *Outcome) []string {
	var notes []string
	for _, g := range gs {
		if g.Anchor != "" || g.After != body {
			continue
		}
		text := normalize(g.Original)
		if text == "" {
			continue
		}
		notes = append(notes, "text added after the clause without tracking: "+clip(text, 200))
		if o.Status == StatusProposed || o.Status == StatusUnchanged {
			o.Status, o.Found, o.Text, o.Changes = StatusUntracked, text, "", nil
		}
	}
	return notes
}

// outsideNotes reports text outside every clause and other whole-document
// findings.
func outsideNotes(rep Report, m *model) []string {
	bodies := map[string]bool{}
	for _, ci := range m.clauses {
		bodies[ci.Body] = true
	}
	var notes []string
	for _, g := range rep.Groups {
		if g.Anchor == "" && !bodies[g.After] && normalize(g.Original+g.Result) != "" {
			notes = append(notes, "text outside every clause (after "+strings.TrimPrefix(g.After, "_")+"): "+clip(normalize(g.Result), 200))
		}
	}
	notes = append(notes, frameNotes(rep, m)...)
	if rep.Comments > 0 {
		notes = append(notes, strconv.Itoa(rep.Comments)+" comment(s) in the file: comments are not imported")
	}
	if rep.Tables > 0 {
		notes = append(notes, strconv.Itoa(rep.Tables)+" table(s) in the file: tables are not imported")
	}
	for _, part := range rep.Elsewhere {
		notes = append(notes, "tracked changes in "+part+" are not imported")
	}
	if rep.PersonalInfoRemoved {
		notes = append(notes, "Word removed personal information: revision authors read \"Author\"; the uploader is the proposer")
	}
	return notes
}

// frameNotes reports edits of the title, recitals and article headings,
// which an import never takes.
func frameNotes(rep Report, m *model) []string {
	found := map[string]Group{}
	for _, g := range rep.Groups {
		found[g.Anchor] = g
	}
	var notes []string
	for _, want := range group(m.paras) {
		if !strings.HasPrefix(want.Anchor, prefixFront) && !strings.HasPrefix(want.Anchor, prefixArticle) {
			continue
		}
		where := "the title and recitals"
		if strings.HasPrefix(want.Anchor, prefixArticle) {
			where = "the heading of article " + strings.TrimPrefix(want.Anchor, prefixArticle)
		}
		g, ok := found[want.Anchor]
		switch {
		case !ok:
			notes = append(notes, "the bookmark of "+where+" is missing")
		case normalize(g.Original) != normalize(want.Original):
			notes = append(notes, where+" edited without tracking (not imported): "+shortDiff(normalize(want.Original), normalize(g.Original)))
		case normalize(g.Result) != normalize(want.Result):
			notes = append(notes, "tracked changes to "+where+" are not imported: "+shortDiff(normalize(want.Result), normalize(g.Result)))
		}
	}
	return notes
}

// shortDiff shows the word changes from a to b with a little context:
// [-deleted-]{+inserted+}.
func shortDiff(a, b string) string {
	var s strings.Builder
	for _, ch := range negotiation.DiffText(a, b).Changes {
		switch ch.Op {
		case negotiation.OpEqual:
			s.WriteString(elide(ch.Text, 40))
		case negotiation.OpDelete:
			s.WriteString("[-" + ch.Text + "-]")
		case negotiation.OpInsert:
			s.WriteString("{+" + ch.Text + "+}")
		}
	}
	return clip(s.String(), 600)
}

// elide keeps at most n bytes at each end of an unchanged run.
func elide(s string, n int) string {
	if len(s) <= 2*n+3 {
		return s
	}
	return clip(s, n) + " … " + tail(s, n)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func tail(s string, n int) string {
	i := len(s) - n
	for i < len(s) && !utf8Start(s[i]) {
		i++
	}
	return s[i:]
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
