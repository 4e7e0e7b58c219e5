package docx

import (
	"slices"
	"strconv"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// Paragraph styles. Heading1 and Heading2 carry the article and clause
// numbers; ClauseItemA and ClauseItemI the (a) and (i) labels.
const (
	styleTitle   = "Title"
	styleArticle = "Heading1"
	styleClause  = "Heading2"
	styleText    = "ClauseText"
	styleItemA   = "ClauseItemA"
	styleItemI   = "ClauseItemI"
)

// Bookmark prefixes: the front matter, article headings, clause headings
// and clause bodies.
const (
	prefixFront   = "_cx_"
	prefixArticle = "_ca_"
	prefixHead    = "_ch_"
	prefixBody    = "_cl_"
)

func levelStyle(level int) string {
	switch level {
	case 1:
		return styleItemA
	case 2:
		return styleItemI
	}
	return styleText
}

// model is a document ready to be written, and what an import needs to
// compare a returned file with it.
type model struct {
	lang     clauses.Lang
	title    string
	date     time.Time
	props    [][2]string // custom properties, in order
	paras    []Paragraph
	restarts int // extra numbering instances (w:numId 2 …)
	clauses  []clauseInfo
}

// clauseInfo is one clause as exported.
type clauseInfo struct {
	ID, Number, Title string
	Head, Body        string // bookmark names
	Base, Shown       string // markup: the agreed text and the text shown (with a pending amendment)
	headParas         []Paragraph
	bodyParas         []Paragraph
}

// build lays out the state's agreed contract in opts.Lang, with pending
// amendments as tracked changes when opts.WithProposals is set.
func build(st *negotiation.State, opts Options) (*model, error) {
	if !slices.Contains(st.Contract.Languages, opts.Lang) {
		return nil, apperr.Fields("invalid export", []apperr.FieldError{{Path: "lang", Message: "must be one of the contract's languages"}})
	}
	agreed := st.AgreedContract()
	m := &model{lang: opts.Lang, title: agreed.Title.In(opts.Lang), date: exportDate(st)}
	m.props = properties(st, &agreed, opts)
	m.front(&agreed)
	for _, a := range agreed.Articles {
		name := bookmarkName(prefixArticle, strconv.Itoa(a.Number))
		m.paras = append(m.paras, Paragraph{Style: styleArticle, Starts: []string{name}, Ends: []string{name},
			Segments: []Segment{{Text: clauses.Typeset(a.Title.In(opts.Lang), opts.Lang)}}})
		for _, in := range a.Clauses {
			if err := m.clause(st, &agreed, in, opts.WithProposals); err != nil {
				return nil, err
			}
		}
	}
	return m, nil
}

func exportDate(st *negotiation.State) time.Time {
	if !st.UpdatedAt.IsZero() {
		return st.UpdatedAt.UTC().Truncate(time.Second)
	}
	return st.Contract.CreatedAt.UTC().Truncate(time.Second)
}

func properties(st *negotiation.State, agreed *templates.Contract, opts Options) [][2]string {
	rev, fp := opts.Revision, opts.Fingerprint
	if rev == 0 {
		rev = st.Revision
	}
	if fp == "" {
		fp = templates.Fingerprint(agreed)
	}
	return [][2]string{{PropContract, st.Contract.ID}, {PropRevision, strconv.FormatInt(rev, 10)},
		{PropFingerprint, fp}, {PropLang, string(opts.Lang)}, {PropProposals, strconv.FormatBool(opts.WithProposals)}}
}

// front writes the title and the recitals inside one bookmark.
func (m *model) front(c *templates.Contract) {
	name := prefixFront + "front"
	start := len(m.paras)
	m.paras = append(m.paras, Paragraph{Style: styleTitle, Segments: []Segment{{Text: clauses.Typeset(m.title, m.lang)}}})
	for _, r := range c.Recitals {
		f, err := clauseFlow(r.In(m.lang), c, m.lang)
		if err != nil {
			continue // recitals are checked at assembly; an unparsable one is left out
		}
		m.paras = append(m.paras, paragraphs(f, f, Rev{})...)
	}
	m.paras[start].Starts = []string{name}
	last := &m.paras[len(m.paras)-1]
	last.Ends = append(last.Ends, name)
}

// clause appends a clause's heading and body paragraphs.
func (m *model) clause(st *negotiation.State, c *templates.Contract, in templates.Instance, proposals bool) error {
	cs := st.Clauses[in.ID]
	ci := clauseInfo{ID: in.ID, Number: in.Number, Title: in.Title.In(m.lang),
		Head: bookmarkName(prefixHead, in.ID), Body: bookmarkName(prefixBody, in.ID)}
	ci.Base, ci.Shown = cs.Text.In(m.lang), cs.Text.In(m.lang)
	var rev Rev
	if proposals && cs.Pending != "" {
		a := st.Amendments[cs.Pending]
		ci.Shown = st.Displayed(cs).In(m.lang)
		rev = Rev{Author: partyName(a.Author), Date: a.At.UTC().Truncate(time.Second)}
	}
	base, err := clauseFlow(ci.Base, c, m.lang)
	if err != nil {
		return apperr.Wrap(apperr.Internal, err, "clause %s", in.ID)
	}
	shown, err := clauseFlow(ci.Shown, c, m.lang)
	if err != nil {
		return apperr.Wrap(apperr.Internal, err, "clause %s", in.ID)
	}
	head := Paragraph{Style: styleClause, Starts: []string{ci.Head}, Ends: []string{ci.Head},
		Segments: []Segment{{Text: clauses.Typeset(ci.Title, m.lang)}}}
	if len(shown.text) == 0 && len(base.text) > 0 { // a proposed deletion of the whole clause
		head.Segments[0].Rev, head.Mark = Rev{RevDel, rev.Author, rev.Date}, Rev{RevDel, rev.Author, rev.Date}
	}
	body := paragraphs(base, shown, rev)
	if len(body) == 0 {
		body = []Paragraph{{Style: styleText}}
	}
	m.restartLists(body)
	body[0].Starts = []string{ci.Body}
	body[len(body)-1].Ends = []string{ci.Body}
	ci.headParas, ci.bodyParas = []Paragraph{head}, body
	m.paras = append(m.paras, head)
	m.paras = append(m.paras, body...)
	m.clauses = append(m.clauses, ci)
	return nil
}

// partyName is how a proposal's author appears in Word: the organisation.
func partyName(a negotiation.Actor) string {
	if a.Org != "" {
		return a.Org
	}
	return a.Name
}

// restartLists gives every (a) list after the first one in a clause its own
// numbering instance, so that it starts again at (a) as the markup does.
func (m *model) restartLists(body []Paragraph) {
	lists, num, inList := 0, 0, false
	for i := range body {
		switch {
		case body[i].Level == 0:
			inList = false
		case !inList:
			inList, lists = true, lists+1
			num = 0
			if lists > 1 {
				m.restarts++
				num = 1 + m.restarts
			}
		}
		if body[i].Level > 0 {
			body[i].NumID = num
		}
	}
}
