package server_test

// webAuthCases are the web UI's rows of the authorization table. The table
// calls with Bearer tokens and JSON bodies, so forms arrive empty: sign-in
// fails for everyone, a draft is invalid for its editor, an approval finds
// the version already approved. The table's client follows redirects, so
// a 303 to the library shows as the library's status. Bearer calls need no
// CSRF token; the cookie-and-token rules are tested in web_pages_test.go.
func webAuthCases() []authCase {
	return []authCase{
		{"GET", "/", nobody, "200 anonymous:401"},         // → /library
		{"GET", "/static/*", nobody, "404 anonymous:404"}, // public: a missing asset is 404, never 401
		{"GET", "/signin", nobody, "200 anonymous:200"},   // signed in: → /library
		{"POST", "/signin", nobody, "401"},
		{"POST", "/signout", nobody, "200"}, // → /signin → /library (the token still signs in)
		{"POST", "/lang", nobody, "400 anonymous:400"},
		{"GET", "/library", nobody, "200"},
		{"GET", "/library/{key}", nobody, "200"},
		{"GET", "/library/{key}/draft", nobody, "403 library_editor:200"},
		{"POST", "/library/{key}/versions", nobody, "403 library_editor:422"},
		{"POST", "/library/{key}/versions/1/approve", nobody, "403 approver:409"},
		{"GET", "/library/{key}/impact", nobody, "200 vendor:403 rival_vendor:403"},
		{"GET", "/templates", nobody, "200 vendor:403 rival_vendor:403"},
		{"GET", "/contracts", nobody, "200"},
		{"GET", "/contracts/new", nobody, "403 legal:200"},
		{"POST", "/contracts/new", nobody, "403 legal:400"},
		{"GET", "/contracts/{contract}", nobody, "200 rival_vendor:404"},
		{"GET", "/contracts/{draft}", nobody, "200 vendor:404 rival_vendor:404"},
		{"GET", "/contracts/{contract}/history", nobody, "200 rival_vendor:404"},
		{"GET", "/contracts/{contract}/deviations", nobody, "200 vendor:403 rival_vendor:404"},
		{"GET", "/rounds/{ref}", nobody, "200 vendor:403 rival_vendor:403"},
		// Forms sent as JSON arrive empty: the domain refuses them and the
		// workspace shows the message (422); opening a draft needs nothing.
		{"POST", "/contracts/{draft}/open", nobody, "403 legal:200 vendor:404 rival_vendor:404"},
		{"POST", "/contracts/{contract}/finalize", nobody, "403 legal:422 rival_vendor:404"},
		{"POST", "/contracts/{contract}/redlines", nobody, "403 legal:422 vendor:422 rival_vendor:404"},
		{"POST", "/contracts/{contract}/decisions", nobody, "403 legal:422 vendor:422 rival_vendor:404"},
		{"POST", "/contracts/{contract}/comments", nobody, "403 legal:422 approver:422 vendor:422 rival_vendor:404"},
		{"POST", "/contracts/{contract}/signoffs", nobody, "403 approver:422 rival_vendor:404"},
		{"POST", "/contracts/{contract}/upgrade", nobody, "403 legal:422 rival_vendor:404"},
		// A Word upload with no file is refused at the upload form (422);
		// a caller who may not propose gets 403.
		{"POST", "/contracts/{contract}/docx", nobody, "403 legal:422 vendor:422 rival_vendor:404"},
		{"POST", "/api/v1/clauses/preview", func(*env, fixture) any { return map[string]any{"text": "The **City** pays."} }, "403 library_editor:200"},
	}
}
