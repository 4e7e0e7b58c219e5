package negotiation

import (
	"sort"
	"strconv"
)

// clauseKeys returns the key of each clause: its ID, with an occurrence
// number appended to a repeated ID so that every key is unique.
func clauseKeys(cs []ClauseText) []string {
	keys := make([]string, len(cs))
	seen := make(map[string]int, len(cs))
	for i, c := range cs {
		keys[i] = c.ID
		if n := seen[c.ID]; n > 0 {
			keys[i] = c.ID + "\x00" + strconv.Itoa(n)
		}
		seen[c.ID]++
	}
	return keys
}

// indexKeys maps each key to its position.
func indexKeys(keys []string) map[string]int {
	m := make(map[string]int, len(keys))
	for i, k := range keys {
		m[k] = i
	}
	return m
}

// movedClauses returns the keys of clauses present in both versions that
// changed article, or that left the longest run of clauses kept in their
// relative order. Clauses that only shifted because others were inserted or
// deleted stay in that run, so renumbering alone is never a move.
func movedClauses(oldKeys, newKeys []string, oldIndex map[string]int, old, new []ClauseText) map[string]bool {
	moved := make(map[string]bool)
	var stay []string // clauses in both versions and the same article, in new order
	var oldPos []int
	for n, k := range newKeys {
		o, ok := oldIndex[k]
		switch {
		case !ok:
		case old[o].Article != new[n].Article:
			moved[k] = true
		default:
			stay = append(stay, k)
			oldPos = append(oldPos, o)
		}
	}
	for i, kept := range longestIncreasing(oldPos) {
		if !kept {
			moved[stay[i]] = true
		}
	}
	return moved
}

// longestIncreasing marks the elements of one longest strictly increasing
// subsequence of xs (patience sorting, O(n log n)).
func longestIncreasing(xs []int) []bool {
	tails := []int{}             // tails[l] = index in xs of the smallest tail of a run of length l+1
	prev := make([]int, len(xs)) // predecessor of each element in its run
	for i, x := range xs {
		l := sort.Search(len(tails), func(m int) bool { return xs[tails[m]] >= x })
		prev[i] = -1
		if l > 0 {
			prev[i] = tails[l-1]
		}
		if l == len(tails) {
			tails = append(tails, i)
		} else {
			tails[l] = i
		}
	}
	kept := make([]bool, len(xs))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			kept[i] = true
		}
	}
	return kept
}

// deletedByPredecessor groups the old indexes of deleted clauses by the old
// index of the nearest preceding clause that survives in place (-1 for
// none), so each
// deletion can be reported where it happened.
func deletedByPredecessor(oldKeys []string, newIndex map[string]int, moved map[string]bool) map[int][]int {
	groups := make(map[int][]int)
	last := -1
	for o, k := range oldKeys {
		if _, ok := newIndex[k]; ok {
			if !moved[k] {
				last = o
			}
			continue
		}
		groups[last] = append(groups[last], o)
	}
	return groups
}
