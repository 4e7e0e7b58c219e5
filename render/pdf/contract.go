package pdf

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// FromState maps a negotiated contract onto a Document in lang: the agreed
// text (State.AgreedContract: accepted amendments applied, deleted clauses
// left out, clauses renumbered), the schedules, the schedule of deviations
// built from devs, and one signature block per signatory.
//
// The result is the same for every caller: it carries nothing a vendor may
// not see (no playbook verdicts, sign-off notes, internal comments, guidance
// or drafting remarks), so both parties sign the same bytes.
//
// Date is the time of the contract's last event, which for a final contract
// is its finalisation. Fingerprint is the finalised fingerprint, or for a
// draft the fingerprint the agreed content would have if finalised now.
// lang must be one of the contract's languages.
func FromState(st *negotiation.State, devs []negotiation.Deviation, lang clauses.Lang, draft bool) (Document, error) {
	if !slices.Contains(st.Contract.Languages, lang) {
		return Document{}, apperr.New(apperr.Invalid, "the contract is not written in %q", lang)
	}
	agreed := st.AgreedContract()
	doc := Document{
		Lang: string(lang), Title: agreed.Title.In(lang), ContractID: agreed.ID,
		ProcurementRef: agreed.ProcurementRef, Route: routeName(agreed.Route, lang),
		TemplateRef: agreed.Template.Key + " v" + strconv.Itoa(agreed.Template.Version),
		Date:        contractDate(st), Draft: draft,
		Fingerprint: templates.Fingerprint(&agreed),
	}
	if st.Final != nil {
		doc.Fingerprint = st.Final.Fingerprint
	}
	doc.Parties, doc.Signatories, doc.Author = parties(agreed.Parties, lang)
	var err error
	if doc.Preamble, err = recitals(&agreed, lang); err != nil {
		return Document{}, err
	}
	if doc.Articles, err = articles(&agreed, lang); err != nil {
		return Document{}, err
	}
	doc.Keywords = clauseKeys(&agreed)
	doc.LibraryRef = fmt.Sprintf(domainLabelsFor(lang).libraryRef, len(doc.Keywords))
	doc.Schedules = schedules(agreed.Schedules, lang)
	doc.Deviations = deviations(st, &agreed, devs, lang)
	return doc, nil
}

// contractDate is the time of the last event, or the assembly time for a
// state built without events.
func contractDate(st *negotiation.State) time.Time {
	if !st.UpdatedAt.IsZero() {
		return st.UpdatedAt
	}
	return st.Contract.CreatedAt
}

// parties lists the parties with their defined terms, their signatories,
// and the city's name as the document's author. A vendor's signatory who
// cites no resolution signs with the usual statement that they have
// authority to bind the corporation.
func parties(ps []templates.Party, lang clauses.Lang) ([]Party, []Signatory, string) {
	var out []Party
	var sigs []Signatory
	author := ""
	for _, p := range ps {
		address := p.Address
		for _, m := range p.Members {
			address += "; " + m.Name + ", " + m.Address
		}
		out = append(out, Party{Name: p.Name, Role: roleTerm(p.Role, lang), Address: address})
		for _, s := range p.Signatories {
			authority := s.AuthorityRef
			if authority == "" && p.Role == templates.RoleVendor {
				authority = domainLabelsFor(lang).bindsCorporation
			}
			sigs = append(sigs, Signatory{Name: s.Name, Title: s.Title, Organisation: p.Name, Authority: authority})
		}
		if p.Role == templates.RoleCity {
			author = p.Name
		}
	}
	return out, sigs, author
}

// recitals are the contract's recitals as preamble paragraphs.
func recitals(c *templates.Contract, lang clauses.Lang) ([]Paragraph, error) {
	var out []Paragraph
	for _, r := range c.Recitals {
		ps, err := paragraphs(r.In(lang), c, lang)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

// articles maps every article and clause, with the library reference
// "KEY vN · POSITION" printed beside each clause heading.
func articles(c *templates.Contract, lang clauses.Lang) ([]Article, error) {
	out := make([]Article, 0, len(c.Articles))
	for _, a := range c.Articles {
		art := Article{Number: strconv.Itoa(a.Number), Title: a.Title.In(lang)}
		for _, in := range a.Clauses {
			blocks, err := markupBlocks(in.Text.In(lang), c, lang)
			if err != nil {
				return nil, apperr.Wrap(apperr.Internal, err, "clause %s", in.ClauseKey)
			}
			art.Clauses = append(art.Clauses, Clause{Number: in.Number, Title: clauses.Typeset(in.Title.In(lang), lang),
				Ref: clauseRef(in) + " · " + in.Position, Blocks: blocks})
		}
		out = append(out, art)
	}
	return out, nil
}

// clauseRef is "KEY vN".
func clauseRef(in templates.Instance) string {
	return in.ClauseKey + " v" + strconv.Itoa(in.Version)
}

// clauseKeys lists the contract's clause keys in order.
func clauseKeys(c *templates.Contract) []string {
	var out []string
	for _, a := range c.Articles {
		for _, in := range a.Clauses {
			out = append(out, in.ClauseKey)
		}
	}
	return out
}

// schedules maps the contract's schedules. Their content is supplied with
// the contract, outside civicpact: each page states that it forms part of
// the agreement.
func schedules(ss []templates.Schedule, lang clauses.Lang) []Schedule {
	out := make([]Schedule, 0, len(ss))
	for _, s := range ss {
		out = append(out, Schedule{Label: s.Label, Title: clauses.Typeset(s.Title.In(lang), lang),
			Intro: []Paragraph{Text(domainLabelsFor(lang).scheduleIntro)}})
	}
	return out
}
