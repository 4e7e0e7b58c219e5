package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// The demo (`civicpact serve --demo`, on an empty store) seeds the people,
// organisations and contracts of PRODUCT.md so that a newcomer sees the
// product working in one command: the journey-1 pilot in negotiation, the
// journey-2 French competitive round, a draft, a finalised contract and a
// library clause with two versions. The data is near the top of each file:
// organisations and people here, contract inputs in demo_inputs.go, the
// negotiations in demo_script.go.
//
// French strings use U+00A0 (no-break space) before « : », « % » and « $ »
// and inside « », as GLOSSARY-FR.md §3 asks.

// demoOrg is a demo organisation under the short key the scripts use.
type demoOrg struct {
	key string
	org identity.Org
}

func demoOrgs() []demoOrg {
	return []demoOrg{
		{"port-royal", identity.Org{Name: "City of Port-Royal", Kind: identity.OrgMunicipality, Province: "ON"}},
		{"saint-laurent", identity.Org{Name: "Ville de Saint-Laurent-des-Rives", Kind: identity.OrgMunicipality, Province: "QC"}},
		{"curbside", identity.Org{Name: "Curbside Labs", Kind: identity.OrgVendor}},
		{"northwind", identity.Org{Name: "Northwind Civic Systems", Kind: identity.OrgVendor}},
		{"lumiere", identity.Org{Name: "Lumière Analytique", Kind: identity.OrgVendor}},
	}
}

// demoPerson is a demo user and the key of their organisation.
type demoPerson struct {
	org  string
	user identity.User
}

// demoPeople has one user per role at Port-Royal, the French-speaking
// city staff of Saint-Laurent-des-Rives (Luc Gagnon runs its competitive
// round), and the vendors' people. Priya Nair is an approver: she must
// write internal comments but never negotiates, and privacy deviations are
// hers to sign off.
func demoPeople() []demoPerson {
	user := func(username, name, title string, role identity.Role, lang string) identity.User {
		return identity.User{Username: username, Name: name, Title: title, Role: role, Lang: lang}
	}
	return []demoPerson{
		{"port-royal", user("amira", "Amira Haddad", "Senior Solicitor", identity.RoleLegal, "en")},
		{"port-royal", user("marc", "Marc Tremblay", "Deputy City Solicitor", identity.RoleApprover, "en")},
		{"port-royal", user("priya", "Priya Nair", "Privacy Officer", identity.RoleApprover, "en")},
		{"port-royal", user("owen", "Owen Fraser", "Legal Knowledge Manager", identity.RoleLibraryEditor, "en")},
		{"port-royal", user("rachel", "Rachel Osei", "Manager, Risk and Insurance", identity.RoleViewer, "en")},
		{"port-royal", user("admin", "Grace Lindqvist", "Systems Administrator", identity.RoleAdmin, "en")},
		{"saint-laurent", user("luc", "Luc Gagnon", "Conseiller en approvisionnement", identity.RoleLegal, "fr")},
		{"saint-laurent", user("genevieve", "Geneviève Bouchard", "Directrice des affaires juridiques et greffière", identity.RoleApprover, "fr")},
		{"curbside", user("jordan", "Jordan Okafor", "Founder and Chief Executive Officer", identity.RoleVendor, "en")},
		{"curbside", user("sofia", "Sofia Ruiz", "Outside Counsel, Ruiz Technology Law", identity.RoleVendor, "en")},
		{"northwind", user("catherine", "Catherine Lavoie", "Directrice des contrats", identity.RoleVendor, "fr")},
		{"lumiere", user("etienne", "Étienne Pelletier", "Président", identity.RoleVendor, "fr")},
	}
}

// demoCredential is what the start-up table prints for one user, once.
type demoCredential struct {
	user     identity.User
	org      string
	password string
	token    string
}

// demoClock is the seeding clock: the history is dated over the last three
// weeks, at office hours in Eastern time, rather than all at start-up.
type demoClock struct {
	base time.Time // midnight UTC, 20 days ago
	now  time.Time
}

func newDemoClock(now time.Time) *demoClock {
	y, m, d := now.UTC().AddDate(0, 0, -20).Date()
	base := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &demoClock{base: base, now: base}
}

// Now is the clock's reading.
func (c *demoClock) Now() time.Time { return c.now }

// at moves the clock to hh:mm, day days after the base, at UTC-4 (office
// hours in Port-Royal; a fixed offset, so no time-zone database is needed).
// Days 0 to 19 before 20:00 all lie in the past.
func (c *demoClock) at(day, hh, mm int) {
	eastern := time.FixedZone("UTC-4", -4*60*60)
	y, m, d := c.base.AddDate(0, 0, day).Date()
	c.now = time.Date(y, m, d, hh, mm, 0, 0, eastern).UTC()
}

// monthStart is the first day of the clock's month plus months, as
// YYYY-MM-DD.
func (c *demoClock) monthStart(months int) string {
	y, m, _ := c.now.Date()
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).AddDate(0, months, 0).Format(time.DateOnly)
}

// demo is one seeding run. It keeps the first error and turns every later
// step into a no-op (the errWriter pattern), so the scripts read as the
// story they tell.
type demo struct {
	ctx       context.Context
	dir       *identity.Directory
	lib       *clauses.Library
	contracts *negotiation.Service
	clock     *demoClock
	orgs      map[string]identity.Org
	users     map[string]identity.User
	err       error
}

// seedDemo fills an empty store with the demo and prints each user's
// credentials once.
func (m *Main) seedDemo(ctx context.Context, cfg Config, svc *services) error {
	clock := newDemoClock(time.Now())
	lib := &clauses.Library{Log: svc.log, Now: clock.Now}
	d := &demo{ctx: ctx, clock: clock, lib: lib,
		dir:       &identity.Directory{Log: svc.log, Hasher: svc.directory.Hasher, Now: clock.Now, NewID: newID},
		contracts: &negotiation.Service{Log: svc.log, Library: lib, Templates: &templates.Store{Log: svc.log, Now: clock.Now}, Now: clock.Now, NewID: newID},
		orgs:      map[string]identity.Org{}, users: map[string]identity.User{}}
	creds, err := d.seedPeople(cfg.AdminToken)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := d.seedContracts(); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	printCredentials(m.Stdout, creds)
	return nil
}

// seedPeople creates the organisations and users, each user with a random
// password and an API token (the admin's is CIVICPACT_ADMIN_TOKEN if set).
func (d *demo) seedPeople(adminToken string) ([]demoCredential, error) {
	for _, o := range demoOrgs() {
		org, err := d.dir.CreateOrg(d.ctx, o.org)
		if err != nil {
			return nil, err
		}
		d.orgs[o.key] = org
	}
	var creds []demoCredential
	for _, p := range demoPeople() {
		p.user.OrgID = d.orgs[p.org].ID
		password := rand.Text()
		u, err := d.dir.CreateUser(d.ctx, p.user, password)
		if err != nil {
			return nil, fmt.Errorf("user %s: %w", p.user.Username, err)
		}
		given := ""
		if u.Role == identity.RoleAdmin {
			given = adminToken
		}
		token, _, err := d.dir.CreateToken(d.ctx, u.ID, "demo", given)
		if err != nil {
			return nil, err
		}
		if given != "" {
			token = "$CIVICPACT_ADMIN_TOKEN"
		}
		d.users[u.Username] = u
		creds = append(creds, demoCredential{user: u, org: d.orgs[p.org].Name, password: password, token: token})
	}
	return creds, nil
}

// printCredentials writes the credentials table. The organisation comes
// last because it is the only column with spaces.
func printCredentials(w io.Writer, creds []demoCredential) {
	fmt.Fprintln(w, "civicpact: demo data seeded. Each user's password and API token are shown ONCE, here:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  USERNAME\tROLE\tPASSWORD\tTOKEN\tORGANISATION")
	for _, c := range creds {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", c.user.Username, c.user.Role, c.password, c.token, c.org)
	}
	tw.Flush()
	fmt.Fprintln(w, "civicpact: sign in with a username and password, or send `Authorization: Bearer <token>` to /api/v1.")
}

// actor is how a demo user appears in a contract's history.
func (d *demo) actor(username string) negotiation.Actor {
	u := d.users[username]
	org, _ := d.orgByID(u.OrgID)
	side := negotiation.Vendor
	if org.Kind == identity.OrgMunicipality {
		side = negotiation.City
	}
	return negotiation.Actor{UserID: u.ID, Name: u.Name, OrgID: org.ID, Org: org.Name, Side: side, Role: string(u.Role)}
}

func (d *demo) orgByID(id string) (identity.Org, bool) {
	for _, o := range d.orgs {
		if o.ID == id {
			return o, true
		}
	}
	return identity.Org{}, false
}
