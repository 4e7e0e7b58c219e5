// Command civicpact serves the civicpact API and web UI, and carries the
// operator commands (tokens, library import/export, audit export).
//
//	civicpact [serve] [flags]          run the service (default)
//	civicpact token create --user NAME [--role ROLE] [--org ORG_ID]
//	civicpact library export DIR | library import DIR
//	civicpact audit export [FILE] | audit verify [EXPORT_FILE]
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Env: os.Getenv}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "civicpact: %v\n", err)
		os.Exit(1)
	}
}

// Run dispatches to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		cfg, err := parseConfig("civicpact serve", args, m.Env, m.Stderr)
		if err != nil {
			return err
		}
		return m.Serve(ctx, cfg)
	case "token":
		return m.tokenCommand(ctx, args)
	case "library":
		return m.libraryCommand(ctx, args)
	case "audit":
		return m.auditCommand(ctx, args)
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q (try: civicpact help)", cmd)
}

const usage = `civicpact — assemble, negotiate and sign municipal smart-city PPP contracts.

  civicpact [serve] [flags]     run the service (civicpact serve -h lists the flags)
  civicpact token create --user NAME [--role ROLE] [--org ORG_ID]
                                issue an API token (creating the user if needed)
  civicpact library export DIR  write the clause library, one Markdown file per clause
  civicpact library import DIR  apply a library folder (all files valid, or nothing changes)
  civicpact audit export [FILE] write every hash chain as JSON Lines with a final digest
  civicpact audit verify [FILE] recompute every chain; with an export, check the store still matches it
`
