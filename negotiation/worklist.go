package negotiation

import "context"

// Work is one row of a user's contract list: the summary and what waits
// on whom, so the list can answer "what needs my action".
type Work struct {
	Summary
	WaitingCity   int `json:"waiting_city"`   // clauses whose pending change the city must answer
	WaitingVendor int `json:"waiting_vendor"` // clauses whose pending change the vendor must answer
	SignOffs      int `json:"sign_offs"`      // walk-away amendments awaiting an approver
	Blockers      int `json:"blockers"`       // what stands in the way of finalising
}

// Worklist returns the contracts visible says the caller may see, newest
// first, each replayed to count what waits on each side.
func (s *Service) Worklist(ctx context.Context, visible func(Summary) bool) ([]Work, error) {
	all, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	var out []Work
	for _, sum := range all {
		if !visible(sum) {
			continue
		}
		st, err := s.Load(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, workOf(summaryOf(st), st))
	}
	return out, nil
}

func workOf(sum Summary, st *State) Work {
	w := Work{Summary: sum, Blockers: len(st.Blockers())}
	for _, id := range st.Order {
		switch st.Turn(st.Clauses[id]) {
		case City:
			w.WaitingCity++
		case Vendor:
			w.WaitingVendor++
		}
	}
	for _, id := range st.AmendOrder {
		if st.Amendments[id].AwaitingSignOff() {
			w.SignOffs++
		}
	}
	return w
}
