package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/civicpact/civicpact/authz"
	"github.com/civicpact/civicpact/negotiation"
)

// historyBody is the contract's timeline, oldest first. A vendor's comes
// from EventsForVendor: no internal comment, sign-off or verdict.
type historyBody struct {
	ID, Title string
	Events    []eventRow
}

type eventRow struct {
	Revision                 int64
	At, Who, Org, Side, Type string
	Lines                    []string
	Internal                 bool
}

func (s *Server) getHistoryPage(c echo.Context) error {
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
	ui := uiLang(c)
	body := historyBody{ID: st.Contract.ID, Title: titleIn(st.Contract.Title.EN, st.Contract.Title.FR, ui)}
	for i := len(events) - 1; i >= 0; i-- {
		body.Events = append(body.Events, eventOf(events[i], st, ui))
	}
	d := s.page(c, "history.title", "contracts", body)
	d.Title = translate(ui, "history.title") + " · " + body.Title
	return c.Render(http.StatusOK, "history", d)
}

// eventOf describes one event in a line or two.
func eventOf(ev negotiation.Event, st *negotiation.State, ui string) eventRow {
	r := eventRow{Revision: ev.Seq, At: ev.At.Format("2006-01-02 15:04"), Who: ev.Actor.Name, Org: ev.Actor.Org, Side: string(ev.Actor.Side), Type: string(ev.Type)}
	number := func(clauseID string) string {
		if cs, ok := st.Clause(clauseID); ok {
			return cs.Number
		}
		return clauseID
	}
	switch {
	case ev.Redline != nil:
		for _, a := range ev.Redline.Amendments {
			r.Lines = append(r.Lines, a.ID+" · "+number(a.ClauseID)+" · "+translate(ui, "kind."+string(a.Kind)))
		}
		r.Lines = appendNonEmpty(r.Lines, ev.Redline.Rationale)
	case ev.Decision != nil:
		r.Lines = append(r.Lines, translate(ui, "action."+string(ev.Decision.Action))+" "+ev.Decision.AmendmentID)
		r.Lines = appendNonEmpty(r.Lines, ev.Decision.Reason)
	case ev.Comment != nil:
		r.Internal = ev.Comment.Internal
		where := translate(ui, "history.oncontract")
		if ev.Comment.ClauseID != "" {
			where = number(ev.Comment.ClauseID)
		}
		r.Lines = append(r.Lines, where+": "+ev.Comment.Text)
	case ev.SignOff != nil:
		r.Lines = appendNonEmpty([]string{ev.SignOff.AmendmentID}, ev.SignOff.Note)
	case ev.Upgrade != nil:
		u := ev.Upgrade
		line := number(u.ClauseID) + " v" + strconv.Itoa(u.FromVersion) + " → v" + strconv.Itoa(u.ToVersion)
		if u.Keep {
			line = number(u.ClauseID) + " · " + translate(ui, "history.kept") + " v" + strconv.Itoa(u.FromVersion)
		}
		r.Lines = appendNonEmpty([]string{line}, u.Rationale)
	case ev.Finalized != nil:
		r.Lines = append(r.Lines, "SHA-256 "+ev.Finalized.Fingerprint)
	}
	return r
}

func appendNonEmpty(lines []string, s string) []string {
	if strings.TrimSpace(s) == "" {
		return lines
	}
	return append(lines, s)
}
