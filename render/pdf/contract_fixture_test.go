package pdf_test

import (
	"context"
	"testing"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/internal/testenv"
	"github.com/civicpact/civicpact/negotiation"
	"github.com/civicpact/civicpact/templates"
)

// builtins are the five built-in templates.
var builtins = []string{"TPL-RFP", "TPL-CHALLENGE", "TPL-PILOT", "TPL-GRANT", "TPL-SOLE"}

var (
	amira = negotiation.Actor{UserID: "usr_amira", Name: "Amira Haddad", OrgID: "org_city", Org: "City of Port-Royal", Side: negotiation.City, Role: "legal"}
	sofia = negotiation.Actor{UserID: "usr_sofia", Name: "Sofia Ruiz", OrgID: "org_curbside", Org: "Curbside Labs Inc.", Side: negotiation.Vendor, Role: "vendor"}
	marc  = negotiation.Actor{UserID: "usr_marc", Name: "Marc Tremblay", OrgID: "org_city", Org: "City of Port-Royal", Side: negotiation.City, Role: "approver"}
)

// contractInput is a complete input for a built-in template: an Ontario
// contract in English, or a Québec contract in French with French values.
func contractInput(key string, lang clauses.Lang) templates.Input {
	in := testenv.PilotInput()
	in.Template = templates.Ref{Key: key, Version: 1}
	vars := map[string]any{
		"contract_value_cad":     "90000",
		"venue":                  "Port-Royal",
		"change_authority":       "the City Solicitor",
		"escrow_agent":           "Iron Mountain Canada Corporation",
		"privacy_contact_vendor": "the Vendor's Privacy Officer",
		"lobbying_regime":        "the City of Port-Royal Lobbyist Registry By-law",
		"code_of_conduct_ref":    "the City of Port-Royal Supplier Code of Conduct (2025)",
		"city_notice_address":    "City Solicitor, City of Port-Royal, 100 Harbour Street, Port-Royal, Ontario",
		"vendor_notice_address":  "Chief Executive Officer, Curbside Labs Inc., 44 King Street West, Port-Royal, Ontario",
		"authority_ref":          "By-law 2024-117, section 4",
	}
	if lang == clauses.FR {
		in.Province, in.Languages = "QC", []clauses.Lang{clauses.FR}
		in.Parties = []templates.Party{
			{Role: "city", Name: "Ville de Trois-Rivières", Address: "1325, place de l’Hôtel-de-Ville, Trois-Rivières (Québec)",
				Signatories: []templates.Signatory{{Name: "Élodie Gagné-Françoeur", Title: "Greffière", AuthorityRef: "Résolution C-2026-117"}}},
			{Role: "vendor", Name: "Capteurs Québécois inc.", Address: "450, rue Saint-Maurice, Trois-Rivières (Québec)",
				Signatories: []templates.Signatory{{Name: "Marc-André Bélanger", Title: "Président"}}},
		}
		for k, v := range map[string]any{"venue": "Trois-Rivières", "change_authority": "la greffière de la Ville",
			"escrow_agent": "Fiducie Desjardins inc.", "privacy_contact_vendor": "le responsable de la protection des renseignements personnels du Prestataire",
			"lobbying_regime":       "la Loi sur la transparence et l’éthique en matière de lobbyisme",
			"code_of_conduct_ref":   "le Code d’éthique des fournisseurs de la Ville (2025)",
			"city_notice_address":   "Greffe, Ville de Trois-Rivières, 1325, place de l’Hôtel-de-Ville, Trois-Rivières (Québec)",
			"vendor_notice_address": "Président, Capteurs Québécois inc., 450, rue Saint-Maurice, Trois-Rivières (Québec)",
			"authority_ref":         "résolution C-2026-117"} {
			vars[k] = v
		}
	}
	if lang == clauses.FR && (key == "TPL-PILOT" || key == "TPL-CHALLENGE") {
		vars["pilot_purpose"] = "de vérifier si des capteurs d’occupation en bordure de rue réduisent le temps que les conducteurs passent à chercher une place"
		vars["sites"] = "trois emplacements en bordure de rue, rue des Forges, place du Marché et rue de la Gare"
		vars["data_feeds"] = "l’inventaire du stationnement sur rue de la Ville et les données anonymisées des horodateurs"
		vars["success_criteria"] = "une précision d’occupation d’au moins 95 % par rapport aux comptages manuels"
	}
	if key != "TPL-PILOT" {
		vars["start_date"] = in.Variables["start_date"]
	} else {
		delete(vars, "change_authority")
		delete(vars, "escrow_agent")
		delete(vars, "lobbying_regime")
	}
	if key == "TPL-PILOT" || key == "TPL-CHALLENGE" {
		for _, k := range []string{"pilot_purpose", "sites", "data_feeds", "success_criteria", "start_date"} {
			if vars[k] == nil {
				vars[k] = in.Variables[k]
			}
		}
	}
	switch key {
	case "TPL-CHALLENGE":
		vars["phase_schedule"] = "Phase 1 (prototype): $30,000; Phase 2 (field test): $60,000"
		vars["total_fee_cap"] = "90000"
	case "TPL-GRANT":
		vars["funder"], vars["funder_name"], vars["program_name"] = "Infrastructure Canada", "Infrastructure Canada", "Smart Cities Challenge"
	case "TPL-SOLE":
		vars["sole_source_justification"] = "Only the vendor holds the rights to the installed sensor firmware."
		vars["trade_exception"] = "exclusive_rights"
	}
	in.Variables = vars
	return in
}

// mustAssembled assembles a built-in template over a fresh store.
func mustAssembled(t testing.TB, env *testenv.Env, key string, lang clauses.Lang) *negotiation.State {
	t.Helper()
	st, err := env.Contracts.Assemble(context.Background(), contractInput(key, lang), amira, "org_curbside")
	if err != nil {
		t.Fatalf("assemble %s %s: %v", key, lang, err)
	}
	return st
}

// mustDeviations is the deviation report of st.
func mustDeviations(t testing.TB, env *testenv.Env, st *negotiation.State) []negotiation.Deviation {
	t.Helper()
	devs, err := env.Contracts.Deviations(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return devs
}

// mustFinalPilot drives journey 1's pilot to a final contract: the vendor
// proposes wording and a walk-away insurance amount, the city accepts both,
// comments internally, an approver signs off and the city finalises.
func mustFinalPilot(t testing.TB, env *testenv.Env) *negotiation.State {
	t.Helper()
	ctx := context.Background()
	st := mustAssembled(t, env, "TPL-PILOT", clauses.EN)
	id := st.Contract.ID
	must := func(s *negotiation.State, err error) *negotiation.State {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	st = must(env.Contracts.Open(ctx, id, amira))
	ams := []negotiation.Amendment{
		{ClauseID: "scl-pilot-01", Kind: negotiation.AmendText, Lang: clauses.EN, Text: st.Clauses["scl-pilot-01"].Text.EN + "\n\nThe Vendor may extend the Pilot by one month on written notice."},
		{ClauseID: "scl-ins-01", Kind: negotiation.AmendVariables, Values: map[string]any{"cgl_amount": "1000000"}},
	}
	st, r, err := env.Contracts.Propose(ctx, id, sofia, st.Revision, "Weather delays; proportionate cover for a three-site pilot.", ams)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range r.Amendments {
		st = must(env.Contracts.Decide(ctx, id, amira, st.Revision, negotiation.Decision{AmendmentID: a.ID, Action: negotiation.Accept, Reason: "agreed"}))
	}
	if _, _, err := env.Contracts.Comment(ctx, id, amira, negotiation.Comment{ClauseID: "scl-ins-01", Text: internalComment, Internal: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Contracts.SignOff(ctx, id, marc, negotiation.SignOff{AmendmentID: r.Amendments[1].ID, Note: signOffNote}); err != nil {
		t.Fatal(err)
	}
	st, err = env.Contracts.Load(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return must(env.Contracts.Finalize(ctx, id, amira, st.Revision))
}

// Secrets the PDF must never show.
const (
	internalComment = "Marc: please sign off the CGL reduction; risk management agrees."
	signOffNote     = "Acceptable for a pilot of this size."
)
