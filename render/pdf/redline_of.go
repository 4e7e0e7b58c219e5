package pdf

import (
	"fmt"
	"strings"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// RedlineOf maps a clause-aware diff between revisions from and to onto a
// Redline in lang. st is the contract's state at revision to: it gives the
// clause order, numbers and titles, each changed clause's status and the
// amendment behind it, the date (of revision to) and the fingerprint.
// Every clause of the contract is listed, changed ones in full with their
// marks, unchanged ones by heading; deleted clauses stay in their place.
// forVendor leaves the playbook's verdicts out of the summary table.
func RedlineOf(st *negotiation.State, diff negotiation.DocumentDiff, from, to int64, lang clauses.Lang, forVendor bool) Redline {
	l := domainLabelsFor(lang)
	agreed := st.AgreedContract()
	rl := Redline{Lang: string(lang), Title: agreed.Title.In(lang), ContractID: agreed.ID,
		Fingerprint: templates.Fingerprint(&agreed), Date: contractDate(st), Author: cityName(&agreed),
		From: fmt.Sprintf(l.revision, from), To: fmt.Sprintf(l.revision, to), HideVerdicts: forVendor}
	if st.Final != nil {
		rl.Fingerprint = st.Final.Fingerprint
	}
	changes := make(map[string]negotiation.ClauseChange, len(diff.Clauses))
	for _, ch := range diff.Clauses {
		changes[ch.ID] = ch
	}
	article := 0
	for _, id := range st.Order {
		cs := st.Clauses[id]
		ch, changed := changes[id]
		if cs.Deleted && !changed {
			continue
		}
		rc := RedlineClause{Unchanged: !changed}
		if cs.Article != article {
			article = cs.Article
			rc.Article = articleHeading(&agreed, article, lang)
		}
		rc.Clause = Clause{Number: cs.Number, Title: clauses.Typeset(cs.Title.In(lang), lang), Ref: clauseRef(cs.Instance)}
		if changed {
			rc.Clause.Blocks = changedBlocks(st, cs, ch, &agreed, lang)
			rl.Summary = append(rl.Summary, summaryRow(st, cs, ch, to, lang, forVendor))
		}
		rl.Clauses = append(rl.Clauses, rc)
	}
	return rl
}

// articleHeading is "ARTICLE 3 — TITLE" for article number n.
func articleHeading(c *templates.Contract, n int, lang clauses.Lang) string {
	for _, a := range c.Articles {
		if a.Number == n {
			return fmt.Sprintf("ARTICLE %d — %s", n, strings.ToUpper(a.Title.In(lang)))
		}
	}
	return fmt.Sprintf("ARTICLE %d", n)
}

// changedBlocks are a changed clause's blocks with Inserted and Deleted
// runs, after a note in the Moved style when the clause moved. A clause
// that only moved is printed in full, unmarked.
func changedBlocks(st *negotiation.State, cs *negotiation.ClauseState, ch negotiation.ClauseChange, c *templates.Contract, lang clauses.Lang) []Block {
	var out []Block
	if ch.Kind == negotiation.ClauseMoved || ch.Kind == negotiation.ClauseMovedModified {
		note := fmt.Sprintf(domainLabelsFor(lang).movedFrom, ch.FromNumber)
		out = append(out, Block{Runs: []Run{{Text: note, Style: Moved}}})
	}
	if len(ch.Diff.Changes) == 0 {
		blocks, err := markupBlocks(st.Displayed(cs).In(lang), c, lang)
		if err == nil {
			return append(out, blocks...)
		}
	}
	return append(out, diffBlocks(ch.Diff.Changes, c, lang)...)
}

// summaryRow is one line of the summary table: the clause, the party
// behind its latest amendment up to revision to, its status at to, the
// playbook's verdict (city only) and the number of words changed.
func summaryRow(st *negotiation.State, cs *negotiation.ClauseState, ch negotiation.ClauseChange, to int64, lang clauses.Lang, forVendor bool) RedlineRow {
	row := RedlineRow{Clause: strings.TrimSpace(cs.Number + " " + cs.Title.In(lang)),
		Status: statusName(cs.Status, lang), Words: ch.Diff.WordsInserted + ch.Diff.WordsDeleted}
	if ch.TitleDiff != nil {
		row.Words += ch.TitleDiff.WordsInserted + ch.TitleDiff.WordsDeleted
	}
	var last *negotiation.AmendmentState
	for _, id := range st.AmendOrder {
		if a := st.Amendments[id]; a.ClauseID == cs.ID && a.Seq <= to {
			last = a
		}
	}
	if last != nil {
		row.Party = last.Author.Org
		if !forVendor {
			row.Verdict = verdictName(last.Verdict.Level, lang)
		}
	}
	return row
}

// diffBlocks turns the runs of a diff of clause markup into blocks: a blank
// line starts a new block, and a block that starts with "(a)" or an
// indented "(i)" becomes an item with that label.
func diffBlocks(changes []negotiation.Change, c *templates.Contract, lang clauses.Lang) []Block {
	var bb blockBuilder
	for _, ch := range changes {
		style := Normal
		switch ch.Op {
		case negotiation.OpInsert:
			style = Inserted
		case negotiation.OpDelete:
			style = Deleted
		}
		for i, part := range strings.Split(ch.Text, "\n\n") {
			if i > 0 {
				bb.flush()
			}
			bb.add(part, style, c, lang)
		}
	}
	bb.flush()
	return bb.blocks
}

// blockBuilder collects runs into blocks.
type blockBuilder struct {
	blocks []Block
	cur    *Block
}

// add appends markup text in style to the current block, starting a block
// (and reading its label) when none is open.
func (bb *blockBuilder) add(text string, style RunStyle, c *templates.Contract, lang clauses.Lang) {
	if bb.cur == nil {
		text = strings.TrimLeft(text, "\n")
		if strings.TrimSpace(text) == "" {
			return
		}
		bb.cur = &Block{}
		text = bb.cur.takeLabel(text)
	}
	if text = plainMarkup(text, c, lang); text != "" {
		bb.cur.Runs = append(bb.cur.Runs, Run{Text: text, Style: style})
	}
}

// flush closes the current block.
func (bb *blockBuilder) flush() {
	if bb.cur != nil {
		bb.blocks = append(bb.blocks, *bb.cur)
		bb.cur = nil
	}
}

// takeLabel reads a leading "(a) " (level 1) or four-space-indented
// "(i) " (level 2) into b and returns the rest of the text.
func (b *Block) takeLabel(text string) string {
	rest := strings.TrimLeft(text, " ")
	indent := len(text) - len(rest)
	end := strings.Index(rest, ")")
	if !strings.HasPrefix(rest, "(") || end < 2 || strings.Trim(rest[1:end], "abcdefghijklmnopqrstuvwxyz") != "" {
		return rest
	}
	if len(rest) > end+1 && rest[end+1] != ' ' {
		return rest
	}
	b.Label, b.Level = rest[:end+1], 1
	if indent >= 4 {
		b.Level = 2
	}
	return strings.TrimLeft(rest[end+1:], " ")
}
