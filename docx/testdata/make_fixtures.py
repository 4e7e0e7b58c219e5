#!/usr/bin/python3
"""Play the vendor's lawyer in LibreOffice Writer and save Word redlines.

Regenerates docx/testdata/vendor_*.docx from the committed exports
(pilot_en.docx, rfp_fr.docx): it starts a private, headless soffice on a
named pipe (no network), opens each export, and with Edit > Track Changes >
Record on (the export switches it on) makes a tracked insertion, a tracked
replacement, a tracked whole-paragraph deletion and a tracked new paragraph,
then with recording off one untracked edit, and saves as Word 2007-365.

Needs Debian's /usr/bin/python3 with python3-uno and libreoffice-writer:
    apt-get install -y libreoffice-writer-nogui python3-uno
    cd docx/testdata && /usr/bin/python3 make_fixtures.py [OUTPUT_DIR]
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

PIPE = "civicpact_docx_fixtures"

# Each edit: (kind, anchor text, argument). Kinds:
#   insert_after   tracked insertion of arg right after anchor
#   replace        tracked replacement of anchor by arg
#   delete_para    tracked deletion of the whole paragraph holding anchor, mark included
#   new_para       tracked new paragraph arg after the paragraph holding anchor
#   untracked      replacement of anchor by arg with recording off
PLANS = {
    "vendor_en": ("pilot_en.docx", "Vendor Counsel", [
        ("insert_after", "on a limited scale", " and for a fixed period"),  # in the recitals: reported, not imported
        ("insert_after", "in real operating conditions", " and for a fixed period"),
        ("replace", " at the same time and", ""),
        ("replace", "within 30 days, at the rates", "within 45 days, at the rates"),
        ("untracked", "exceeds a requirement", "exceeds an express requirement"),
        ("delete_para", "Within 30 days after the Pilot ends", None),
        ("new_para", "under section 2.4.", "The Vendor may ask the City in writing to extend this licence by one month."),
    ]),
    "vendor_fr": ("rfp_fr.docx", "Conseillère juridique du Prestataire", [
        ("replace", "24 mois", "36 mois"),
        ("insert_after", "au plus 2 fois", " (à son choix\u00a0: « prolongation »)"),
        ("untracked", "à titre indicatif", "à titre informatif"),
        ("delete_para", "Le Prestataire ne peut résilier le présent contrat que si", None),
        ("new_para", "permettre une transition ordonnée.", "Le Prestataire peut demander l’avis écrit de la Ville sur toute prolongation\u00a0; « sans délai »."),
    ]),
}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(profile):
    soffice = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE])
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
            return soffice, ctx
        except Exception:
            time.sleep(0.5)
    soffice.kill()
    sys.exit("soffice did not start")


def set_author(ctx, name):
    smgr = ctx.ServiceManager
    cp = smgr.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess",
                                            (prop("nodepath", "org.openoffice.UserProfile/Data"),))
    given, _, family = name.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    search.SearchCaseSensitive = True
    found = doc.findFirst(search)
    if found is None:
        sys.exit("not found: %r" % text)
    return found


def edit(doc, kind, anchor, arg):
    found = find(doc, anchor)
    text = found.getText()
    doc.RecordChanges = kind != "untracked"
    if kind == "insert_after":
        cur = text.createTextCursorByRange(found.getEnd())
        text.insertString(cur, arg, False)
    elif kind in ("replace", "untracked"):
        found.setString(arg)
    elif kind == "delete_para":
        cur = text.createTextCursorByRange(found.getStart())
        cur.gotoStartOfParagraph(False)
        cur.gotoNextParagraph(True)
        cur.setString("")
    elif kind == "new_para":
        cur = text.createTextCursorByRange(found.getEnd())
        cur.gotoEndOfParagraph(False)
        text.insertControlCharacter(cur, PARAGRAPH_BREAK, False)
        text.insertString(cur, arg, False)
    doc.RecordChanges = True


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else here
    with tempfile.TemporaryDirectory() as profile:
        soffice, ctx = connect(profile)
        try:
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            for out, (src, author, plan) in sorted(PLANS.items()):
                set_author(ctx, author)
                url = uno.systemPathToFileUrl(os.path.join(here, src))
                doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                print(out, "RecordChanges after load:", doc.RecordChanges)
                for kind, anchor, arg in plan:
                    edit(doc, kind, anchor, arg)
                dest = uno.systemPathToFileUrl(os.path.join(outdir, out + ".docx"))
                doc.storeToURL(dest, (prop("FilterName", "MS Word 2007 XML"),))
                doc.close(True)
                print("wrote", out + ".docx")
            desktop.terminate()
        finally:
            try:
                soffice.wait(timeout=30)
            except subprocess.TimeoutExpired:
                soffice.kill()


if __name__ == "__main__":
    main()
