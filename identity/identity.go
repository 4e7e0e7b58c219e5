// Package identity holds organisations, users, roles and API tokens, stored
// as records: a user is the stream "user/<id>" of its snapshots, a username is
// claimed by inserting "username/<name>" (so the unique key, not a lookup,
// decides a race between two registrations), and a token is the stream
// "token/<sha256>" whose second record, if any, revokes it. Secrets are never
// stored: only their SHA-256 (tokens) or a slow password hash.
package identity

import (
	"time"

	"github.com/civicpact/civicpact/apperr"
)

// Role is what a user may do; see package authz for the policy.
type Role string

// The roles.
const (
	RoleAdmin         Role = "admin"          // users, organisations, tokens
	RoleLibraryEditor Role = "library_editor" // drafts clauses and templates
	RoleLegal         Role = "legal"          // assembles, negotiates, decides, finalizes
	RoleApprover      Role = "approver"       // approves library versions; signs off walk-aways
	RoleVendor        Role = "vendor"         // sees and redlines its own organisation's contracts
	RoleViewer        Role = "viewer"         // read-only, city side
)

// Roles lists every role.
var Roles = []Role{RoleAdmin, RoleLibraryEditor, RoleLegal, RoleApprover, RoleVendor, RoleViewer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, k := range Roles {
		if r == k {
			return true
		}
	}
	return false
}

// OrgKind says which side of a contract an organisation is on.
type OrgKind string

// Organisation kinds.
const (
	OrgMunicipality OrgKind = "municipality"
	OrgVendor       OrgKind = "vendor"
)

// Org is an organisation: a municipality or a vendor.
type Org struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Kind     OrgKind   `json:"kind"`
	Province string    `json:"province,omitempty"` // two-letter code, for municipalities
	Created  time.Time `json:"created_at"`
}

// User is a person who signs in. PasswordHash is never serialised to API
// responses (the server maps users to views).
type User struct {
	ID           string    `json:"id"`
	OrgID        string    `json:"org_id"`
	Username     string    `json:"username"`
	Name         string    `json:"name"`
	Title        string    `json:"title,omitempty"`
	Role         Role      `json:"role"`
	Lang         string    `json:"lang,omitempty"` // preferred UI language
	PasswordHash string    `json:"password_hash,omitempty"`
	Disabled     bool      `json:"disabled,omitempty"`
	Created      time.Time `json:"created_at"`
}

// Token is an API token's stored half: its hash and whom it speaks for.
type Token struct {
	Hash    string    `json:"hash"`
	UserID  string    `json:"user_id"`
	Name    string    `json:"name"`
	Created time.Time `json:"created_at"`
	Revoked bool      `json:"revoked,omitempty"`
}

// Principal is the authenticated caller of a request.
type Principal struct {
	User User
	Org  Org
}

// Role returns the caller's role.
func (p Principal) Role() Role { return p.User.Role }

// IsCity reports whether the caller belongs to a municipality.
func (p Principal) IsCity() bool { return p.Org.Kind == OrgMunicipality }

// Hasher turns passwords into slow, salted hashes and checks them. It is an
// interface so this package stays free of the crypto implementation.
type Hasher interface {
	Hash(password string) (string, error)
	Verify(hash, password string) bool
}

// checkUsername applies the username rules.
func checkUsername(name string) error {
	if len(name) < 2 || len(name) > 64 {
		return apperr.New(apperr.Invalid, "username must be 2 to 64 characters")
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return apperr.New(apperr.Invalid, "username may contain only a-z, 0-9, '.', '_' and '-'")
		}
	}
	return nil
}
