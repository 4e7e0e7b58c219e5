package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/civicpact/civicpact/apperr"
	"github.com/civicpact/civicpact/identity"
)

// tokenCommand is `civicpact token create --user NAME [--role ROLE] [--org ID]`:
// it issues a token for the user, creating the user with ROLE in ORG (default:
// the first municipality) when it does not exist.
func (m *Main) tokenCommand(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: civicpact token create --user NAME [--role ROLE] [--org ORG_ID] [--name LABEL]")
	}
	var cfg Config
	fs := flag.NewFlagSet("civicpact token create", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	configFlags(fs, &cfg, m.Env)
	user := fs.String("user", "", "username")
	role := fs.String("role", "", "role when creating the user: admin, library_editor, legal, approver, vendor, viewer")
	orgID := fs.String("org", "", "organisation ID when creating the user")
	label := fs.String("name", "cli", "label of the token")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if *user == "" {
		return errors.New("--user is required")
	}
	store, err := openStore(ctx, cfg, m.logger(cfg))
	if err != nil {
		return err
	}
	defer store.Close()
	dir := m.wire(store).directory
	u, err := dir.UserByName(ctx, *user)
	if apperr.Is(err, apperr.NotFound) {
		u, err = m.createCLIUser(ctx, dir, *user, identity.Role(*role), *orgID)
	}
	if err != nil {
		return err
	}
	secret, _, err := dir.CreateToken(ctx, u.ID, *label, "")
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, secret)
	return nil
}

func (m *Main) createCLIUser(ctx context.Context, dir *identity.Directory, name string, role identity.Role, orgID string) (identity.User, error) {
	if !role.Valid() {
		return identity.User{}, fmt.Errorf("user %q does not exist; give --role to create it", name)
	}
	if orgID == "" {
		orgs, err := dir.Orgs(ctx)
		if err != nil {
			return identity.User{}, err
		}
		for _, o := range orgs {
			if o.Kind == identity.OrgMunicipality {
				orgID = o.ID
				break
			}
		}
	}
	return dir.CreateUser(ctx, identity.User{OrgID: orgID, Username: name, Name: name, Role: role}, "")
}
