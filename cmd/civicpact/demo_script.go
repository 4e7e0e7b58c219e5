package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/civicpact/civicpact/clauses"
	"github.com/civicpact/civicpact/negotiation"
)

// seedContracts plays the demo's history in order. Every contract that pins
// the data-residency clause is assembled before its version 2 is approved,
// so the upgrade-impact list has something to show.
func (d *demo) seedContracts() error {
	d.seedPilot()
	d.seedRound()
	d.seedFinal()
	d.clock.at(12, 10, 40)
	d.assemble(signalsInput(d.clock.monthStart(3)), "amira", "northwind")
	d.seedResidencyV2()
	return d.err
}

// seedPilot is journey 1 up to the point where the demo leaves it: Sofia's
// redlines are in, Amira has accepted the cap, countered the IP licence
// and edited the restoration clause from a stale revision (an open
// conflict), and the $1,000,000 CGL limit waits for Marc's sign-off.
func (d *demo) seedPilot() {
	const ip, lol, ins, restore = "scl-ip-01", "scl-lol-01", "scl-ins-01", "scl-pilot-04"
	d.clock.at(0, 10, 15)
	id := d.assemble(pilotInput(d.clock.monthStart(2)), "amira", "curbside")
	d.clock.at(1, 9, 30)
	d.open(id, "amira")
	d.clock.at(1, 16, 20)
	d.comment(id, "jordan", ip, false, "Thank you, Amira. Sofia Ruiz, our outside counsel, will send our comments on the IP licence, the liability cap and insurance this week. Our one firm point is the sensor platform: it is the whole of our business.")

	d.clock.at(6, 11, 5)
	d.propose(id, "sofia", d.revision(id), "The sensor platform is Curbside's whole business. A licence to modify and have modified, exercisable through contractors, would let a competitor rebuild our platform at the City's request. The City keeps a perpetual licence to use and copy everything it needs; we ask only that it not extend to modifying our platform's source code or to commercial use.",
		d.edit(ip, clauses.EN, d.text(id, ip, clauses.EN),
			"to use, copy, modify and have modified, for municipal purposes, the Foreground IP",
			"to use and copy, for the City's own municipal purposes and excluding the source code of the Vendor's sensor platform, the Foreground IP"))
	d.clock.at(6, 11, 20)
	risk := d.propose(id, "sofia", d.revision(id), "Curbside Labs has twelve employees and receives only the $25,000 pilot fee. A cap of 0.75 times the fees, with the $1,000,000 floor unchanged, is proportionate to a six-month, three-site pilot. Our broker confirms that a $5,000,000 CGL limit is not available to us at a premium we can carry; our policy is $1,000,000 per occurrence and the City stays an additional insured.",
		values(lol, map[string]any{"cap_multiple": 0.75}),
		values(ins, map[string]any{"cgl_amount": "1000000"}))
	d.clock.at(7, 15, 40)
	seen := d.revision(id)
	d.propose(id, "sofia", seen, "Removing pole-mounted sensors needs a road-occupancy permit and a bucket truck, which our installer books six weeks ahead: 60 days is realistic.",
		values(restore, map[string]any{"restoration_days": 60}))
	d.clock.at(7, 16, 10)
	d.propose(id, "amira", seen, "Roads Operations needs the three curb lanes back for parking enforcement and street sweeping as soon as the Pilot ends; 15 days is what our other right-of-way permits allow.",
		d.edit(restore, clauses.EN, d.original(id, restore, clauses.EN), "Within 30 days after the Pilot ends", "Within 15 days after the Pilot ends"))

	d.clock.at(8, 10, 0)
	d.comment(id, "priya", "scl-data-01", true, "Privacy review of the data clause (position C, co-owned de-identified data). No personal information is collected, so MFIPPA is not engaged by the sensor counts themselves, but the pay-station counts are City Data: they must reach Curbside only as hourly aggregates by block face. ISO/IEC 27559:2022 is an acceptable standard provided the City's audit right in (d)(iii) stays. Please do not trade it away.")
	d.clock.at(9, 14, 30)
	if len(risk) == 2 {
		d.decide(id, "amira", risk[0], negotiation.Accept, "Within the fallback range for a pilot of this value; the $1,000,000 floor still applies.", nil)
	}
	d.clock.at(9, 14, 45)
	d.counterLicence(id)
	d.clock.at(9, 15, 5)
	d.comment(id, "amira", ins, true, "Marc, Sofia's redline takes the CGL limit from $5,000,000 to $1,000,000, below our $2,000,000 walk-away line. Rachel Osei (Risk) is comfortable with $1,000,000 for three pole-mounted sensors, no excavation and no personal information, as long as the City stays an additional insured. I recommend we agree; it needs your sign-off before I can finalise.")
	d.clock.at(10, 9, 15)
	d.comment(id, "jordan", ip, false, "We can work with the City's counter on the licence: the carve-out for our platform code is what mattered. Sofia will confirm by Friday.")
	d.clock.at(10, 11, 30)
	d.comment(id, "sofia", restore, false, "On 2.4(e): we have the City's 15-day edit, which crossed our 60-day proposal. Could we meet at 30 days, with Harbour Street cleared first? We will send resolved wording after speaking to our installer.")
}

// counterLicence is Amira's answer to Sofia's licence edit: the platform's
// source code is carved out unless Curbside stops supporting it.
func (d *demo) counterLicence(id string) {
	const ip = "scl-ip-01"
	st := d.state(id)
	if st == nil {
		return
	}
	ctr := d.edit(ip, clauses.EN, d.text(id, ip, clauses.EN),
		"to use and copy, for the City's own municipal purposes and excluding the source code of the Vendor's sensor platform, the Foreground IP",
		"to use, copy, modify and have modified, for municipal purposes, the Foreground IP")
	ctr.Text = strings.Replace(ctr.Text, "needed to use the Deliverables.",
		"needed to use the Deliverables, except that the City may modify the source code of the Vendor's sensor platform, or have it modified, only if the Vendor ceases to support it or becomes insolvent. Municipal purposes do not include selling or commercially licensing the Foreground IP.", 1)
	d.decide(id, "amira", st.Clauses[ip].Pending, negotiation.Counter, "The City must be able to change the configurations, dashboards and integrations it relies on; the platform's source code can be carved out unless Curbside stops supporting it. Commercial exploitation was never intended, and the counter says so.", &ctr)
}

// seedRound is journey 2: Luc assembles one contract per shortlisted
// vendor from the same inputs, opens both, and each vendor redlines its
// own in French.
func (d *demo) seedRound() {
	d.clock.at(3, 9, 0)
	in := roundInput(d.clock.monthStart(3))
	ids := map[string]string{}
	for _, vendor := range []string{"northwind", "lumiere"} {
		v := in
		v.Parties = append(slices.Clone(in.Parties), roundVendors()[vendor])
		ids[vendor] = d.assemble(v, "luc", vendor)
		d.open(ids[vendor], "luc")
	}
	d.clock.at(11, 13, 50)
	nw := ids["northwind"]
	d.propose(nw, "catherine", d.revision(nw), "Une retenue de 10 % immobiliserait environ 48 000 $ jusqu’à l’acceptation finale, soit près de dix-huit mois de fonds de roulement pour une entreprise de notre taille. Nous proposons 5 %, ce qui couvre encore le coût de correction des livrables les plus à risque.",
		d.edit("scl-pay-01", clauses.FR, d.text(nw, "scl-pay-01", clauses.FR), "La Ville retient 10 % de chaque paiement", "La Ville retient 5 % de chaque paiement"))
	d.clock.at(12, 15, 25)
	lu := ids["lumiere"]
	d.propose(lu, "etienne", d.revision(lu), "Nos modèles de comptage sont entraînés sur les données de plusieurs municipalités et font partie de notre plateforme. La Ville conserve la licence perpétuelle prévue au paragraphe (c) ainsi que la propriété de ses données selon l’article 6.1.",
		d.edit("scl-ip-01", clauses.FR, d.text(lu, "scl-ip-01", clauses.FR), "y compris les Améliorations de ses propres produits et de sa plateforme,", "y compris les Améliorations de ses propres produits et de sa plateforme ainsi que les modèles d’analyse entraînés ou calibrés au cours du projet,"))
}

// seedFinal negotiates and finalises the direct award to Lumière
// Analytique: a publicity edit countered and accepted, a liability redline
// below the walk-away line signed off by Marc and accepted.
func (d *demo) seedFinal() {
	const pub, lol = "scl-pub-01", "scl-lol-01"
	d.clock.at(2, 10, 0)
	id := d.assemble(countsInput(d.clock.monthStart(1)), "amira", "lumiere")
	d.clock.at(2, 14, 30)
	d.open(id, "amira")
	d.clock.at(4, 11, 10)
	ams := d.propose(id, "etienne", d.revision(id), "For a $74,000 subscription, a $1,000,000 floor and a $2,000,000 incident cap are more than thirteen times the contract value; our cyber policy is $1,000,000. We also ask to name the City in our reference list, as our other municipal clients allow.",
		d.edit(pub, clauses.EN, d.text(id, pub, clauses.EN), "disclose the existence and general subject of this Contract in a bid", "disclose the existence and general subject of this Contract, and name the City in its list of client references, in a bid"),
		values(lol, map[string]any{"cap_floor": "200000", "data_breach_supercap": "1000000"}))
	if len(ams) != 2 {
		return
	}
	d.clock.at(5, 9, 45)
	ctr := d.edit(pub, clauses.EN, d.text(id, pub, clauses.EN), "name the City in its list of client references,", "name the City, without its logo, in its list of client references,")
	counter := d.decide(id, "amira", ams[0], negotiation.Counter, "A factual reference in a bid is harmless; the City's logo stays under paragraph (a), and endorsement remains excluded by (d).", &ctr)
	d.clock.at(8, 16, 0)
	d.decide(id, "etienne", counter, negotiation.Accept, "Agreed.", nil)
	d.clock.at(9, 9, 20)
	d.comment(id, "amira", lol, true, "Marc, the $200,000 floor is below our $250,000 walk-away line. The contract is worth $74,000 and the privacy and security incident cap stays at $1,000,000, which matches Lumière's cyber policy. I recommend signing off.")
	d.clock.at(9, 11, 0)
	d.signOff(id, "marc", ams[1], "Acceptable for a $74,000 direct award; the incident cap stays at $1,000,000.")
	d.clock.at(9, 11, 40)
	d.decide(id, "amira", ams[1], negotiation.Accept, "Signed off by the Deputy City Solicitor.", nil)
	d.clock.at(10, 10, 30)
	d.finalize(id, "amira")
}

// residencyV2 is the change a statute made to the data-residency clause:
// the foreign-demand paragraph of each position that has one.
func residencyV2() [][2]string {
	return [][2]string{
		{"it shall notify the City immediately, unless the law prohibits it,",
			"it shall notify the City in writing within two business days, unless the law prohibits it, stating the authority, the legal basis claimed and the data demanded,"},
		{"The Vendor shall notify the City of any demand from a foreign authority for Hosted Data, unless the law prohibits it.",
			"The Vendor shall notify the City in writing, within two business days, of any demand from a foreign authority for Hosted Data, stating the authority, the legal basis claimed and the data demanded, unless the law prohibits it."},
		{"il en avise immédiatement la Ville, sauf si la loi le lui interdit,",
			"il en avise la Ville par écrit dans les deux jours ouvrables, sauf si la loi le lui interdit, en précisant l’autorité, le fondement juridique invoqué et les données visées,"},
		{"Le Prestataire avise la Ville de toute demande d’une autorité étrangère visant des Données hébergées, sauf si la loi le lui interdit.",
			"Le Prestataire avise la Ville par écrit, dans les deux jours ouvrables, de toute demande d’une autorité étrangère visant des Données hébergées, en précisant l’autorité, le fondement juridique invoqué et les données visées, sauf si la loi le lui interdit."},
	}
}

// seedResidencyV2 is journey 3's start: Owen drafts version 2 of
// SCL-DATA-03 after a statute change and Marc approves it.
func (d *demo) seedResidencyV2() {
	const key = "SCL-DATA-03"
	if d.err != nil {
		return
	}
	d.clock.at(13, 14, 0)
	v1, err := d.lib.Version(d.ctx, key, 1)
	if d.fail(err, "read %s v1", key); err != nil {
		return
	}
	v2 := v1.Version
	v2.Effective = d.clock.now.AddDate(0, 0, 3).Format("2006-01-02")
	v2.ChangeNote = clauses.Text{
		EN: "Statute change: the amended privacy statute requires a public body to report to the commissioner, within 30 days, any demand by a foreign authority for personal information in its custody or control. The foreign-demand paragraph now requires the Vendor to notify the City in writing within two business days and to state the authority, the legal basis claimed and the data demanded, so the City can report in time. Positions and variables are unchanged.",
		FR: "Modification législative : la loi sur la protection des renseignements personnels, telle que modifiée, oblige l’organisme public à déclarer au commissaire, dans les 30 jours, toute demande d’une autorité étrangère visant des renseignements personnels qu’il détient. Le paragraphe sur les demandes étrangères oblige désormais le Prestataire à aviser la Ville par écrit dans les deux jours ouvrables, en précisant l’autorité, le fondement juridique invoqué et les données visées, afin que la Ville puisse faire sa déclaration à temps. Les positions et les variables sont inchangées.",
	}
	v2.Positions = slices.Clone(v1.Positions)
	changed := 0
	for i := range v2.Positions {
		for _, r := range residencyV2() {
			for _, body := range []*string{&v2.Positions[i].Body.EN, &v2.Positions[i].Body.FR} {
				if strings.Contains(*body, r[0]) {
					*body, changed = strings.Replace(*body, r[0], r[1], 1), changed+1
				}
			}
		}
	}
	if changed != 6 {
		d.fail(fmt.Errorf("changed %d foreign-demand paragraphs, want 6 (A, B, C in both languages)", changed), "draft %s v2", key)
		return
	}
	_, err = d.lib.Draft(d.ctx, clauses.Clause{Key: key}, v2, d.users["owen"].ID)
	d.fail(err, "draft %s v2", key)
	d.clock.at(16, 10, 30)
	if d.err == nil {
		_, err = d.lib.Approve(d.ctx, key, 2, d.users["marc"].ID)
		d.fail(err, "approve %s v2", key)
	}
}
