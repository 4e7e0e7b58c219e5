package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/civicpact/civicpact/library"
)

// libraryCommand is `civicpact library export DIR` and `library import DIR`:
// the clause library as one Markdown file per clause, for keeping in git.
// Import validates every file first and changes nothing when any is
// invalid, listing each problem with its file and line.
func (m *Main) libraryCommand(ctx context.Context, args []string) error {
	if len(args) < 2 || (args[0] != "export" && args[0] != "import") {
		return errors.New("usage: civicpact library export DIR | civicpact library import DIR")
	}
	var cfg Config
	fs := flag.NewFlagSet("civicpact library", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	configFlags(fs, &cfg, m.Env)
	if err := fs.Parse(args[2:]); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, m.logger(cfg))
	if err != nil {
		return err
	}
	defer store.Close()
	lib := m.wire(store).library
	if err := seedLibrary(ctx, lib); err != nil {
		return err
	}
	dir := args[1]
	if args[0] == "export" {
		entries, err := lib.All(ctx)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, f := range library.FilesOf(entries) {
			if err := os.WriteFile(filepath.Join(dir, f.Name), library.EncodeFile(f.Clause, f.Versions), 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(m.Stdout, "exported %d clauses to %s\n", len(entries), dir)
		return nil
	}
	files, err := library.ReadDir(os.DirFS(dir))
	if err != nil {
		return describe(err)
	}
	rep, err := lib.Import(ctx, library.ImportItems(files))
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(m.Stdout, "imported %s: %d new clauses, %d version changes, %d unchanged\n", dir, len(rep.Created), len(rep.Versioned), rep.Unchanged)
	for _, v := range rep.Versioned {
		fmt.Fprintf(m.Stdout, "  %s\n", v)
	}
	return nil
}
