package server

import (
	"net/http"
	"sort"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/records"
)

// contractLang reads ?lang=, defaulting to the contract's first language.
func contractLang(c echo.Context, st *negotiation.State) (clauses.Lang, error) {
	lang, err := oneOf(c, "lang", "en", "fr")
	if err != nil || lang == "" {
		return st.Contract.Languages[0], err
	}
	for _, l := range st.Contract.Languages {
		if string(l) == lang {
			return l, nil
		}
	}
	return "", apperr.Fields("invalid query", []apperr.FieldError{{Path: "lang", Message: "the contract is not written in " + lang}})
}

// diffContract is the clause-aware redline between two revisions.
func (s *Server) diffContract(c echo.Context) error {
	_, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	from, err := intQuery(c, "from", 1)
	if err != nil {
		return err
	}
	to, err := intQuery(c, "to", int(st.Revision))
	if err != nil {
		return err
	}
	lang, err := contractLang(c, st)
	if err != nil {
		return err
	}
	d, err := s.deps.Contracts.RevisionDiff(c.Request().Context(), st.Contract.ID, int64(from), int64(to), lang)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"from": from, "to": to, "lang": lang, "diff": d})
}

// listDeviations is the deviation report (city users: it carries the
// playbook's verdicts and approvers' notes).
func (s *Server) listDeviations(c echo.Context) error {
	_, st, err := s.contractFor(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	devs, err := s.deps.Contracts.Deviations(c.Request().Context(), st)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"contract_id": st.Contract.ID, "revision": st.Revision, "phase": st.Phase(), "items": devs})
}

// verifyContract recomputes the contract's event chain.
func (s *Server) verifyContract(c echo.Context) error {
	_, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	recs, err := s.deps.Contracts.Records(c.Request().Context(), st.Contract.ID)
	if err != nil {
		return err
	}
	b := records.Verify(recs)
	return respond(c, http.StatusOK, audit.Report{OK: b == nil, Streams: 1, Records: len(recs), Break: b})
}

// verifyAll recomputes every stream's chain in the store (admin), the
// global audit trail included.
func (s *Server) verifyAll(c echo.Context) error {
	if _, err := s.allow(c, authz.VerifyAudit); err != nil {
		return err
	}
	rep, err := audit.VerifyStore(c.Request().Context(), s.deps.Log)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, rep)
}

type upgradeRequest struct {
	ClauseIDs []string `json:"clause_ids"`
	Keep      bool     `json:"keep,omitempty"`
	Rationale string   `json:"rationale"`
}

// upgradeContract moves clauses to their latest approved versions, or
// records the decision to keep the pinned one.
func (s *Server) upgradeContract(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Upgrade)
	if err != nil {
		return err
	}
	var req upgradeRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if len(req.ClauseIDs) == 0 {
		return apperr.Fields("invalid upgrade", []apperr.FieldError{{Path: "clause_ids", Message: "name at least one clause"}})
	}
	for _, id := range req.ClauseIDs {
		if st, err = s.deps.Contracts.Upgrade(c.Request().Context(), st.Contract.ID, actorOf(p), id, req.Rationale, req.Keep); err != nil {
			return err
		}
	}
	return respond(c, http.StatusOK, st)
}

// impactItem is one contract that pins an older version of a clause.
type impactItem struct {
	ContractID     string               `json:"contract_id"`
	Title          clauses.Text         `json:"title"`
	ProcurementRef string               `json:"procurement_ref"`
	Phase          negotiation.Phase    `json:"phase"`
	ClauseID       string               `json:"clause_id"`
	Number         string               `json:"number"`
	Position       string               `json:"position"`
	PinnedVersion  int                  `json:"pinned_version"`
	KeptVersion    int                  `json:"kept_version,omitempty"`
	Diff           negotiation.TextDiff `json:"diff"`
}

// clauseImpact lists the contracts, not yet final, that the caller may see
// and that pin an older version of the clause than its latest approved one.
func (s *Server) clauseImpact(c echo.Context) error {
	p, err := s.allow(c, authz.ReadInternal)
	if err != nil {
		return err
	}
	latest, items, err := s.impact(c, p, c.Param("key"))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, map[string]any{"clause": latest.Key, "latest_version": latest.N, "items": items})
}

// impact finds the contracts p may see, not yet final, that pin an older
// version of clause key than its latest approved one (shared by the API
// and the upgrade-impact page).
func (s *Server) impact(c echo.Context, p identity.Principal, key string) (clauses.VersionState, []impactItem, error) {
	ctx := c.Request().Context()
	latest, err := s.deps.Library.Version(ctx, key, 0)
	if err != nil {
		return latest, nil, err
	}
	all, err := s.deps.Contracts.List(ctx)
	if err != nil {
		return latest, nil, err
	}
	items := []impactItem{}
	for _, sum := range all {
		pinned, ok := sum.Pins[latest.Key]
		if !ok || pinned >= latest.N || sum.Phase == negotiation.PhaseFinal || !authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg}) {
			continue
		}
		item, err := s.impactOf(c, sum, latest)
		if err != nil {
			return latest, nil, err
		}
		items = append(items, item)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].ContractID < items[j].ContractID })
	return latest, items, nil
}

func (s *Server) impactOf(c echo.Context, sum negotiation.Summary, latest clauses.VersionState) (impactItem, error) {
	ctx := c.Request().Context()
	st, err := s.deps.Contracts.Load(ctx, sum.ID)
	if err != nil {
		return impactItem{}, err
	}
	var cs *negotiation.ClauseState
	for _, id := range st.Order {
		if st.Clauses[id].ClauseKey == latest.Key {
			cs = st.Clauses[id]
		}
	}
	old, err := s.deps.Library.Version(ctx, latest.Key, cs.Version)
	if err != nil {
		return impactItem{}, err
	}
	lang := st.Contract.Languages[0]
	po, _ := old.Position(cs.Position)
	pn, _ := latest.Position(cs.Position)
	return impactItem{ContractID: sum.ID, Title: sum.Title, ProcurementRef: sum.ProcurementRef, Phase: sum.Phase, ClauseID: cs.ID,
		Number: cs.Number, Position: cs.Position, PinnedVersion: cs.Version, KeptVersion: cs.KeptVersion,
		Diff: negotiation.DiffText(po.Body.In(lang), pn.Body.In(lang))}, nil
}
