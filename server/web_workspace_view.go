package server

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// clausePanel is one clause in the workspace: its text now, the pending
// change with its redline (and three-way view when the edits conflict),
// every change ever proposed to it and its comment threads.
type clausePanel struct {
	ID, Number, Title, Key, Position, Status string
	Version, KeptVersion                     int
	Body                                     markupView
	Text                                     string // the current markup in the workspace language, for the edit form
	Pending                                  *amendView
	History                                  []amendView
	SignOffs                                 []amendView // walk-away changes awaiting an approver (city view only)
	Comments                                 []commentView
	MyTurn, CanPropose, Deleted              bool
	Amend                                    *amendForms // position and values forms, when CanPropose
}

type amendView struct {
	ID, Kind, Author, Org, Side, At, Rationale, Status string
	Reason, DecidedBy, Summary, After, Counters        string
	Redline                                            template.HTML // negotiation.TextDiff.HTML: escaped text, <ins>/<del> only
	Verdict                                            *verdictView
	Conflict                                           *negotiation.MergeConflict
	ConflictOurs, ConflictTheirs                       template.HTML // base → each side, folded: where the edits overlap
	AwaitingSignOff                                    bool
	SignedOff, SignOffNote                             string
	Mine                                               bool
}

type verdictView struct {
	Level   string
	Reasons []string
}

type commentView struct {
	ID, Author, Org, At, Text string
	Internal                  bool
	Replies                   []commentView
}

func panel(p identity.Principal, v *negotiation.State, cs *negotiation.ClauseState, lang clauses.Lang, ui string) *clausePanel {
	final := v.Final != nil
	me := mySide(p)
	shown := cs.Text // the agreed text; a pending change is shown as a redline
	cp := &clausePanel{ID: cs.ID, Number: cs.Number, Title: cs.Title.In(lang), Key: cs.ClauseKey, Position: cs.Position,
		Status: clauseBadge(v, cs, p.IsCity()), Version: cs.Version, KeptVersion: cs.KeptVersion, Deleted: cs.Deleted,
		Body: contractMarkup(&v.Contract, shown.In(lang), lang), Text: v.Displayed(cs).In(lang),
		MyTurn: !final && v.Turn(cs) == me}
	cp.CanPropose = !final && v.Opened && !cs.Deleted && authz.Can(p, authz.Propose) && !cp.MyTurn
	for i := len(v.AmendOrder) - 1; i >= 0; i-- {
		a := v.Amendments[v.AmendOrder[i]]
		if a.ClauseID != cs.ID {
			continue
		}
		av := viewAmendment(a, &v.Contract, lang, ui, me)
		if av.AwaitingSignOff {
			cp.SignOffs = append(cp.SignOffs, av)
		}
		if a.ID == cs.Pending {
			cp.Pending = &av
		} else {
			cp.History = append(cp.History, av)
		}
	}
	cp.Comments = threads(v.Comments, cs.ID)
	return cp
}

func viewAmendment(a *negotiation.AmendmentState, c *templates.Contract, lang clauses.Lang, ui string, me negotiation.Side) amendView {
	l := lang
	if a.Kind == negotiation.AmendText && a.Lang != "" {
		l = a.Lang
	}
	av := amendView{ID: a.ID, Kind: string(a.Kind), Author: a.Author.Name, Org: a.Author.Org, Side: string(a.Author.Side),
		At: a.At.Format("2006-01-02 15:04"), Rationale: a.Rationale, Status: string(a.Status), Reason: a.Reason,
		Summary: amendSummary(a, ui), After: a.After.In(l), AwaitingSignOff: a.AwaitingSignOff(),
		SignOffNote: a.SignOffNote, Mine: a.Author.Side == me, Counters: a.Counters,
		Redline: readableRedline(c, a.Before.In(l), a.After.In(l), l)}
	if a.Conflict != nil {
		mc := *a.Conflict
		mc.Base, mc.Ours, mc.Theirs = readableText(c, mc.Base, mc.Lang), readableText(c, mc.Ours, mc.Lang), readableText(c, mc.Theirs, mc.Lang)
		av.Conflict = &mc
		av.ConflictOurs, av.ConflictTheirs = foldedRedline(mc.Base, mc.Ours), foldedRedline(mc.Base, mc.Theirs)
	}
	if a.DecidedBy != nil {
		av.DecidedBy = a.DecidedBy.Name
	}
	if a.SignedOff != nil {
		av.SignedOff = a.SignedOff.Name
	}
	if a.Verdict.Level != "" { // blank in a vendor's view
		vv := &verdictView{Level: string(a.Verdict.Level)}
		for _, r := range a.Verdict.Reasons {
			vv.Reasons = append(vv.Reasons, r.In(clauses.Lang(ui)))
		}
		av.Verdict = vv
	}
	return av
}

// foldedRedline is the word redline from a to b, unchanged paragraphs
// folded.
func foldedRedline(a, b string) template.HTML {
	return template.HTML(foldRedline(negotiation.DiffText(a, b).HTML())) // #nosec: negotiation escapes the text and adds only <ins>/<del>
}

// amendSummary says in words what a non-text amendment does.
func amendSummary(a *negotiation.AmendmentState, ui string) string {
	switch a.Kind {
	case negotiation.AmendPosition:
		return fmt.Sprintf(translate(ui, "amend.position"), a.Position)
	case negotiation.AmendDelete:
		return translate(ui, "amend.delete")
	case negotiation.AmendVariables:
		return valuesSummary(a, ui, func(name string) string { return name })
	}
	return ""
}

// valuesSummary lists a value change's new values, each variable named by
// label.
func valuesSummary(a *negotiation.AmendmentState, ui string, label func(string) string) string {
	var parts []string
	for name, v := range a.NewVals {
		parts = append(parts, label(name)+" = "+v.Format(clauses.Lang(ui)))
	}
	sort.Strings(parts)
	return translate(ui, "amend.values") + " " + strings.Join(parts, "; ")
}

// threads arranges a clause's comments into threads, oldest first.
func threads(all []negotiation.CommentState, clauseID string) []commentView {
	var out []commentView
	index := map[string]int{}
	for _, m := range all {
		if m.ClauseID != clauseID {
			continue
		}
		cv := commentView{ID: m.ID, Author: m.Author.Name, Org: m.Author.Org, At: m.At.Format("2006-01-02 15:04"), Text: m.Text, Internal: m.Internal}
		if i, ok := index[m.ParentID]; ok && m.ParentID != "" {
			out[i].Replies = append(out[i].Replies, cv)
			index[m.ID] = i
			continue
		}
		index[m.ID] = len(out)
		out = append(out, cv)
	}
	return out
}

// commentFormData is the argument of the "commentform" partial: a new
// comment on a clause, or a reply when Parent is set.
type commentFormData struct {
	D                      pageData
	B                      workspaceBody
	Clause, Parent, Prefix string
	Problem, Text          string
}

func commentForm(d pageData, clause, parent string) commentFormData {
	b, _ := d.Body.(workspaceBody)
	f := commentFormData{D: d, B: b, Clause: clause, Parent: parent, Prefix: "comment-new"}
	if parent != "" {
		f.Prefix = "comment-" + parent
	}
	if b.Form != nil && b.Form.Form == "comment-"+parent {
		f.Problem, f.Text = b.Form.Message, b.Form.Text
	}
	return f
}
