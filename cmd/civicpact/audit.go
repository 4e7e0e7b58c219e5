package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/civicpact/civicpact/audit"
	"github.com/civicpact/civicpact/records"
)

const auditUsage = "usage: civicpact audit export [flags] [FILE] | civicpact audit verify [flags] [EXPORT_FILE]"

// auditCommand is `civicpact audit export [FILE]`, which writes every hash
// chain in the store as JSON Lines ending with a digest line (stdout when
// FILE is absent), and `civicpact audit verify [EXPORT_FILE]`, which
// recomputes every chain and, given an earlier export, checks that the
// store still holds every exported record unchanged.
func (m *Main) auditCommand(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "verify") {
		return errors.New(auditUsage)
	}
	var cfg Config
	fs := flag.NewFlagSet("civicpact audit "+args[0], flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	configFlags(fs, &cfg, m.Env)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return errors.New(auditUsage)
	}
	store, err := openStore(ctx, cfg, m.logger(cfg))
	if err != nil {
		return err
	}
	defer store.Close()
	if args[0] == "export" {
		return m.auditExport(ctx, store, fs.Arg(0))
	}
	return m.auditVerify(ctx, store, fs.Arg(0))
}

// auditExport writes the export to file (stdout for "" or "-") and reports
// the digest to keep outside the database.
func (m *Main) auditExport(ctx context.Context, store records.Log, file string) (err error) {
	w, report := m.Stdout, m.Stderr
	if file != "" && file != "-" {
		f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("audit export: %w (the file must not exist yet)", err)
		}
		defer func() { err = errors.Join(err, f.Sync(), f.Close()) }()
		w, report = f, m.Stdout
	}
	d, err := audit.Export(ctx, store, w)
	if err != nil {
		return err
	}
	fmt.Fprintf(report, "%s over %d records in %d streams; keep this digest outside the database\n", d.Digest, d.Records, d.Streams)
	if !d.Report.OK {
		return fmt.Errorf("exported, but the store's chains do not verify: %s", describeBreak(d.Report.Break))
	}
	return nil
}

// auditVerify recomputes the store's chains and, with an export file,
// checks the store against it. Any finding is an error (exit status 1).
func (m *Main) auditVerify(ctx context.Context, store records.Log, file string) error {
	rep, err := audit.VerifyStore(ctx, store)
	if err != nil {
		return err
	}
	if !rep.OK {
		return fmt.Errorf("the store's chains do not verify: %s", describeBreak(rep.Break))
	}
	fmt.Fprintf(m.Stdout, "ok: %d records in %d streams verify\n", rep.Records, rep.Streams)
	if file == "" {
		return nil
	}
	check, err := checkExportFile(ctx, store, file)
	if err != nil {
		return err
	}
	switch {
	case !check.File.OK:
		return fmt.Errorf("the export %s is altered: %s", file, describeBreak(check.File.Break))
	case check.Mismatch != nil:
		return fmt.Errorf("the store no longer matches the export %s: %s", file, describeBreak(check.Mismatch))
	}
	fmt.Fprintf(m.Stdout, "ok: the store still holds the %d records of %s unchanged\n", check.Records, file)
	return nil
}

func checkExportFile(ctx context.Context, store records.Log, file string) (audit.ExportCheck, error) {
	f, err := os.Open(file)
	if err != nil {
		return audit.ExportCheck{}, err
	}
	defer f.Close()
	return audit.CheckExport(ctx, store, f)
}

func describeBreak(b *records.Break) string {
	if b == nil {
		return "no break"
	}
	return fmt.Sprintf("%s record %d: %s", b.Stream, b.Seq, b.Reason)
}
