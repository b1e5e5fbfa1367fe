#!/usr/bin/env python3
# test-cli-csv.py: drives "visit-planner-cli import-csv" and "export-csv" (docs/cli.md)
# in temporary folders.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import csv
import hashlib
import io
import json
import os
import unittest

from vpcli import CliTestCase, load_demo

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "csv")

BOM = b"\xef\xbb\xbf"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_demo = load_demo()
DEMO_PARTICIPANTS = len(_demo["participants"])
DEMO_HOSTS = len(_demo["hosts"])
DEMO_ORGANISATIONS = len(_demo["organisations"])
ORGANISATION_COLUMNS = ["id", "name", "kind", "country", "city", "latitude", "longitude",
                        "cluster", "eccp_url", "contact_name", "contact_email"]


class CsvTestCase(CliTestCase):
    folder_prefix = "test-cli-csv-"
    quiet_success = True
    quiet_failure = True

    def document(self, programme):
        return self.export(programme)

    def export_csv(self, programme, kind):
        return self.run_ok("export-csv", programme, kind).stdout

    def import_csv(self, programme, kind, path, status=0, assumed_consent=0):
        """@assumed_consent: the people added from a list without a consent column
        whose needs or emergency contact are kept as consented, which one line on
        standard error says."""
        result = self.run_cli("import-csv", programme, kind, path)
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, status,
                         stderr + result.stdout.decode("utf-8", "replace"))
        if assumed_consent:
            self.assertEqual(stderr, "visit-planner-cli: %s: no consent column: what it gives of "
                             "the %d people it adds is kept as consented, as whoever collected "
                             "it asked for it\n" % (path, assumed_consent))
        else:
            self.assertEqual(stderr, "")
        return result.stdout.decode("utf-8")

    def participant(self, programme, name):
        document = json.loads(self.document(programme))
        found = [p for p in document["participants"] if p["name"] == name]
        self.assertEqual(len(found), 1, [p["name"] for p in document["participants"]])
        return found[0]

    def database_digest(self):
        digest = hashlib.sha256()
        for suffix in ("", "-wal"):
            path = self.database + suffix
            if os.path.exists(path):
                with open(path, "rb") as f:
                    digest.update(suffix.encode() + b":" + f.read())
        return digest.hexdigest()

    def assert_counts(self, stdout, path, added, updated, unchanged, skipped):
        first = stdout.splitlines()[0]
        self.assertEqual(first, "%s: %d added, %d updated, %d unchanged, %d skipped"
                         % (path, added, updated, unchanged, skipped), stdout)


class TestExport(CsvTestCase):
    def test_stdout_and_file_identical(self):
        uid = self.import_demo()
        for kind in ("participants", "hosts", "organisations"):
            with self.subTest(kind=kind):
                path = self.path(kind + ".csv")
                stdout = self.export_csv(uid, kind)
                result = self.run_ok("export-csv", uid, kind, "-o", path)
                self.assertEqual(result.stdout, b"")
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), stdout)

    def test_excel_dialect(self):
        uid = self.import_demo()
        data = self.export_csv(uid, "participants")
        self.assertTrue(data.startswith(BOM + b"id,name,email,"), data[:40])
        self.assertTrue(data.endswith(b"\r\n"))
        self.assertEqual(data.count(b"\n"), data.count(b"\r\n"))

    def test_read_by_python_csv(self):
        """An independent reader sees every participant, with no cell a spreadsheet would run."""
        uid = self.import_demo()
        data = self.export_csv(uid, "participants").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        self.assertEqual(rows[0][:3], ["id", "name", "email"])
        self.assertEqual(sorted(row[1] for row in rows[1:]),
                         sorted(p["name"] for p in _demo["participants"]))
        for row in rows:
            for cell in row:
                self.assertFalse(cell.startswith(FORMULA_STARTS), cell)

    def test_unknown_programme(self):
        self.import_demo()
        result = self.run_cli("export-csv", "no-such-programme", "hosts")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode().count("\n"), 1)
        self.assertEqual(result.stdout, b"")


class TestRoundTrip(CsvTestCase):
    def round_trip(self, kind, count):
        self.import_demo()
        before = self.document("1")
        path = self.path(kind + ".csv")
        self.run_ok("export-csv", "1", kind, "-o", path)
        out = self.import_csv("1", kind, path)
        self.assert_counts(out, path, 0, 0, count, 0)
        self.assertEqual(out.count("\n"), 1, out)
        self.assertEqual(self.document("1"), before)

    def test_participants(self):
        self.round_trip("participants", DEMO_PARTICIPANTS)

    def test_hosts(self):
        self.round_trip("hosts", DEMO_HOSTS)

    def test_organisations(self):
        self.round_trip("organisations", DEMO_ORGANISATIONS)

    def test_twice(self):
        """Exporting again after the import gives the same file."""
        uid = self.import_demo()
        for kind in ("participants", "hosts", "organisations"):
            with self.subTest(kind=kind):
                first = self.export_csv(uid, kind)
                self.import_csv(uid, kind, self.write(kind + ".csv", first))
                self.assertEqual(self.export_csv(uid, kind), first)


class TestImport(CsvTestCase):
    def test_german_excel_adds(self):
        uid = self.import_demo()
        path = os.path.join(FIXTURES, "participants-excel-de.csv")
        with open(path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(BOM))
        self.assertIn(b";", data.splitlines()[0])
        self.assertIn(b"\r\n", data)
        out = self.import_csv(uid, "participants", path, assumed_consent=2)
        self.assert_counts(out, path, 3, 0, 0, 0)
        person = self.participant(uid, "Jürgen Weiß")
        self.assertEqual(person["email"], "juergen.weiss@optik-jena.example")
        self.assertEqual(person["country"], "DE")
        self.assertEqual(person["role"], "sme")
        self.assertEqual(person["phone"], "+49 3641 55 0123")
        self.assertEqual(self.participant(uid, "Élodie Moreau")["organisation"], "Photon Lyon; R&D")
        document = json.loads(self.document(uid))
        self.assertEqual(len(document["participants"]), DEMO_PARTICIPANTS + 3)

    def test_again_unchanged(self):
        uid = self.import_demo()
        path = os.path.join(FIXTURES, "participants-excel-de.csv")
        self.import_csv(uid, "participants", path, assumed_consent=2)
        before = self.document(uid)
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 0, 0, 3, 0)
        self.assertEqual(self.document(uid), before)

    def test_update(self):
        uid = self.import_demo()
        travel = self.participant(uid, _demo["participants"][0]["name"])["travel"]
        email = _demo["participants"][0]["email"]
        path = self.write("update.csv", ("Name,Email,Dietary\n%s,%s,no nuts\n"
                                         % (_demo["participants"][0]["name"], email.upper())
                                         ).encode("utf-8"))
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 0, 1, 0, 0)
        person = self.participant(uid, _demo["participants"][0]["name"])
        self.assertEqual(person["dietary"], "no nuts")
        self.assertEqual(person["organisation"], _demo["participants"][0]["organisation"])
        # the legs as they were, their uids and revisions too
        self.assertEqual(person["travel"], travel)
        self.assertEqual([{k: v for k, v in leg.items() if k != "revision"} for leg in travel],
                         _demo["participants"][0]["travel"])

    def test_hosts_decimal_comma(self):
        uid = self.import_demo()
        path = os.path.join(FIXTURES, "hosts-fr.csv")
        out = self.import_csv(uid, "hosts", path)
        self.assert_counts(out, path, 2, 0, 0, 0)
        document = json.loads(self.document(uid))
        host = next(h for h in document["hosts"] if h["name"] == "Laboratoire Photonique")
        self.assertAlmostEqual(host["latitude"], 45.764)
        self.assertAlmostEqual(host["longitude"], 4.8357)
        self.assertEqual(host["max_group_size"], 25)
        self.assertEqual(host["country"], "FR")

    def test_windows_1252(self):
        uid = self.import_demo()
        path = os.path.join(FIXTURES, "participants-windows-1252.csv")
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 2, 0, 0, 0)
        self.assertIn("  read as Windows-1252 text\n", out)
        self.assertEqual(self.participant(uid, "Jörg Müller")["organisation"], "Müller & Söhne")

    def test_unknown_column(self):
        uid = self.import_demo()
        path = self.write("extra.csv", b"Name,Email,Shoe size\nEve Example,eve@example.org,42\n")
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 1, 0, 0, 0)
        self.assertIn("Shoe size", out.splitlines()[1])

    def test_skipped_row(self):
        uid = self.import_demo()
        path = self.write("skip.csv", b"Name,Email\r\nEve Example,eve@example.org\r\n"
                                      b"\"Bad\r\nRow\",bad\r\nAdam Example,not-an-email\r\n"
                                      b"Ida Example,ida@example.org\r\n")
        out = self.import_csv(uid, "participants", path, status=1)
        self.assert_counts(out, path, 2, 0, 0, 2)
        lines = out.splitlines()
        self.assertTrue(lines[1].startswith("  line 3 skipped: "), out)
        self.assertTrue(lines[2].startswith("  line 5 skipped: "), out)
        self.assertIn("not-an-email", lines[2])
        self.participant(uid, "Ida Example")

    def test_hostile_text_one_line_each(self):
        """Control characters and line breaks in a skipped cell do not break the report."""
        uid = self.import_demo()
        path = self.write("hostile.csv", b"Name,Email\n\"Mallory\",\"x\x1b[2J\r\nFAKE: 0 added\"\n")
        out = self.import_csv(uid, "participants", path, status=1)
        self.assertEqual(len(out.splitlines()), 2, repr(out))

    def test_report_without_control_characters(self):
        """Cells quoted in the report cannot drive the terminal (escape sequences)."""
        uid = self.import_demo()
        path = self.write("escape.csv", b"Name,Email,\x1b]0;title\x07Extra\n"
                                        b"Mallory,\x1b[2J\x1b[Hmallory@,x\n")
        out = self.import_csv(uid, "participants", path, status=1)
        self.assertEqual([c for c in out if ord(c) < 0x20 and c != "\n"], [], repr(out))


class TestOrganisations(CsvTestCase):
    """import-csv and export-csv of the visiting organisations (docs/cli.md)."""

    # a spreadsheet as a partnership's coordinator keeps it, in its own words
    SHEET = ("Organization;Type;Registered country;City;Lat;Lon;Cluster;ECCP profile;"
             "Contact person;E-mail\r\n"
             "Vilnius Optics Supply UAB;SME;Latvia;Riga;56,9496;24,1052;Baltic Photonics;"
             "https://www.clustercollaboration.eu/cluster-members/vos;Ona Petraitė;"
             "ona@vos.example\r\n"
             "LUMIRAY  OY ;sme;finland;Tampere;61.4978;23.761;;;Jukka Räsänen;"
             "jukka@lumiray.example\r\n")

    def organisations(self, programme):
        return json.loads(self.document(programme))["organisations"]

    def organisation(self, programme, name):
        found = [o for o in self.organisations(programme) if o["name"] == name]
        self.assertEqual(len(found), 1, [o["name"] for o in self.organisations(programme)])
        return found[0]

    def test_export_columns(self):
        uid = self.import_demo()
        data = self.export_csv(uid, "organisations")
        self.assertTrue(data.startswith(BOM))
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0], ORGANISATION_COLUMNS)
        self.assertEqual(len(rows), DEMO_ORGANISATIONS + 1)
        by_id = {row[0]: dict(zip(ORGANISATION_COLUMNS, row)) for row in rows[1:]}
        for organisation in _demo["organisations"]:
            row = by_id[organisation["id"]]
            for column in ORGANISATION_COLUMNS:
                value = organisation[column]
                if isinstance(value, float):
                    self.assertAlmostEqual(float(row[column]), value)
                else:
                    self.assertEqual(row[column], value, column)

    def test_import_adds_and_updates(self):
        uid = self.import_demo()
        path = self.write("organisations.csv", self.SHEET.encode("utf-8"))
        out = self.import_csv(uid, "organisations", path)
        self.assert_counts(out, path, 1, 1, 0, 0)
        self.assertEqual(len(self.organisations(uid)), DEMO_ORGANISATIONS + 1)

        added = self.organisation(uid, "Vilnius Optics Supply UAB")
        self.assertEqual(added["kind"], "sme")
        self.assertEqual(added["country"], "LV")
        self.assertEqual(added["city"], "Riga")
        self.assertAlmostEqual(added["latitude"], 56.9496)
        self.assertAlmostEqual(added["longitude"], 24.1052)
        self.assertEqual(added["cluster"], "Baltic Photonics")
        self.assertEqual(added["eccp_url"],
                         "https://www.clustercollaboration.eu/cluster-members/vos")
        self.assertEqual(added["contact_name"], "Ona Petraitė")
        self.assertEqual(added["contact_email"], "ona@vos.example")
        self.assertTrue(added["uid"])

    def test_two_spellings_one_organisation(self):
        """"LUMIRAY  OY " is the demo's "Lumiray Oy": updated, not added, and
        keeps its spelling; its people still belong to it."""
        uid = self.import_demo()
        before = self.organisation(uid, "Lumiray Oy")
        path = self.write("lumiray.csv", "name,contact_email\nLUMIRAY  OY ,jukka@lumiray.example\n"
                                         "lumiray oy,other@lumiray.example\n".encode("utf-8"))
        out = self.import_csv(uid, "organisations", path, status=1)
        self.assert_counts(out, path, 0, 1, 0, 1)
        self.assertEqual(out.splitlines()[1], "  line 3 skipped: the same organisation as on line 2")
        after = self.organisation(uid, "Lumiray Oy")
        self.assertEqual(after["id"], before["id"])
        self.assertEqual(after["uid"], before["uid"])
        self.assertEqual(after["contact_email"], "jukka@lumiray.example")
        self.assertEqual(len(self.organisations(uid)), DEMO_ORGANISATIONS)
        jukka = self.participant(uid, "Jukka Räsänen")
        self.assertEqual(jukka["organisation_id"], after["id"])

    def test_renamed_by_id_people_follow(self):
        uid = self.import_demo()
        path = self.write("rename.csv", b"id,name\nlumiray,Lumiray Photonics Oy\n")
        out = self.import_csv(uid, "organisations", path)
        self.assert_counts(out, path, 0, 1, 0, 0)
        document = json.loads(self.document(uid))
        self.assertEqual(len(document["organisations"]), DEMO_ORGANISATIONS)
        jukka = self.participant(uid, "Jukka Räsänen")
        self.assertEqual(jukka["organisation"], "Lumiray Photonics Oy")
        self.assertEqual(self.organisation(uid, "Lumiray Photonics Oy")["id"],
                         jukka["organisation_id"])
        # the budget counts the organisation under its new name
        budget = json.loads(self.run_ok("budget", uid, "--json").stdout)
        self.assertIn("Lumiray Photonics Oy", [o["name"] for o in budget["organisations"]])
        self.assertNotIn("Lumiray Oy", [o["name"] for o in budget["organisations"]])

    def test_rename_to_a_taken_name_skipped(self):
        uid = self.import_demo()
        path = self.write("taken.csv", b"id,name\nlumiray,KAJAANI OPTICS OY\n")
        out = self.import_csv(uid, "organisations", path, status=1)
        self.assert_counts(out, path, 0, 0, 0, 1)
        self.assertEqual(out.splitlines()[1], "  line 2 skipped: “KAJAANI OPTICS OY” is already "
                                              "the name of another organisation (kajaani-optics)")

    def test_bad_rows_skipped_with_their_line(self):
        uid = self.import_demo()
        before = self.organisations(uid)
        path = self.write("bad.csv", (
            "name,kind,country,latitude,longitude,contact_email\n"
            "Good Oy,sme,FI,60.1699,24.9384,good@good.example\n"
            "Atlantis Ltd,sme,Atlantis,,,\n"
            "Lowercase AB,sme,XX,,,\n"
            "North Pole Oy,sme,FI,91,24.9,\n"
            "Half Oy,sme,FI,60.1,,\n"
            "Mail Oy,sme,FI,,,mail@@mail.example\n"
            "Space Oy,spaceport,FI,,,\n").encode("utf-8"))
        out = self.import_csv(uid, "organisations", path, status=1)
        self.assert_counts(out, path, 1, 0, 0, 6)
        lines = out.splitlines()[1:]
        self.assertEqual([line.split(" skipped: ")[0] for line in lines],
                         ["  line %d" % n for n in range(3, 9)])
        self.assertIn("“Atlantis” is not a country", lines[0])
        self.assertIn("“XX”", lines[1])
        self.assertIn("latitude", lines[2])
        self.assertIn("latitude and longitude must both be given", lines[3])
        self.assertIn("“mail@@mail.example” is not an email address", lines[4])
        self.assertIn("“spaceport” is not a kind of organisation", lines[5])
        after = self.organisations(uid)
        self.assertEqual(len(after), len(before) + 1)
        self.assertEqual([o["name"] for o in after if o not in before], ["Good Oy"])

    def test_windows_1252(self):
        uid = self.import_demo()
        path = self.write("cp1252.csv", "Name;City;Country\r\nJyväskylä Lasers Oy;Jyväskylä;FI\r\n"
                                        .encode("cp1252"))
        out = self.import_csv(uid, "organisations", path)
        self.assert_counts(out, path, 1, 0, 0, 0)
        self.assertIn("  read as Windows-1252 text\n", out)
        self.assertEqual(self.organisation(uid, "Jyväskylä Lasers Oy")["city"], "Jyväskylä")

    def test_formula_guard(self):
        uid = self.import_demo()
        path = self.write("hostile.csv", ("Name,Cluster,Contact,City\n"
                                          "\"=HYPERLINK(\"\"http://x\"\")\",+1,@SUM(1),-2\n")
                          .encode("utf-8"))
        self.import_csv(uid, "organisations", path)
        stored = self.organisation(uid, "=HYPERLINK(\"http://x\")")
        self.assertEqual((stored["cluster"], stored["contact_name"], stored["city"]),
                         ("+1", "@SUM(1)", "-2"))
        data = self.export_csv(uid, "organisations")
        self.assertIn(b"\"'=HYPERLINK(\"\"http://x\"\")\"", data)
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        for row in rows:
            for cell in row:
                self.assertFalse(cell.startswith(FORMULA_STARTS), cell)
        # read back as the same text
        before = self.document(uid)
        exported = self.write("exported.csv", data)
        out = self.import_csv(uid, "organisations", exported)
        self.assert_counts(out, exported, 0, 0, DEMO_ORGANISATIONS + 1, 0)
        self.assertEqual(self.document(uid), before)

    def test_dry_run_equals_import(self):
        uid = self.import_demo()
        path = self.write("organisations.csv", self.SHEET.encode("utf-8"))
        digest = self.database_digest()
        text = self.run_ok("import-csv", uid, "organisations", path, "--dry-run").stdout
        report = json.loads(self.run_ok("import-csv", uid, "organisations", path, "--dry-run",
                                        "--json").stdout)
        self.assertEqual(self.database_digest(), digest)
        self.assertEqual(text.decode("utf-8").splitlines()[0], "Organisations: 1 added, 1 changed")
        self.assertEqual(report["skipped"], [])
        self.assertEqual(report["participants"], [])

        before = {o["uid"]: o for o in self.organisations(uid)}
        self.import_csv(uid, "organisations", path)
        after = {o["uid"]: o for o in self.organisations(uid)}
        done = []
        for item in after.values():
            if item["uid"] not in before:
                done.append(("added", item["name"], []))
            elif item != before[item["uid"]]:
                fields = [key for key in ORGANISATION_COLUMNS
                          if item.get(key) != before[item["uid"]].get(key)]
                done.append(("changed", item["name"], fields))
        said = [(o["action"], o["name"], o["fields"]) for o in report["organisations"]]
        self.assertEqual(sorted(said), sorted(done))

    def test_usage(self):
        uid = self.import_demo()
        path = self.write("ok.csv", b"Name\nEve Oy\n")
        self.assert_usage_error(self.run_cli("import-csv", uid, "organizations", path))
        self.assert_usage_error(self.run_cli("export-csv", uid, "organizations"))
        self.assert_usage_error(self.run_cli("import-csv", uid, "organisations"))

    def test_participants_name_their_organisation(self):
        """The participants' CSV names an organisation: found however spelt,
        or made, registered in the person's country."""
        uid = self.import_demo()
        path = self.write("people.csv", (
            "Name,Email,Organisation,Country,Role\n"
            "Eeva Example,eeva@lumiray.example,LUMIRAY OY,FI,sme\n"
            "Rasa Example,rasa@newco.example,Kaunas Newco UAB,LT,support-organisation\n"
        ).encode("utf-8"))
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 2, 0, 0, 0)
        organisations = self.organisations(uid)
        self.assertEqual(len(organisations), DEMO_ORGANISATIONS + 1)
        eeva = self.participant(uid, "Eeva Example")
        self.assertEqual(eeva["organisation_id"], "lumiray")
        self.assertEqual(eeva["organisation"], "Lumiray Oy")
        rasa = self.participant(uid, "Rasa Example")
        made = self.organisation(uid, "Kaunas Newco UAB")
        self.assertEqual(rasa["organisation_id"], made["id"])
        self.assertEqual(made["country"], "LT")
        self.assertEqual(made["kind"], "support-organisation")
        # and the organisations' CSV lists it
        rows = list(csv.reader(io.StringIO(
            self.export_csv(uid, "organisations").decode("utf-8-sig"), newline="")))
        self.assertIn(["Kaunas Newco UAB", "support-organisation", "LT"],
                      [row[1:4] for row in rows])


class TestFileFailures(CsvTestCase):
    def assert_nothing_changed(self, uid, kind, data, line=None, name="bad.csv"):
        before = self.document(uid)
        digest = self.database_digest()
        path = self.write(name, data)
        result = self.run_cli("import-csv", uid, kind, path)
        names = (path,) if line is None else (path, "line %d" % line)
        self.assert_one_line_error(result, *names)
        self.assertEqual(self.database_digest(), digest)
        self.assertEqual(self.document(uid), before)
        return result.stderr.decode("utf-8", "replace")

    def test_unclosed_quote(self):
        uid = self.import_demo()
        # rows before and after the quote that never closes: none of them lands
        self.assert_nothing_changed(uid, "participants",
                                    b"Name,Email\nEve Example,eve@example.org\n"
                                    b"Adam,\"adam@example.org\nIda Example,ida@example.org\n",
                                    line=3)

    def test_text_after_quote(self):
        uid = self.import_demo()
        self.assert_nothing_changed(uid, "hosts",
                                    b"Name;City\nGamma;Kaunas\n\"Delta\" Lab;Vilnius\n", line=3)

    def test_nul_byte(self):
        uid = self.import_demo()
        self.assert_nothing_changed(uid, "participants",
                                    b"Name,Email\nEve Example,eve@example.org\n"
                                    b"Ad\x00am,a@example.org\n",
                                    line=3)

    def test_too_large(self):
        uid = self.import_demo()
        data = b"Name,Email\n" + b"Eve Example,eve@example.org\n" * (40 * 1024 * 1024 // 28)
        self.assertGreater(len(data), 40 * 1000 * 1000)
        self.assert_nothing_changed(uid, "participants", data)

    def test_field_too_long(self):
        uid = self.import_demo()
        self.assert_nothing_changed(uid, "participants",
                                    b"Name,Notes\nEve Example,ok\nAdam,"
                                    + b"x" * (65 * 1024) + b"\n",
                                    line=3)

    def test_no_name_column(self):
        uid = self.import_demo()
        self.assert_nothing_changed(uid, "participants", b"Email\neve@example.org\n", line=1)

    def test_empty(self):
        uid = self.import_demo()
        self.assert_nothing_changed(uid, "hosts", b"")

    def test_wrong_encoding(self):
        uid = self.import_demo()
        # 0x81 is no character in Windows-1252 either; docs/cli.md wants the line
        self.assert_nothing_changed(uid, "participants",
                                    b"Name,Email\nEve Example,eve@example.org\n"
                                    b"Bad \x81,b@example.org\n",
                                    line=3)

    def test_missing_file(self):
        uid = self.import_demo()
        digest = self.database_digest()
        path = self.path("missing.csv")
        self.assert_one_line_error(self.run_cli("import-csv", uid, "participants", path), path)
        self.assertEqual(self.database_digest(), digest)

    def test_unknown_programme(self):
        self.import_demo()
        path = self.write("ok.csv", b"Name\nEve\n")
        result = self.run_cli("import-csv", "no-such-programme", "participants", path)
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.decode().count("\n"), 1)


class TestUsage(CsvTestCase):
    def test_missing_arguments(self):
        uid = self.import_demo()
        for args in (["import-csv"], ["import-csv", uid], ["import-csv", uid, "participants"],
                     ["export-csv"], ["export-csv", uid]):
            with self.subTest(args=args):
                self.assert_usage_error(self.run_cli(*args))

    def test_people(self):
        uid = self.import_demo()
        path = self.write("ok.csv", b"Name\nEve\n")
        digest = self.database_digest()
        self.assert_usage_error(self.run_cli("import-csv", uid, "people", path))
        self.assert_usage_error(self.run_cli("export-csv", uid, "people"))
        self.assertEqual(self.database_digest(), digest)

    def test_extra_arguments(self):
        uid = self.import_demo()
        path = self.write("ok.csv", b"Name\nEve\n")
        self.assert_usage_error(self.run_cli("import-csv", uid, "hosts", path, path))
        self.assert_usage_error(self.run_cli("export-csv", uid, "hosts", "extra"))
        self.assert_usage_error(self.run_cli("export-csv", uid, "hosts", "--frobnicate"))


class TestFormulaGuard(CsvTestCase):
    HOSTILE = ("Name,Email,Organisation,Notes\r\n"
               "@SUM(1+1),eve@example.org,\"=cmd|' /C calc'!A0\","
               "\"+HYPERLINK(\"\"http://x\"\")\"\r\n"
               "Adam Example,adam@example.org,-2+3,=1+1\r\n").encode("utf-8")

    def test_guarded_and_back_as_text(self):
        uid = self.import_demo()
        out = self.import_csv(uid, "participants", self.write("hostile.csv", self.HOSTILE))
        self.assertIn(": 2 added,", out)

        # stored as text, without the guard
        person = self.participant(uid, "@SUM(1+1)")
        self.assertEqual(person["organisation"], "=cmd|' /C calc'!A0")
        self.assertEqual(person["notes"], "+HYPERLINK(\"http://x\")")
        self.assertEqual(self.participant(uid, "Adam Example")["notes"], "=1+1")

        # exported guarded
        data = self.export_csv(uid, "participants")
        self.assertIn(b",\"'@SUM(1+1)\",eve@example.org,\"'=cmd|' /C calc'!A0\",", data)
        self.assertIn(b",\"'-2+3\",", data)
        self.assertIn(b",\"'=1+1\",", data)
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        for row in rows:
            for cell in row:
                self.assertFalse(cell.startswith(FORMULA_STARTS), cell)

        # and read back as the same text
        before = self.document(uid)
        path = self.write("exported.csv", data)
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 0, 0, DEMO_PARTICIPANTS + 2, 0)
        self.assertEqual(self.document(uid), before)

    def test_apostrophe_kept(self):
        """Text that starts with an apostrophe and a formula character comes back as it was."""
        document = json.loads(json.dumps(_demo))
        document["participants"][0]["notes"] = "'=not a formula"
        uid = self.import_document(json.dumps(document).encode("utf-8"), "demo.visit.json")
        before = self.document(uid)
        path = self.write("exported.csv", self.export_csv(uid, "participants"))
        out = self.import_csv(uid, "participants", path)
        self.assert_counts(out, path, 0, 0, DEMO_PARTICIPANTS, 0)
        self.assertEqual(self.document(uid), before)


if __name__ == "__main__":
    unittest.main()
