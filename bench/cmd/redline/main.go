// Command redline diffs two versions of a benchmark contract clause by
// clause and prints the changed-word counts as JSON, in the shape
// count_edits.py reads with its json-stderr format.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/civicpact/civicpact/bench/corpus"
	"github.com/civicpact/civicpact/negotiation"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "redline:", err)
		os.Exit(1)
	}
}

// run loads both versions, diffs them and prints the summary.
func run(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: redline OLD.json NEW.json")
	}
	old, err := corpus.LoadClauses(args[0])
	if err != nil {
		return err
	}
	new, err := corpus.LoadClauses(args[1])
	if err != nil {
		return err
	}
	dd := negotiation.DiffDocument(old, new)
	kinds := map[string]int{}
	for _, c := range dd.Clauses {
		kinds[c.Kind]++
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"words_deleted":  dd.WordsDeleted,
		"words_inserted": dd.WordsInserted,
		"edit":           dd.WordsDeleted + dd.WordsInserted,
		"segments":       len(dd.Clauses),
		"kinds":          kinds,
	})
}
