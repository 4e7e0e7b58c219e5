package main

import (
	"context"
	"fmt"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/library"
)

// bootstrap prepares an empty store: the first municipality and its admin,
// whose API token is CIVICPACT_ADMIN_TOKEN or a generated one printed once;
// with --demo, the demo's organisations, users and contracts instead.
func (m *Main) bootstrap(ctx context.Context, cfg Config, svc *services) error {
	if err := seedLibrary(ctx, svc.library); err != nil {
		return fmt.Errorf("load the starter library: %w", err)
	}
	if _, err := svc.templates.Seed(ctx); err != nil {
		return fmt.Errorf("load the built-in templates: %w", err)
	}
	has, err := svc.directory.HasUsers(ctx)
	if err != nil || has {
		return err
	}
	if cfg.Demo {
		return m.seedDemo(ctx, cfg, svc)
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

// seedLibrary loads the starter library (embedded in the binary) into a
// store that has no clauses yet.
func seedLibrary(ctx context.Context, lib *clauses.Library) error {
	all, err := lib.All(ctx)
	if err != nil || len(all) > 0 {
		return err
	}
	files, err := library.ReadDir(library.Starter())
	if err != nil {
		return err
	}
	_, err = lib.Import(ctx, library.ImportItems(files))
	return err
}
