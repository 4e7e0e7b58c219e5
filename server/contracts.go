package server

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// actorOf records who is acting, on which side.
func actorOf(p identity.Principal) negotiation.Actor {
	side := negotiation.Vendor
	if p.IsCity() {
		side = negotiation.City
	}
	return negotiation.Actor{UserID: p.User.ID, Name: p.User.Name, OrgID: p.Org.ID, Org: p.Org.Name, Side: side, Role: string(p.User.Role)}
}

func parties(st *negotiation.State) authz.ContractParties {
	return authz.ContractParties{OwnerOrg: st.OwnerOrg, VendorOrg: st.VendorOrg, Open: st.Opened}
}

// loadContract loads a contract the caller may see, or answers 404.
func (s *Server) loadContract(ctx context.Context, p identity.Principal, id string) (*negotiation.State, error) {
	st, err := s.deps.Contracts.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := authz.SeeContract(p, parties(st)); err != nil {
		return nil, err
	}
	return st, nil
}

// contractFor loads the contract and checks that the caller may see it and
// do a; it returns the caller too.
func (s *Server) contractFor(c echo.Context, a authz.Action) (identity.Principal, *negotiation.State, error) {
	p, err := principal(c)
	if err != nil {
		return p, nil, err
	}
	st, err := s.loadContract(c.Request().Context(), p, c.Param("id"))
	if err != nil {
		return p, nil, err
	}
	return p, st, authz.Require(p, a)
}

// view is the state as the caller may see it.
func view(p identity.Principal, st *negotiation.State) *negotiation.State {
	if p.IsCity() {
		return st
	}
	return st.ForVendor()
}

type assembleRequest struct {
	templates.Input
	VendorOrgID string `json:"vendor_org_id"`
}

// createContract assembles a contract for one vendor organisation.
func (s *Server) createContract(c echo.Context) error {
	p, err := s.allow(c, authz.Assemble)
	if err != nil {
		return err
	}
	var req assembleRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.checkVendorOrg(c.Request().Context(), req.VendorOrgID, "vendor_org_id"); err != nil {
		return err
	}
	st, err := s.deps.Contracts.Assemble(c.Request().Context(), req.Input, actorOf(p), req.VendorOrgID)
	if err != nil {
		return err
	}
	return respond(c, http.StatusCreated, st)
}

type roundRequest struct {
	templates.Input
	Vendors []roundVendor `json:"vendors"`
}

type roundVendor struct {
	OrgID string          `json:"org_id"`
	Party templates.Party `json:"party"`
}

// createRound assembles one contract per shortlisted vendor from the same
// inputs, grouped by the procurement reference.
func (s *Server) createRound(c echo.Context) error {
	p, err := s.allow(c, authz.Assemble)
	if err != nil {
		return err
	}
	var req roundRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if len(req.Vendors) < 1 || len(req.Vendors) > 20 {
		return apperr.Fields("invalid round", []apperr.FieldError{{Path: "vendors", Message: "list 1 to 20 shortlisted vendors"}})
	}
	var out []*negotiation.State
	for i, v := range req.Vendors {
		if err := s.checkVendorOrg(c.Request().Context(), v.OrgID, "vendors["+strconv.Itoa(i)+"].org_id"); err != nil {
			return err
		}
		in := req.Input
		in.Parties = append(withoutVendors(req.Parties), withRole(v.Party, templates.RoleVendor))
		st, err := s.deps.Contracts.Assemble(c.Request().Context(), in, actorOf(p), v.OrgID)
		if err != nil {
			return err
		}
		out = append(out, st)
	}
	return respond(c, http.StatusCreated, map[string]any{"procurement_ref": req.ProcurementRef, "contracts": out})
}

func withoutVendors(ps []templates.Party) []templates.Party {
	var out []templates.Party
	for _, p := range ps {
		if p.Role != templates.RoleVendor {
			out = append(out, p)
		}
	}
	return out
}

func withRole(p templates.Party, role string) templates.Party {
	p.Role = role
	return p
}

func (s *Server) checkVendorOrg(ctx context.Context, id, path string) error {
	o, err := s.deps.Directory.Org(ctx, id)
	if err != nil || o.Kind != identity.OrgVendor {
		if err != nil && !apperr.Is(err, apperr.NotFound) {
			return err
		}
		return apperr.Fields("invalid contract", []apperr.FieldError{{Path: path, Message: "must be the ID of a vendor organisation"}})
	}
	return nil
}

// listContracts lists the contracts the caller may see.
func (s *Server) listContracts(c echo.Context) error {
	p, err := s.allow(c, authz.ReadContract)
	if err != nil {
		return err
	}
	phase, err := oneOf(c, "phase", "draft", "negotiation", "final")
	if err != nil {
		return err
	}
	all, err := s.deps.Contracts.List(c.Request().Context())
	if err != nil {
		return err
	}
	items := []negotiation.Summary{}
	ref := c.QueryParam("procurement_ref")
	for _, sum := range all {
		visible := authz.CanSee(p, authz.ContractParties{OwnerOrg: sum.OwnerOrg, VendorOrg: sum.VendorOrg, Open: sum.Phase != negotiation.PhaseDraft})
		if visible && (phase == "" || string(sum.Phase) == phase) && (ref == "" || sum.ProcurementRef == ref) {
			items = append(items, sum)
		}
	}
	return respond(c, http.StatusOK, map[string]any{"items": items})
}

func (s *Server) getContract(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, view(p, st))
}

func (s *Server) openContract(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.Decide)
	if err != nil {
		return err
	}
	st, err = s.deps.Contracts.Open(c.Request().Context(), st.Contract.ID, actorOf(p))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, st)
}

func (s *Server) listEvents(c echo.Context) error {
	p, st, err := s.contractFor(c, authz.ReadContract)
	if err != nil {
		return err
	}
	events, err := s.deps.Contracts.Events(c.Request().Context(), st.Contract.ID)
	if err != nil {
		return err
	}
	if !p.IsCity() {
		events = negotiation.EventsForVendor(events)
	}
	return respond(c, http.StatusOK, map[string]any{"revision": st.Revision, "items": eventViews(events)})
}

// eventView adds the sequence number, which is not part of the stored body.
type eventView struct {
	Revision int64 `json:"revision"`
	negotiation.Event
}

func eventViews(events []negotiation.Event) []eventView {
	out := make([]eventView, len(events))
	for i, ev := range events {
		out[i] = eventView{Revision: ev.Seq, Event: ev}
	}
	return out
}
