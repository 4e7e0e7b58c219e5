package main

import (
	"context"
	"fmt"

	"github.com/civicpact/civicpact/identity"
)

// bootstrap prepares an empty store: the first municipality and its admin,
// whose API token is CIVICPACT_ADMIN_TOKEN or a generated one printed once.
func (m *Main) bootstrap(ctx context.Context, cfg Config, svc *services) error {
	has, err := svc.directory.HasUsers(ctx)
	if err != nil || has {
		return err
	}
	org, err := svc.directory.CreateOrg(ctx, identity.Org{Name: "Municipal administration", Kind: identity.OrgMunicipality, Province: "ON"})
	if err != nil {
		return err
	}
	admin, err := svc.directory.CreateUser(ctx, identity.User{OrgID: org.ID, Username: "admin", Name: "Administrator", Role: identity.RoleAdmin}, "")
	if err != nil {
		return err
	}
	secret, _, err := svc.directory.CreateToken(ctx, admin.ID, "bootstrap", cfg.AdminToken)
	if err != nil {
		return err
	}
	if cfg.AdminToken == "" {
		fmt.Fprintf(m.Stdout, "civicpact: created user %q; its API token (shown once, keep it safe):\n  %s\n", admin.Username, secret)
	} else {
		fmt.Fprintf(m.Stdout, "civicpact: created user %q with the token from CIVICPACT_ADMIN_TOKEN\n", admin.Username)
	}
	return nil
}
