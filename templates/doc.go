// Package templates turns the clause library into contracts. A template
// (one per procurement route) lists articles of clause slots, each with a
// default position and an optional condition over the template's variables;
// a jurisdiction pack fills the province's statute names and forbids
// choices the province's law does not allow; a versioned table of
// trade-agreement thresholds warns when the route does not fit the value;
// and Assemble checks every input at once and produces a numbered,
// fingerprinted contract.
//
// Like clause versions, a template version is immutable once approved: a
// change is a new version. Templates are JSON; the five built-in ones are
// embedded from builtin/*.json.
package templates
