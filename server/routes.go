package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// route is one entry of the route table: the handler and what the OpenAPI
// document and the authorization table test need to know about it.
type route struct {
	Method  string
	Path    string // echo syntax, ":id" for parameters
	Handler echo.HandlerFunc
	Summary string
	Tag     string
	Public  bool  // served without authentication
	Body    any   // request body type, for the OpenAPI document
	MaxBody int64 // overrides the server's body limit for this route
	// Produces is the media type of a success that is not JSON (a PDF, a
	// zip, an HTML page), for the OpenAPI document.
	Produces string
}

// registerRoutes is the single list of every route civicpact serves.
func (s *Server) registerRoutes() {
	s.routes = []route{
		{Method: http.MethodGet, Path: "/healthz", Handler: s.getHealth, Summary: "Process is alive", Tag: "ops", Public: true},
		{Method: http.MethodGet, Path: "/readyz", Handler: s.getReady, Summary: "Store is reachable (503 otherwise)", Tag: "ops", Public: true},
		{Method: http.MethodGet, Path: "/openapi.json", Handler: s.getOpenAPI, Summary: "This OpenAPI 3.1 document", Tag: "ops", Public: true},
		{Method: http.MethodGet, Path: "/metrics", Handler: s.getMetrics, Summary: "Prometheus metrics", Tag: "ops", Public: true},

		{Method: http.MethodGet, Path: "/api/v1/me", Handler: s.getMe, Summary: "The signed-in user and organisation", Tag: "identity"},
		{Method: http.MethodGet, Path: "/api/v1/orgs", Handler: s.listOrgs, Summary: "List organisations", Tag: "identity"},
		{Method: http.MethodPost, Path: "/api/v1/orgs", Handler: s.createOrg, Summary: "Create an organisation (admin)", Tag: "identity", Body: createOrgRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/users", Handler: s.listUsers, Summary: "List users (admin)", Tag: "identity"},
		{Method: http.MethodPost, Path: "/api/v1/users", Handler: s.createUser, Summary: "Create a user (admin)", Tag: "identity", Body: createUserRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/tokens", Handler: s.listTokens, Summary: "List API tokens (admin: all; others: their own)", Tag: "identity"},
		{Method: http.MethodPost, Path: "/api/v1/tokens", Handler: s.createToken, Summary: "Issue an API token; the secret is shown once", Tag: "identity", Body: createTokenRequest{}},
		{Method: http.MethodDelete, Path: "/api/v1/tokens/:hash", Handler: s.revokeToken, Summary: "Revoke an API token", Tag: "identity"},

		{Method: http.MethodGet, Path: "/api/v1/clauses", Handler: s.listClauses, Summary: "List and search the clause library (category, status, lang, q, limit, cursor)", Tag: "library"},
		{Method: http.MethodPost, Path: "/api/v1/clauses", Handler: s.createClause, Summary: "Draft a new clause (library_editor)", Tag: "library", Body: createClauseRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/clauses/:key", Handler: s.getClause, Summary: "A clause with its version history, or ?asof=YYYY-MM-DD the version in force that day", Tag: "library"},
		{Method: http.MethodGet, Path: "/api/v1/clauses/:key/diff", Handler: s.diffClause, Summary: "Word-level redline between two versions (?from=N&to=M&lang=en|fr)", Tag: "library"},
		{Method: http.MethodPost, Path: "/api/v1/clauses/:key/versions", Handler: s.createClauseVersion, Summary: "Draft a new version (library_editor)", Tag: "library", Body: versionInput{}},
		{Method: http.MethodGet, Path: "/api/v1/clauses/:key/versions/:n", Handler: s.getClauseVersion, Summary: "One version of a clause", Tag: "library"},
		{Method: http.MethodPut, Path: "/api/v1/clauses/:key/versions/:n", Handler: s.reviseClauseVersion, Summary: "Revise a draft version (approved versions answer 409)", Tag: "library", Body: versionInput{}},
		{Method: http.MethodPost, Path: "/api/v1/clauses/:key/versions/:n/approve", Handler: s.approveClauseVersion, Summary: "Approve a draft version (approver; not its drafter)", Tag: "library"},
		{Method: http.MethodPost, Path: "/api/v1/clauses/:key/versions/:n/retire", Handler: s.retireClauseVersion, Summary: "Retire an approved version (approver)", Tag: "library", Body: retireRequest{}},

		{Method: http.MethodGet, Path: "/api/v1/contracts", Handler: s.listContracts, Summary: "Contracts the caller may see (?phase=draft|negotiation|final&procurement_ref=)", Tag: "contracts"},
		{Method: http.MethodPost, Path: "/api/v1/contracts", Handler: s.createContract, Summary: "Assemble a contract from a template (legal)", Tag: "contracts", Body: assembleRequest{}},
		{Method: http.MethodPost, Path: "/api/v1/rounds", Handler: s.createRound, Summary: "Assemble one contract per shortlisted vendor from the same inputs (legal)", Tag: "contracts", Body: roundRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/rounds/:ref", Handler: s.compareRound, Summary: "Every shortlisted vendor's redlines side by side, clause by clause (city users)", Tag: "contracts"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id", Handler: s.getContract, Summary: "A contract's negotiation state (vendors get their view)", Tag: "contracts"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/preview", Handler: s.getContractPreview, Summary: "The contract as agreed so far (final once finalised) as readable HTML, numbered, cross-references resolved (?lang=)", Tag: "contracts"},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/open", Handler: s.openContract, Summary: "Open a draft to its vendor (legal)", Tag: "contracts"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/events", Handler: s.listEvents, Summary: "The contract's history, oldest first", Tag: "negotiation"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/redlines", Handler: s.listRedlines, Summary: "Every amendment and what became of it", Tag: "negotiation"},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/redlines", Handler: s.createRedline, Summary: "Propose a redline (409 with the current revision when stale)", Tag: "negotiation", Body: redlineRequest{}},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/redlines/:rid/decisions", Handler: s.decideRedline, Summary: "Accept, reject or counter an amendment (or every pending one of the redline)", Tag: "negotiation", Body: decisionRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/comments", Handler: s.listComments, Summary: "Comments (internal ones for city users only)", Tag: "negotiation"},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/comments", Handler: s.createComment, Summary: "Comment on a clause or the contract; internal comments are city-only", Tag: "negotiation", Body: commentRequest{}},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/signoffs", Handler: s.createSignOff, Summary: "Sign off a walk-away amendment (approver)", Tag: "negotiation", Body: signOffRequest{}},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/finalize", Handler: s.finalizeContract, Summary: "Finalise: every clause settled, no conflict, every walk-away signed off", Tag: "negotiation", Body: finalizeRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/diff", Handler: s.diffContract, Summary: "Clause-aware redline between two revisions (?from=&to=&lang=)", Tag: "negotiation"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/deviations", Handler: s.listDeviations, Summary: "Every departure from the library standard, who agreed it and why (city users)", Tag: "reports"},
		{Method: http.MethodGet, Path: "/api/v1/contracts/:id/audit/verify", Handler: s.verifyContract, Summary: "Recompute the contract's event hash chain; names the first record that does not match", Tag: "audit"},
		{Method: http.MethodPost, Path: "/api/v1/contracts/:id/upgrade", Handler: s.upgradeContract, Summary: "Move clauses to their latest approved version, or record keeping the pinned one (legal)", Tag: "contracts", Body: upgradeRequest{}},
		{Method: http.MethodGet, Path: "/api/v1/clauses/:key/impact", Handler: s.clauseImpact, Summary: "Contracts not yet final that pin an older version of the clause, with the word diff", Tag: "library"},
		{Method: http.MethodGet, Path: "/api/v1/audit/verify", Handler: s.verifyAll, Summary: "Recompute every hash chain in the store (admin)", Tag: "audit"},
		{Method: http.MethodGet, Path: "/api/v1/library/export", Handler: s.exportLibrary, Summary: "The clause library as a zip of Markdown files (library/FORMAT.md)", Tag: "library", Produces: "application/zip"},
		{Method: http.MethodPost, Path: "/api/v1/library/import", Handler: s.importLibrary, Summary: "Apply library files; all valid or nothing changes, errors name file and line (admin)", Tag: "library", Body: importLibraryRequest{}, MaxBody: maxLibraryUpload},
	}
	s.routes = append(s.routes, s.webRoutes()...)
	s.routes = append(s.routes, s.pdfRoutes()...)
	s.routes = append(s.routes, s.docxRoutes()...)
	s.routes = append(s.routes, s.templateRoutes()...)
	for _, r := range s.routes {
		h := r.Handler
		if writeWithoutBody(r) {
			h = refuseBody(h)
		}
		if !r.Public {
			h = requireAuth(h)
		}
		s.echo.Add(r.Method, r.Path, h)
		if r.MaxBody > 0 {
			s.bodyLimits[r.Method+" "+r.Path] = r.MaxBody
		}
	}
}
