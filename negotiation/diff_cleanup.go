package negotiation

// maxCleanupPasses bounds the semantic cleanup; each pass is linear and the
// cleanup almost always settles in two or three.
const maxCleanupPasses = 16

// cleanupSemantic makes a minimal edit script readable, on token
// boundaries: each maximal run of edits becomes one delete and one insert,
// and an equality of only white space and punctuation between two edits of
// words is folded into them (so "ten days" -> "five weeks" reads as one
// replacement, not two around a kept space). Equalities that hold a word are
// kept: folding them would read better in a rewrite but overstate the edit
// (measured on the benchmark corpus, it pushed the changed-word count above
// an exact word-level diff's).
func cleanupSemantic(runs []opRun, a, b []string) []opRun {
	runs = normalizeScript(runs, a, b)
	for pass := 0; pass < maxCleanupPasses; pass++ {
		var changed bool
		runs, changed = foldShortEqualities(runs, a, b)
		if !changed {
			break
		}
		runs = normalizeScript(runs, a, b)
	}
	return runs
}

// foldShortEqualities turns each equality without words that sits between
// two edits of words into a delete plus an insert of the same tokens. runs must be
// normalised: between two equalities there is at most one delete and one
// insert.
func foldShortEqualities(runs []opRun, a, b []string) ([]opRun, bool) {
	weights := editWeights(runs, a, b)
	out := make([]opRun, 0, len(runs)+4)
	changed := false
	i := 0 // position in a
	for k, r := range runs {
		if r.op == OpEqual && k > 0 && k+1 < len(runs) {
			w := wordTokens(a[i : i+r.n])
			if w == 0 && weights[k-1] > 0 && weights[k+1] > 0 {
				out = append(out, opRun{OpDelete, r.n}, opRun{OpInsert, r.n})
				i += r.n
				changed = true
				continue
			}
		}
		out = append(out, r)
		if r.op != OpInsert {
			i += r.n
		}
	}
	return out, changed
}

// editWeights gives each non-equal run the weight of the edit it belongs
// to: the number of words (letter and digit tokens) on its larger side.
func editWeights(runs []opRun, a, b []string) []int {
	weights := make([]int, len(runs))
	i, j := 0, 0
	for k := 0; k < len(runs); {
		if runs[k].op == OpEqual {
			i, j = i+runs[k].n, j+runs[k].n
			k++
			continue
		}
		first, dels, inss := k, 0, 0
		for ; k < len(runs) && runs[k].op != OpEqual; k++ {
			if runs[k].op == OpDelete {
				dels += wordTokens(a[i : i+runs[k].n])
				i += runs[k].n
			} else {
				inss += wordTokens(b[j : j+runs[k].n])
				j += runs[k].n
			}
		}
		for m := first; m < k; m++ {
			weights[m] = max(dels, inss)
		}
	}
	return weights
}

// wordTokens counts the tokens that are words (letters and digits).
func wordTokens(tokens []string) int {
	n := 0
	for _, t := range tokens {
		if kindOf(t) == tokenWord {
			n++
		}
	}
	return n
}

// normalizeScript merges each maximal run of edits into one delete and one
// insert, moves tokens common to the start or end of both into the
// surrounding equalities, merges adjacent equalities and drops empty runs.
func normalizeScript(runs []opRun, a, b []string) []opRun {
	out := make([]opRun, 0, len(runs))
	i, j := 0, 0
	for k := 0; k < len(runs); {
		if runs[k].op == OpEqual {
			out = appendRun(out, runs[k])
			i, j = i+runs[k].n, j+runs[k].n
			k++
			continue
		}
		nd, ni := 0, 0
		for ; k < len(runs) && (runs[k].op != OpEqual || runs[k].n == 0); k++ {
			switch runs[k].op {
			case OpDelete:
				nd += runs[k].n
			case OpInsert:
				ni += runs[k].n
			}
		}
		p, s := commonEnds(a[i:i+nd], b[j:j+ni])
		out = appendRun(out, opRun{OpEqual, p})
		out = appendRun(out, opRun{OpDelete, nd - p - s})
		out = appendRun(out, opRun{OpInsert, ni - p - s})
		out = appendRun(out, opRun{OpEqual, s})
		i, j = i+nd, j+ni
	}
	return out
}

// commonEnds returns the lengths of the common prefix and, in what is left,
// the common suffix of x and y.
func commonEnds(x, y []string) (prefix, suffix int) {
	for prefix < len(x) && prefix < len(y) && x[prefix] == y[prefix] {
		prefix++
	}
	for suffix < len(x)-prefix && suffix < len(y)-prefix && x[len(x)-1-suffix] == y[len(y)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// appendRun appends r, merging it into the previous run of the same op and
// dropping it if empty.
func appendRun(runs []opRun, r opRun) []opRun {
	if r.n == 0 {
		return runs
	}
	if len(runs) > 0 && runs[len(runs)-1].op == r.op {
		runs[len(runs)-1].n += r.n
		return runs
	}
	return append(runs, r)
}
