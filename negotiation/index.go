package negotiation

import (
	"context"
	"sort"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/records"
	"github.com/civicpact/civicpact/templates"
)

// Phase is a contract's place in its life.
type Phase string

// The phases.
const (
	PhaseDraft       Phase = "draft"       // assembled, not yet open to the vendor
	PhaseNegotiation Phase = "negotiation" // open to the vendor
	PhaseFinal       Phase = "final"       // finalised, read-only
)

// Phase returns the contract's phase.
func (s *State) Phase() Phase {
	switch {
	case s.Final != nil:
		return PhaseFinal
	case s.Opened:
		return PhaseNegotiation
	}
	return PhaseDraft
}

// Summary is one row of the contract list.
type Summary struct {
	ID             string         `json:"id"`
	Title          clauses.Text   `json:"title"`
	ProcurementRef string         `json:"procurement_ref"`
	Route          clauses.Route  `json:"route"`
	Template       templates.Ref  `json:"template"`
	Province       string         `json:"province"`
	Languages      []clauses.Lang `json:"languages"`
	OwnerOrg       string         `json:"owner_org"`
	VendorOrg      string         `json:"vendor_org"`
	VendorName     string         `json:"vendor_name"`
	Phase          Phase          `json:"phase"`
	Revision       int64          `json:"revision"`
	Fingerprint    string         `json:"fingerprint,omitempty"` // once final
	CreatedAt      time.Time      `json:"created_at"`
	UpdatedAt      time.Time      `json:"updated_at"`
	// Pins lists the clause versions the contract pins ("KEY" → version),
	// for the upgrade-impact query.
	Pins map[string]int `json:"pins"`
}

func summaryOf(st *State) Summary {
	sum := Summary{ID: st.Contract.ID, Title: st.Contract.Title, ProcurementRef: st.Contract.ProcurementRef,
		Route: st.Contract.Route, Template: st.Contract.Template, Province: st.Contract.Province, Languages: st.Contract.Languages,
		OwnerOrg: st.OwnerOrg, VendorOrg: st.VendorOrg, Phase: st.Phase(), Revision: st.Revision,
		CreatedAt: st.Contract.CreatedAt, UpdatedAt: st.UpdatedAt, Pins: map[string]int{}}
	for _, p := range st.Contract.Parties {
		if p.Role == templates.RoleVendor {
			sum.VendorName = p.Name
		}
	}
	for _, id := range st.Order {
		if c := st.Clauses[id]; !c.Deleted {
			sum.Pins[c.ClauseKey] = c.Version
		}
	}
	if st.Final != nil {
		sum.Fingerprint = st.Final.Fingerprint
	}
	return sum
}

// index appends the contract's summary to "cindex/<id>". The index is
// derived data: it is written after the contract's own event, and a
// failure here is repaired by the next write (List also cross-checks).
func (s *Service) index(ctx context.Context, st *State) {
	stream := "cindex/" + st.Contract.ID
	last, err := records.LastOrZero(ctx, s.Log, stream)
	if err != nil {
		return
	}
	_, _ = records.Append(ctx, s.Log, last, stream, s.Now(), summaryOf(st))
}

// List returns every contract's latest summary, newest first. The caller
// filters by what the user may see.
func (s *Service) List(ctx context.Context) ([]Summary, error) {
	latest := map[string]Summary{}
	err := s.Log.Scan(ctx, records.Query{Prefix: "cindex/"}, func(r records.Record) error {
		var sum Summary
		if err := records.Decode(r, &sum); err != nil {
			return err
		}
		if prev, ok := latest[sum.ID]; !ok || sum.Revision >= prev.Revision {
			latest[sum.ID] = sum
		}
		return nil
	})
	out := make([]Summary, 0, len(latest))
	for _, sum := range latest {
		out = append(out, sum)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}
