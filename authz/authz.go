// Package authz decides who may do what, in one place. Handlers ask it;
// they never compare roles themselves.
//
// Two questions are kept apart, because they answer differently:
//   - May the caller see this object? If not, the object does not exist for
//     them: 404, so that no one learns of another vendor's contract.
//   - May the caller, who can see it, do this action? If not: 403.
package authz

import (
	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/identity"
)

// Action is something a caller may be allowed to do.
type Action string

// The actions.
const (
	ReadLibrary     Action = "library.read"
	DraftLibrary    Action = "library.draft"
	ApproveLibrary  Action = "library.approve"
	RetireLibrary   Action = "library.retire"
	ImportLibrary   Action = "library.import"
	ReadContract    Action = "contract.read"
	Assemble        Action = "contract.assemble"
	Propose         Action = "contract.propose"
	Decide          Action = "contract.decide"  // open a draft to its vendor; decide for the city
	Respond         Action = "contract.respond" // accept, reject or counter the other side's amendments
	CommentExternal Action = "contract.comment"
	CommentInternal Action = "contract.comment_internal"
	ReadInternal    Action = "contract.read_internal"
	SignOff         Action = "contract.sign_off"
	Finalize        Action = "contract.finalize"
	Upgrade         Action = "contract.upgrade"
	ManageUsers     Action = "admin.users"
	ManageOrgs      Action = "admin.orgs"
	ManageTokens    Action = "admin.tokens"
	VerifyAudit     Action = "audit.verify"
)

var cityRead = []Action{ReadLibrary, ReadContract, ReadInternal}

// grants is the role → actions table. It is the policy; keep it readable.
var grants = map[identity.Role][]Action{
	identity.RoleAdmin:         append([]Action{ManageUsers, ManageOrgs, ManageTokens, VerifyAudit, ImportLibrary}, cityRead...),
	identity.RoleLibraryEditor: append([]Action{DraftLibrary}, cityRead...),
	identity.RoleApprover:      append([]Action{ApproveLibrary, RetireLibrary, SignOff, CommentExternal, CommentInternal}, cityRead...),
	identity.RoleLegal:         append([]Action{Assemble, Propose, Decide, Respond, CommentExternal, CommentInternal, Finalize, Upgrade}, cityRead...),
	identity.RoleVendor:        {ReadLibrary, ReadContract, Propose, Respond, CommentExternal},
	identity.RoleViewer:        cityRead,
}

// Can reports whether p's role grants a.
func Can(p identity.Principal, a Action) bool {
	for _, g := range grants[p.Role()] {
		if g == a {
			return true
		}
	}
	return false
}

// Require returns Forbidden unless p's role grants a.
func Require(p identity.Principal, a Action) error {
	if Can(p, a) {
		return nil
	}
	return apperr.New(apperr.Forbidden, "your role (%s) may not do this (%s)", p.Role(), a)
}

// ContractParties is what visibility of a contract depends on.
type ContractParties struct {
	OwnerOrg  string // the municipality
	VendorOrg string // the counterparty (for a consortium, its lead)
	Open      bool   // opened to the vendor (a draft is the city's alone)
}

// CanSee reports whether p may see a contract at all: the municipality's
// own users, and the users of the vendor organisation that is the
// counterparty. A vendor never sees another vendor's contract, even in the
// same procurement round.
func CanSee(p identity.Principal, c ContractParties) bool {
	if p.Role() == identity.RoleVendor {
		return c.Open && p.Org.ID == c.VendorOrg
	}
	return p.IsCity() && p.Org.ID == c.OwnerOrg
}

// SeeContract returns NotFound unless p may see the contract.
func SeeContract(p identity.Principal, c ContractParties) error {
	if CanSee(p, c) {
		return nil
	}
	return apperr.New(apperr.NotFound, "no such contract")
}
