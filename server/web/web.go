// Package web holds the web UI's html/template files and static assets
// (stylesheet, a little hand-written JavaScript, the icon), embedded in the
// binary so the program is one file with no build step.
package web

import "embed"

// Templates holds templates/*.html: layout.html and the partials are shared
// by every page; each other file defines one page's "content".
//
//go:embed templates/*.html
var Templates embed.FS

// Static holds static/*, served under /static/.
//
//go:embed static/*
var Static embed.FS
