// Package negotiation records how a contract changes while the City and a
// vendor negotiate it: a contract under negotiation is a stream of
// append-only events (proposal, counter, accept, reject, comment, position
// change, finalize), and its current state is derived from those events.
//
// This package also holds the redline engine that those events rely on:
// DiffText compares two versions of a clause word by word, DiffDocument
// compares two versions of a contract clause by clause (keyed by stable
// clause IDs, so renumbering is never an edit and a moved clause is a move),
// and Merge3 merges two sets of redlines made against the same base text.
package negotiation
