package main

import (
	"context"
	"fmt"
	"net/http"
)

// verification is what the checks after the load found.
type verification struct {
	Contracts   int      `json:"contracts"`
	ChainsOK    int      `json:"chains_ok"`
	Events      int      `json:"events"`
	Acked       int      `json:"acknowledged_writes"`
	Present     int      `json:"acknowledged_present"`
	Problems    []string `json:"problems,omitempty"` // first 20
	ProblemsAll int      `json:"problems_total"`
}

func (v verification) ok() bool {
	return v.ProblemsAll == 0 && v.ChainsOK == v.Contracts && v.Present == v.Acked
}

func (v *verification) problem(format string, args ...any) {
	v.ProblemsAll++
	if len(v.Problems) < 20 {
		v.Problems = append(v.Problems, fmt.Sprintf(format, args...))
	}
}

// verify recomputes every contract's hash chain on the server and checks
// that each acknowledged write is in the history at the revision its
// acknowledgement named.
func verify(ctx context.Context, c *client, w *world) verification {
	v := verification{Contracts: len(w.contracts)}
	for _, ct := range w.contracts {
		var chain struct {
			OK      bool `json:"ok"`
			Records int  `json:"records"`
		}
		if err := c.call(ctx, "GET", "/api/v1/contracts/"+ct.id+"/audit/verify", w.legal, nil, http.StatusOK, &chain); err != nil {
			v.problem("%s: %v", ct.id, err)
		} else if !chain.OK {
			v.problem("%s: event chain does not verify", ct.id)
		} else {
			v.ChainsOK++
		}
		checkAcked(ctx, c, w, ct, &v)
	}
	return v
}

// historyItem is what verification reads of one event.
type historyItem struct {
	Revision int64  `json:"revision"`
	Type     string `json:"type"`
	Redline  *struct {
		ID string `json:"id"`
	} `json:"redline"`
	Decision *struct {
		AmendmentID string `json:"amendment_id"`
	} `json:"decision"`
}

func checkAcked(ctx context.Context, c *client, w *world, ct *contract, v *verification) {
	var hist struct{ Items []historyItem }
	if err := c.call(ctx, "GET", "/api/v1/contracts/"+ct.id+"/events", w.legal, nil, http.StatusOK, &hist); err != nil {
		v.problem("%s: %v", ct.id, err)
		return
	}
	v.Events += len(hist.Items)
	byRev := map[int64]historyItem{}
	for _, it := range hist.Items {
		byRev[it.Revision] = it
	}
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for _, a := range ct.acked {
		v.Acked++
		it, found := byRev[a.Revision]
		switch {
		case !found:
			v.problem("%s: acknowledged %s %s (revision %d) is missing", ct.id, a.Kind, a.Redline, a.Revision)
		case a.Kind == "redline" && (it.Redline == nil || it.Redline.ID != a.Redline):
			v.problem("%s: revision %d is a %s, not acknowledged redline %s", ct.id, a.Revision, it.Type, a.Redline)
		case a.Kind == "decision" && (it.Decision == nil || it.Decision.AmendmentID != a.Amendment):
			v.problem("%s: revision %d is a %s, not the acknowledged decision on %s", ct.id, a.Revision, it.Type, a.Amendment)
		default:
			v.Present++
		}
	}
}
