#!/usr/bin/env python3
# test-cli-privacy.py: personal data under consent, purged after its retention date, handed
# over and erased on request (docs/cli.md, Personal data), through the built visit-planner-cli.
# Every erasure is checked on the bytes of the files: the database, its -wal and -shm, and
# every backup the store made of it.

import glob
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import unittest

import vpcli

PROGRAMME_UID = "privacy-cli"
PAST_UID = "privacy-cli-past"

# Text that occurs nowhere else, so that finding it in a file's bytes means
# the program kept it.
ERASED = {
    "name": "Vaiva QZXERASENAME",
    "email": "vaiva.qzxerase@example.lt",
    "phone": "+370 600 QZXERASEPHONE",
    "dietary": "QZXERASEDIET",
    "accessibility": "QZXERASEACCESS",
    "emergency_contact": "QZXERASEEMERGENCY",
    "notes": "QZXERASENOTES",
    "reference": "QZXERASEFLIGHT",
    "hotel": "QZXERASEHOTEL",
    "consent_wording": "QZXERASEWORDING",
}
ALL_FIELDS = ["dietary", "accessibility", "emergency-contact", "share-with-hosts",
              "share-with-participants"]


def person(ref, name, email, consent, **fields):
    participant = {"id": ref, "name": name, "email": email, "organisation": "Baltic Optics",
                   "country": "LT", "consent": consent}
    participant.update(fields)
    return participant


def programme_document(uid=PROGRAMME_UID, start="2027-04-13", end="2027-04-15", **programme):
    """A programme with a host, three participants and a session for everyone."""
    head = {"uid": uid, "title": "Privacy in Kaunas " + uid, "host_country": "LT",
            "timezone": "Europe/Vilnius", "start_date": start, "end_date": end}
    head.update(programme)
    return {
        "format": "visit-planner-programme",
        "version": 2,
        "programme": head,
        "hosts": [{"id": "h1", "name": "Kaunas Tech", "contact_name": ERASED["name"],
                   "contact_email": ERASED["email"]}],
        "organisations": [{"id": "o1", "name": "Baltic Optics", "country": "LT",
                           "contact_name": ERASED["name"], "contact_email": ERASED["email"]}],
        "participants": [
            person("egle", "Eglė Petraitė", "egle@example.lt",
                   {"fields": ["accessibility", "emergency-contact", "share-with-hosts",
                               "share-with-participants"], "given": "2027-02-01",
                    "wording": "Form v2"},
                   accessibility="QZXEGLESTEPFREE", emergency_contact="Tadas QZXEGEM",
                   phone="+370 600 10001"),
            person("rasa", "Rasa Jonaitė", "rasa@example.lt",
                   {"fields": ALL_FIELDS, "given": "2027-02-02", "wording": "Form v2"},
                   dietary="QZXRASAVEGAN", emergency_contact="Jonas QZXRAEM",
                   phone="+370 600 10002", notes="QZXRASANOTES",
                   travel=[{"kind": "train", "reference": "QZXRASATRAIN", "from": "Vilnius",
                            "to": "Kaunas", "depart": start + "T07:00",
                            "arrive": start + "T08:15"}],
                   accommodation=[{"name": "QZXRASAHOTEL", "check_in": start,
                                   "check_out": end}]),
            person("vaiva", ERASED["name"], ERASED["email"],
                   {"fields": ALL_FIELDS, "given": "2027-02-03",
                    "wording": ERASED["consent_wording"]},
                   phone=ERASED["phone"], dietary=ERASED["dietary"],
                   accessibility=ERASED["accessibility"],
                   emergency_contact=ERASED["emergency_contact"], notes=ERASED["notes"],
                   travel=[{"kind": "flight", "reference": ERASED["reference"],
                            "from": "Riga", "to": "Kaunas", "depart": start + "T06:00",
                            "arrive": start + "T07:00"}],
                   accommodation=[{"name": ERASED["hotel"], "check_in": start,
                                   "check_out": end}]),
        ],
        "sessions": [{"id": "s1", "uid": uid + "-s1", "title": "Laser lab tour", "host": "h1",
                      "start": start + "T10:00", "end": start + "T12:00"},
                     {"id": "s2", "uid": uid + "-s2", "title": "Lunch", "kind": "meal",
                      "host": "h1", "start": start + "T12:30", "end": start + "T13:30"}],
    }


def squash(text):
    return re.sub(r"\s+", "", text)


class PrivacyTestCase(vpcli.CliTestCase):
    folder_prefix = "test-cli-privacy-"
    quiet_failure = True

    def setUp(self):
        super().setUp()
        self.uid = self.import_document(programme_document())

    def database_files(self):
        """The database and every file the store keeps beside it: -wal, -shm, -journal,
        backups."""
        return sorted(glob.glob(glob.escape(self.database) + "*"))

    def digest(self):
        return {os.path.basename(path): vpcli.sha256(path) for path in self.database_files()}

    def assert_nowhere(self, needles, files=None):
        """None of @needles is in the bytes of the database's files."""
        files = files if files is not None else self.database_files()
        self.assertIn(self.database, files)
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
            for needle in needles:
                # not assertNotIn: its message would print the whole file
                self.assertFalse(needle.encode("utf-8") in data,
                                 "%r is still in %s" % (needle, os.path.basename(path)))

    def document(self, programme=None):
        return json.loads(self.export(programme or self.uid))

    def participant(self, ref, programme=None):
        found = [p for p in self.document(programme)["participants"] if p["id"] == ref]
        self.assertEqual(len(found), 1)
        return found[0]

    def pdf_text(self, *args):
        path = self.path("sheet.pdf")
        self.run_ok("pdf", self.uid, *args, "-o", path)
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        return squash(text)

    def column(self, ref, column):
        with sqlite3.connect(self.database) as connection:
            return connection.execute("SELECT %s FROM participants WHERE ref = ?" % column,
                                      (ref,)).fetchone()[0]


class TestConsent(PrivacyTestCase):

    def test_import_without_consent_says_so_on_stderr(self):
        document = programme_document("privacy-old")
        for p in document["participants"]:
            del p["consent"]
        path = self.write("old.visit.json", json.dumps(document).encode("utf-8"))
        result = self.run_ok("import", path)
        # the uid alone on standard output, the notice on standard error
        self.assertEqual(result.stdout, b"privacy-old\n")
        stderr = result.stderr.decode("utf-8")
        self.assertEqual(stderr.count("\n"), 1, stderr)
        self.assertIn("3 participants with needs or an emergency contact have no “consent” "
                      "(participants[0], participants[1], participants[2])", stderr)
        self.assertIn("kept as consented", stderr)
        self.assertEqual(self.participant("egle", "privacy-old")["consent"]["fields"], ALL_FIELDS)
        self.assertEqual(self.participant("rasa", "privacy-old")["dietary"], "QZXRASAVEGAN")

    def test_document_field_without_consent_not_stored(self):
        document = programme_document("privacy-field")
        document["participants"][0]["dietary"] = "QZXDOCUMENTDIET"
        path = self.write("field.visit.json", json.dumps(document).encode("utf-8"))
        result = self.run_ok("import", path)
        self.assertEqual(result.stdout, b"privacy-field\n")
        self.assertIn("participants[0].dietary: not stored: Eglė Petraitė has not consented to "
                      "give their dietary needs", result.stderr.decode("utf-8"))
        self.assertNotIn("dietary", self.participant("egle", "privacy-field"))
        self.assert_nowhere(["QZXDOCUMENTDIET"])

    def test_csv_dietary_without_consent(self):
        """Eglė never agreed to give her dietary needs: a spreadsheet's dietary column does
        not store them, and says so, naming the line and the column."""
        path = self.write("diet.csv", "Id,Name,Dietary,Phone\n"
                                      "egle,Eglė Petraitė,QZXCSVDIET,+370 600 QZXCSVPHONE\n"
                                      "rasa,Rasa Jonaitė,QZXCSVRASA,\n".encode("utf-8"))
        result = self.run_cli("import-csv", self.uid, "participants", path)
        stderr = result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, 0, stderr)
        self.assertEqual(stderr, "visit-planner-cli: %s: line 2, column “dietary”: not stored: "
                                 "Eglė Petraitė has not consented to give their dietary needs\n"
                         % path)
        self.assertIn("0 added, 2 updated", result.stdout.decode("utf-8"))
        egle = self.participant("egle")
        self.assertNotIn("dietary", egle)
        self.assertEqual(egle["phone"], "+370 600 QZXCSVPHONE")
        self.assertEqual(self.participant("rasa")["dietary"], "QZXCSVRASA")
        self.assertIsNone(self.column("egle", "dietary"))
        self.assert_nowhere(["QZXCSVDIET"])

        # a consent column gives it, and the data with it; what it no longer gives is
        # erased, and said
        path = self.write("consent.csv", "Id,Name,Dietary,Consent\negle,Eglė Petraitė,"
                                         "QZXCSVDIET2,\"accessibility, dietary\"\n"
                                         .encode("utf-8"))
        result = self.run_cli("import-csv", self.uid, "participants", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.decode("utf-8"),
                         "visit-planner-cli: %s: line 2, “emergency_contact” erased: Eglė "
                         "Petraitė no longer consents to give their emergency contact\n" % path)
        egle = self.participant("egle")
        self.assertEqual(egle["dietary"], "QZXCSVDIET2")
        self.assertEqual(egle["consent"]["fields"], ["dietary", "accessibility"])
        self.assertNotIn("emergency_contact", egle)

    def test_withdraw_erases_and_leaves_every_export(self):
        ics = self.path("rasa.ics")
        # before: in the host sheet and the contact sheet
        self.assertIn("QZXRASAVEGAN", self.pdf_text("--host", "h1"))
        self.assertIn("QZXRAEM", self.pdf_text("--layout", "contacts"))

        result = self.run_cli("consent", self.uid, "rasa@example.lt", "--withdraw", "dietary")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.decode("utf-8"),
                         "visit-planner-cli: Rasa Jonaitė: their dietary needs were erased\n")
        self.assertEqual(result.stdout.decode("utf-8"),
                         "Rasa Jonaitė: consent to accessibility, emergency-contact, "
                         "share-with-hosts, share-with-participants; given on 2027-02-02; "
                         "wording: Form v2\n")

        # gone from the database, to its bytes, and from the next exports
        self.assertIsNone(self.column("rasa", "dietary"))
        self.assert_nowhere(["QZXRASAVEGAN"])
        self.assertNotIn(b"QZXRASAVEGAN", self.export(self.uid))
        self.assertNotIn(b"QZXRASAVEGAN", self.run_ok("export-csv", self.uid,
                                                      "participants").stdout)
        self.run_ok("ics", self.uid, "--participant", "rasa", "-o", ics)
        with open(ics, "rb") as f:
            self.assertNotIn(b"QZXRASAVEGAN", f.read())
        self.assertNotIn("QZXRASAVEGAN", self.pdf_text("--host", "h1"))
        # the rest stays
        self.assertEqual(self.participant("rasa")["emergency_contact"], "Jonas QZXRAEM")

        # sharing withdrawn: kept, but out of the documents for others
        self.run_ok("consent", self.uid, "rasa", "--withdraw", "share-with-participants")
        contacts = self.pdf_text("--layout", "contacts")
        self.assertNotIn("QZXRAEM", contacts)
        self.assertNotIn("60010002", contacts)
        self.assertNotIn("rasa@example.lt", contacts)
        self.assertIn("QZXEGEM", contacts)
        self.assertIn("60010001", contacts)
        self.assertIn("notshared", contacts)
        self.assertEqual(self.participant("rasa")["emergency_contact"], "Jonas QZXRAEM")

        self.assertIn("QZXEGLESTEPFREE", self.pdf_text("--host", "h1"))
        self.run_ok("consent", self.uid, "egle", "--withdraw", "share-with-hosts")
        host_sheet = self.pdf_text("--host", "h1")
        self.assertNotIn("QZXEGLESTEPFREE", host_sheet)
        self.assertIn("notshared", host_sheet)
        self.assertEqual(self.participant("egle")["accessibility"], "QZXEGLESTEPFREE")

        # given again: today, and the field may be kept again
        result = self.run_ok("consent", self.uid, "egle", "--give", "dietary", "share-with-hosts")
        self.assertIn("consent to dietary, accessibility, emergency-contact, share-with-hosts",
                      result.stdout.decode("utf-8"))
        self.assertNotEqual(self.participant("egle")["consent"]["given"], "2027-02-01")

    def test_catering_needs_consent_to_share(self):
        """The catering sheet, for the host or caterer, names a need only with its person's
        consent to share it with hosts; the need itself stays in the database."""
        self.assertIn("QZXRASAVEGAN", self.pdf_text("--layout", "catering"))
        self.run_ok("consent", self.uid, "rasa", "--withdraw", "share-with-hosts")
        catering = self.pdf_text("--layout", "catering")
        self.assertNotIn("QZXRASAVEGAN", catering)
        self.assertIn("Lunch", catering)
        self.assertEqual(self.participant("rasa")["dietary"], "QZXRASAVEGAN")

    def test_consent_shown_and_refused(self):
        before = self.digest()
        result = self.run_ok("consent", self.uid, "egle")
        self.assertEqual(result.stdout.decode("utf-8"),
                         "Eglė Petraitė: consent to accessibility, emergency-contact, "
                         "share-with-hosts, share-with-participants; given on 2027-02-01; "
                         "wording: Form v2\n")
        self.assertEqual(self.digest(), before)
        self.assert_usage_error(self.run_cli("consent", self.uid, "egle", "--withdraw",
                                             "religion"))
        self.assert_usage_error(self.run_cli("consent", self.uid, "egle", "--give",
                                             "--withdraw", "dietary"))
        self.assert_usage_error(self.run_cli("consent", self.uid))
        self.assert_one_line_error(self.run_cli("consent", self.uid, "nobody@example.lt",
                                                "--give", "dietary"), "nobody@example.lt")
        self.assertEqual(self.digest(), before)


class TestPurge(PrivacyTestCase):

    def setUp(self):
        super().setUp()
        past = programme_document(PAST_UID, "2020-03-10", "2020-03-12")
        for p in past["participants"]:
            for key in ("dietary", "accessibility", "emergency_contact", "notes", "phone"):
                if key in p:
                    p[key] = "QZXPAST" + key.upper()
            p["email"] = p["id"] + ".qzxpast@example.lt"
            for leg in p.get("travel", []):
                leg["reference"] = "QZXPASTREF" + p["id"].upper()
            for stay in p.get("accommodation", []):
                stay["name"] = "QZXPASTHOTEL" + p["id"].upper()
        # its own contacts are other people
        past["hosts"][0]["contact_email"] = "host.qzxpast@example.lt"
        past["organisations"][0]["contact_email"] = "org.qzxpast@example.lt"
        self.import_document(past, "past.visit.json")
        self.past_secrets = ["QZXPAST" + key.upper() for key in
                             ("dietary", "accessibility", "emergency_contact", "notes", "phone")]
        self.past_secrets += ["vaiva.qzxpast@example.lt", "QZXPASTREFRASA", "QZXPASTHOTELRASA",
                              "QZXPASTREFVAIVA", "QZXPASTHOTELVAIVA"]

    def test_dry_run_changes_nothing(self):
        before = self.digest()
        result = self.run_ok("purge", "--dry-run")
        self.assertEqual(self.digest(), before)
        out = result.stdout.decode("utf-8")
        self.assertTrue(out.startswith("Would purge “Privacy in Kaunas privacy-cli-past” "
                                       "(programme 2), kept until 2021-03-12:\n"), out)
        self.assertIn("  Eglė Petraitė: email, phone, access needs, emergency contact\n", out)
        self.assertIn("  Rasa Jonaitė: email, phone, dietary needs, emergency contact, notes, "
                      "1 travel reference, 1 hotel stay\n", out)
        self.assertNotIn("privacy-cli”", out)
        # and the same for the one programme
        self.assertEqual(self.run_ok("purge", PAST_UID, "--dry-run").stdout, result.stdout)
        self.assertEqual(self.digest(), before)

    def test_purge_after_retention_date(self):
        current = self.export(self.uid)
        result = self.run_ok("purge")
        self.assertTrue(result.stdout.decode("utf-8").startswith("Purged “Privacy in Kaunas "
                                                                 "privacy-cli-past”"))
        document = self.document(PAST_UID)
        for p in document["participants"]:
            for member in ("email", "phone", "dietary", "accessibility", "emergency_contact",
                           "notes", "accommodation"):
                self.assertNotIn(member, p, (p["id"], member))
            for leg in p.get("travel", []):
                self.assertNotIn("reference", leg)
                self.assertEqual(leg["to"], "Kaunas")
            # the funder's record stays
            self.assertEqual(p["organisation"], "Baltic Optics")
        self.assertEqual([p["name"] for p in document["participants"]],
                         ["Eglė Petraitė", "Rasa Jonaitė", ERASED["name"]])
        self.assertEqual(document["sessions"][0]["attendees"], "all")
        self.assert_nowhere(self.past_secrets)
        # the other programme, still within its date, is untouched
        self.assertEqual(self.export(self.uid), current)
        # nothing left to purge
        self.assertEqual(self.run_ok("purge").stdout, b"Nothing to purge.\n")

    def test_programme_within_its_date(self):
        before = self.digest()
        stderr = self.assert_one_line_error(self.run_cli("purge", self.uid), "2028-04-15")
        self.assertIn("nothing was purged", stderr)
        self.assert_one_line_error(self.run_cli("purge", self.uid, "--dry-run"), "2028-04-15")
        # a date of its own
        document = programme_document(retention_until="2027-05-31")
        self.run_ok("import", "--update", self.write("update.visit.json",
                                                     json.dumps(document).encode("utf-8")))
        self.assert_one_line_error(self.run_cli("purge", self.uid), "2027-05-31")
        self.assertNotEqual(self.digest(), before)
        self.assertEqual(self.document()["programme"]["retention_until"], "2027-05-31")


class TestPerson(PrivacyTestCase):

    def test_export(self):
        path = self.path("vaiva.json")
        before = self.digest()
        self.run_ok("person", "export", ERASED["email"].upper(), "-o", path)
        self.assertEqual(self.digest(), before)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        with open(path, encoding="utf-8") as f:
            exported = json.load(f)
        self.assertEqual(exported["format"], "visit-planner-person")
        self.assertEqual(len(exported["summary"]), 3)
        self.assertIn("participant " + ERASED["name"], exported["summary"][0])
        (programme,) = exported["programmes"]
        self.assertEqual(programme["uid"], PROGRAMME_UID)
        self.assertEqual(programme["retention_until"], "2028-04-15")
        (vaiva,) = programme["participants"]
        for key in ("phone", "dietary", "accessibility", "emergency_contact", "notes"):
            self.assertEqual(vaiva[key], ERASED[key])
        self.assertEqual(vaiva["consent"]["wording"], ERASED["consent_wording"])
        self.assertEqual(vaiva["travel"][0]["reference"], ERASED["reference"])
        self.assertEqual(vaiva["accommodation"][0]["name"], ERASED["hotel"])
        self.assertEqual([s["title"] for s in vaiva["sessions"]], ["Laser lab tour", "Lunch"])
        self.assertEqual(sorted(c["as"] for c in programme["contacts"]), ["host", "organisation"])
        # standard output without -o; the address as asked for
        self.assertEqual(json.loads(self.run_ok("person", "export", ERASED["email"]).stdout),
                         dict(exported, email=ERASED["email"]))

    def test_nobody(self):
        before = self.digest()
        self.assert_one_line_error(self.run_cli("person", "export", "nobody@example.lt"),
                                   "nobody@example.lt")
        self.assert_one_line_error(self.run_cli("person", "erase", "nobody@example.lt",
                                                "--yes"), "nobody@example.lt")
        self.assert_usage_error(self.run_cli("person", "forget", ERASED["email"]))
        self.assert_usage_error(self.run_cli("person", "export", "not an email"))
        self.assertEqual(self.digest(), before)

    def test_erase_without_yes_changes_nothing(self):
        before = self.digest()
        result = self.run_cli("person", "erase", ERASED["email"])
        self.assertEqual(result.returncode, 1, result.stderr)
        out = result.stdout.decode("utf-8")
        self.assertTrue(out.startswith("Would erase:\n"), out)
        self.assertIn("participant %s: name, organisation, email, phone, dietary needs, "
                      "access needs, emergency contact, notes" % ERASED["name"], out)
        self.assertIn("contact of the host Kaunas Tech: name and email", out)
        self.assertIn("--yes", result.stderr.decode("utf-8"))
        self.assertEqual(self.digest(), before)
        self.assertEqual(self.participant("vaiva")["dietary"], ERASED["dietary"])

    def downgrade_before_consent(self):
        """The database as the release before consent wrote it (its version the one before
        the schema step that adds consent; the steps after it leave what they make, and run
        again): opening it again migrates it, after a backup that holds everyone's data.
        Returns the version it then has."""
        # the version before the consent step, whatever steps follow it
        schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core",
                              "store", "vp-store-schema.c")
        with open(schema, encoding="utf-8") as f:
            step = re.search(r'\{ (\d+),\s*"ALTER TABLE programmes ADD COLUMN retention_until',
                             f.read())
        with sqlite3.connect(self.database) as connection:
            version = int(step.group(1)) - 1
            connection.executescript(
                "DROP TRIGGER participants_consent_insert;"
                "DROP TRIGGER participants_consent_update;"
                "ALTER TABLE participants DROP COLUMN consent_fields;"
                "ALTER TABLE participants DROP COLUMN consent_given;"
                "ALTER TABLE participants DROP COLUMN consent_wording;"
                "ALTER TABLE programmes DROP COLUMN retention_until;"
                "PRAGMA user_version = %d;" % version)
        connection.close()
        return version

    def test_erase_leaves_no_byte(self):
        version = self.downgrade_before_consent()
        self.run_ok("list")
        backups = glob.glob(glob.escape(self.database) + ".v%d-*.bak" % version)
        self.assertEqual(len(backups), 1)
        with open(backups[0], "rb") as f:
            self.assertIn(ERASED["dietary"].encode(), f.read())

        # another program holds the database open (not reading): the -wal and -shm files
        # stay beside it, and a write leaves the person's row in the log
        reader = sqlite3.connect(self.database)
        self.addCleanup(reader.close)
        reader.execute("SELECT count(*) FROM participants").fetchall()
        self.run_ok("consent", self.uid, ERASED["email"], "--give", "dietary")
        with open(self.database + "-wal", "rb") as f:
            self.assertIn(ERASED["dietary"].encode(), f.read())
        files = self.database_files()
        self.assertEqual({os.path.basename(p)[len("visits.db"):][:3] for p in files},
                         {"", "-sh", "-wa", ".v%d" % version})

        result = self.run_cli("person", "erase", ERASED["email"], "--yes")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith(b"Erased:\n"), result.stdout)
        self.assertEqual(self.database_files(), files)
        self.assert_nowhere(ERASED.values(), files)

        # the others stay, and so does the backup as a database of its version
        reader.close()
        self.assertEqual([p["id"] for p in self.document()["participants"]], ["egle", "rasa"])
        self.assertNotIn("contact_email", self.document()["hosts"][0])
        with sqlite3.connect(backups[0]) as backup:
            self.assertEqual(backup.execute("PRAGMA user_version").fetchone()[0], version)
            self.assertEqual(backup.execute("SELECT ref FROM participants ORDER BY position")
                             .fetchall(), [("egle",), ("rasa",)])
            self.assertEqual(backup.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        self.assertEqual(stat.S_IMODE(os.stat(backups[0]).st_mode), 0o600)
        self.assertEqual(self.run_cli("person", "export", ERASED["email"]).returncode, 2)

    def test_erase_refused_while_reading(self):
        """A program in the middle of reading the database keeps its log from being emptied:
        the erasure changes nothing and says why."""
        reader = sqlite3.connect(self.database, isolation_level=None)
        self.addCleanup(reader.close)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM participants").fetchall()
        self.run_ok("consent", self.uid, "rasa", "--give", "dietary")
        result = self.run_cli("person", "erase", ERASED["email"], "--yes")
        self.assert_one_line_error(result, "is reading or writing the database")
        reader.execute("COMMIT")
        self.assertEqual(self.participant("vaiva")["dietary"], ERASED["dietary"])


if __name__ == "__main__":
    unittest.main()
