package main

import (
	"context"
	"crypto/rand"
	"fmt"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/identity"
	"github.com/civicpact/civicpact/library"
)

// bootstrap prepares an empty store: the first municipality and its admin,
// with a random password for the web UI and an API token
// (CIVICPACT_ADMIN_TOKEN, or a generated one), both printed once; with
// --demo, the demo's organisations, users and contracts instead.
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
	password := rand.Text()
	admin, err := svc.directory.CreateUser(ctx, identity.User{OrgID: org.ID, Username: "admin", Name: "Administrator", Role: identity.RoleAdmin}, password)
	if err != nil {
		return err
	}
	secret, _, err := svc.directory.CreateToken(ctx, admin.ID, "bootstrap", cfg.AdminToken)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "civicpact: created user %q; its web password (shown once, keep it safe): %s\n", admin.Username, password)
	if cfg.AdminToken == "" {
		fmt.Fprintf(m.Stdout, "civicpact: its API token (shown once, keep it safe):\n  %s\n", secret)
	} else {
		fmt.Fprintln(m.Stdout, "civicpact: its API token is the one from CIVICPACT_ADMIN_TOKEN")
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
