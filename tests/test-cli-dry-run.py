#!/usr/bin/env python3
# test-cli-dry-run.py: "import --update --dry-run", "import-csv --dry-run" and
# "import-ics --dry-run" of the real visit-planner-cli (docs/cli.md, "Dry
# runs"): what they print, as text and as JSON, and that they write nothing.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.
# The read-only case needs a user that file permissions apply to: run as
# root, it runs the program as the user "nobody".

import hashlib
import json
import os
import pwd
import unittest

from vpcli import CLI, DEMO, CliTestCase, load_demo

_demo = load_demo()
DEMO_UID = _demo["programme"]["uid"]
KINDS = ["programme", "hosts", "participants", "sessions", "organisations"]


def demo_organisations(demo):
    """How many organisations the demo has: its own, or (version 1) one per
    name, however spelt."""
    if "organisations" in demo:
        return len(demo["organisations"])
    return len({" ".join(p["organisation"].casefold().split())
                for p in demo["participants"] if p.get("organisation")})


def session(document, ref):
    return next(s for s in document["sessions"] if s["id"] == ref)


def participant(document, ref):
    return next(p for p in document["participants"] if p["id"] == ref)


def host(document, ref):
    return next(h for h in document["hosts"] if h["id"] == ref)


def changed_demo():
    """The demo as a coordinator sends it back: a new title, a host's city,
    an email, a flight moved, a hotel stay dropped, a dinner elsewhere, the
    first lunch gone and a sauna evening added."""
    document = load_demo()
    document["programme"]["title"] = "Photonics Finland in Vilnius"
    host(document, "laser-cluster")["city"] = "Vilnius (Saulėtekis)"
    participant(document, "aino-makela")["email"] = "aino@photonicsfinland.example"
    participant(document, "jukka-rasanen")["travel"][0]["depart"] = "2027-04-12T18:55"
    participant(document, "sanna-hoglund")["accommodation"] = []
    session(document, "wed-dinner")["location"] = "Užupis, Paupio g. 28"
    document["sessions"] = [s for s in document["sessions"] if s["id"] != "tue-lunch"]
    document["sessions"].append({
        "id": "thu-sauna", "uid": "thu-sauna@dry-run.example", "title": "Sauna evening",
        "kind": "social", "start": "2027-04-15T19:00", "end": "2027-04-15T21:00",
        "location": "Lake Balžis",
    })
    return document


CHANGED_DEMO_TEXT = """\
Programme: 1 changed
  changed: Photonics Finland in Vilnius — Changes: title
Hosts: 1 changed
  changed: Lithuanian Laser Cluster — Changes: city
Participants: 3 changed
  changed: Aino Mäkelä — Changes: email
  changed: Jukka Räsänen — Changes: travel
  changed: Sanna Höglund — Changes: hotel stays
Sessions: 1 added, 1 changed, 1 cancelled
  changed: Group dinner with the hosts — Changes: place
  added: Sauna evening — Thu 15 Apr, 19:00–21:00 · Lake Balžis
  cancelled: Lunch at the science park — Changes: status
"""


class DryRunTestCase(CliTestCase):
    folder_prefix = "test-cli-dry-run-"
    quiet_success = True
    quiet_failure = True

    def database_digest(self):
        """The database file and its write-ahead log, as they are on disk."""
        digest = hashlib.sha256()
        for suffix in ("", "-wal", "-journal"):
            path = self.database + suffix
            if os.path.exists(path):
                with open(path, "rb") as f:
                    digest.update(suffix.encode() + b":" + f.read())
        return digest.hexdigest()

    def write_json(self, name, document):
        return self.write(name, json.dumps(document, ensure_ascii=False).encode("utf-8"))

    def dry_run(self, *args):
        """Runs a dry run, which must succeed and leave the database as it
        was, byte for byte; returns its standard output as text."""
        before = self.database_digest()
        result = self.run_ok(*args)
        self.assertEqual(self.database_digest(), before, "the dry run wrote to the database")
        return result.stdout.decode("utf-8")

    def dry_run_json(self, *args):
        return json.loads(self.dry_run(*args))


class TestImportDryRun(DryRunTestCase):
    def test_update_text(self):
        self.import_demo()
        exported = self.export(DEMO_UID)
        path = self.write_json("back.visit.json", changed_demo())

        out = self.dry_run("import", path, "--update", "--dry-run")
        self.assertEqual(out, CHANGED_DEMO_TEXT)
        # the options in any order
        self.assertEqual(self.dry_run("import", "--dry-run", "--update", path), out)
        # nothing stored changed
        self.assertEqual(self.export(DEMO_UID), exported)

    def test_update_json(self):
        self.import_demo()
        path = self.write_json("back.visit.json", changed_demo())

        report = self.dry_run_json("import", path, "--update", "--dry-run", "--json")
        self.assertEqual(sorted(report), sorted(KINDS))
        self.assertEqual(report["programme"], [{
            "action": "changed", "uid": DEMO_UID, "title": "Photonics Finland in Vilnius",
            "fields": ["title"],
        }])
        self.assertEqual(report["hosts"], [{
            "action": "changed", "id": "laser-cluster", "name": "Lithuanian Laser Cluster",
            "fields": ["city"],
        }])
        self.assertEqual(report["participants"], [
            {"action": "changed", "id": "aino-makela", "email": "aino@photonicsfinland.example",
             "name": "Aino Mäkelä", "fields": ["email"]},
            {"action": "changed", "id": "jukka-rasanen",
             "email": "jukka.rasanen@lumiray.example", "name": "Jukka Räsänen",
             "fields": ["travel"]},
            {"action": "changed", "id": "sanna-hoglund",
             "email": "sanna.hoglund@tampere-photonics.example", "name": "Sanna Höglund",
             "fields": ["accommodation"]},
        ])
        self.assertEqual(report["sessions"], [
            {"action": "changed", "uid": session(_demo, "wed-dinner")["uid"],
             "title": "Group dinner with the hosts", "fields": ["location"]},
            {"action": "added", "uid": "thu-sauna@dry-run.example", "title": "Sauna evening",
             "fields": []},
            {"action": "cancelled", "uid": session(_demo, "tue-lunch")["uid"],
             "title": "Lunch at the science park", "fields": ["status"]},
        ])

    def test_removed_people_and_hosts(self):
        self.import_demo()
        document = load_demo()
        document["participants"] = [p for p in document["participants"]
                                    if p["id"] != "antti-korhonen"]
        document["participants"].append({"id": "anna-berg", "name": "Anna Berg",
                                         "email": "anna@berg.example", "country": "SE"})
        with_antti = []
        for s in document["sessions"]:
            if isinstance(s.get("attendees"), list) and "antti-korhonen" in s["attendees"]:
                s["attendees"].remove("antti-korhonen")
                with_antti.append(s["uid"])
        self.assertEqual(len(with_antti), 4)
        document["hosts"] = [h for h in document["hosts"] if h["id"] != "hotel-neris"]
        del session(document, "fri-debrief")["host"]
        path = self.write_json("smaller.visit.json", document)

        report = self.dry_run_json("import", path, "--update", "--dry-run", "--json")
        self.assertEqual(report["hosts"], [{
            "action": "removed", "id": "hotel-neris", "name": "Hotel Neris Riverside",
            "fields": [],
        }])
        self.assertEqual(report["participants"], [
            {"action": "added", "id": "anna-berg", "email": "anna@berg.example",
             "name": "Anna Berg", "fields": []},
            {"action": "removed", "id": "antti-korhonen",
             "email": "antti.korhonen@saimaa-laser.example", "name": "Antti Korhonen",
             "fields": []},
        ])
        changed = {s["uid"]: s["fields"] for s in report["sessions"]}
        self.assertEqual(changed, dict({uid: ["attendees"] for uid in with_antti},
                                       **{session(_demo, "fri-debrief")["uid"]: ["host"]}))
        self.assertTrue(all(s["action"] == "changed" for s in report["sessions"]))

        out = self.dry_run("import", path, "--update", "--dry-run")
        self.assertIn("Hosts: 1 removed\n  removed: Hotel Neris Riverside\n", out)
        self.assertIn("Participants: 1 added, 1 removed\n"
                      "  added: Anna Berg — anna@berg.example · Sweden\n"
                      "  removed: Antti Korhonen\n", out)
        self.assertIn("Sessions: 5 changed\n", out)
        self.assertIn("  changed: Debrief and follow-up plan — Changes: host\n", out)

    def test_dry_run_says_what_the_import_does(self):
        self.import_demo()
        path = self.write_json("back.visit.json", changed_demo())
        self.assertEqual(self.dry_run("import", path, "--update", "--dry-run"),
                         CHANGED_DEMO_TEXT)

        self.assertEqual(self.run_ok("import", path, "--update").stdout,
                         (DEMO_UID + "\n").encode())
        stored = json.loads(self.export(DEMO_UID))
        self.assertEqual(participant(stored, "aino-makela")["email"],
                         "aino@photonicsfinland.example")
        lunch = [s for s in stored["sessions"] if s["uid"] == session(_demo, "tue-lunch")["uid"]]
        self.assertEqual(lunch[0]["status"], "cancelled")
        # the same file again: nothing left to change
        self.assertEqual(self.dry_run("import", path, "--update", "--dry-run"), "No changes.\n")

    def test_unchanged(self):
        self.import_demo()
        path = self.write("export.visit.json", self.export(DEMO_UID))
        self.assertEqual(self.dry_run("import", path, "--update", "--dry-run"), "No changes.\n")
        self.assertEqual(self.dry_run("import", DEMO, "--update", "--dry-run"), "No changes.\n")
        self.assertEqual(self.dry_run_json("import", path, "--update", "--dry-run", "--json"),
                         {kind: [] for kind in KINDS})

    def test_new_programme(self):
        self.run_ok("list")
        for args in (["--dry-run"], ["--update", "--dry-run"]):
            with self.subTest(args=args):
                lines = self.dry_run("import", DEMO, *args).splitlines()
                headings = [line for line in lines if not line.startswith("  ")]
                self.assertEqual(headings, [
                    "Programme: 1 added",
                    "Hosts: %d added" % len(_demo["hosts"]),
                    "Participants: %d added" % len(_demo["participants"]),
                    "Sessions: %d added" % len(_demo["sessions"]),
                    "Organisations: %d added" % demo_organisations(_demo),
                ])
                self.assertEqual(len(lines), 5 + 1 + len(_demo["hosts"])
                                 + len(_demo["participants"]) + len(_demo["sessions"])
                                 + demo_organisations(_demo))
                self.assertIn("  added: Lithuanian Laser Cluster — "
                              "Cluster organisation · Vilnius · Lithuania", lines)
                self.assertIn("  added: Lunch at the science park — "
                              "Tue 13 Apr, 12:00–12:50 · Park café, ground floor, "
                              "Saulėtekio al. 15", lines)
        report = self.dry_run_json("import", DEMO, "--dry-run", "--json")
        self.assertEqual([len(report[kind]) for kind in KINDS],
                         [1, len(_demo["hosts"]), len(_demo["participants"]),
                          len(_demo["sessions"]), demo_organisations(_demo)])
        self.assertTrue(all(change["action"] == "added" and change["fields"] == []
                            for kind in KINDS for change in report[kind]))
        # nothing was imported
        self.assertEqual(self.run_ok("list").stdout, b"")

    def test_stored_without_update(self):
        self.import_demo()
        before = self.database_digest()
        result = self.run_cli("import", DEMO, "--dry-run")
        self.assert_one_line_error(result, "vilnius-2027.visit.json", DEMO_UID, "--update")
        self.assertEqual(self.database_digest(), before)

    def test_bad_document(self):
        self.import_demo()
        document = changed_demo()
        session(document, "wed-dinner")["host"] = "nowhere"
        path = self.write_json("bad.visit.json", document)
        before = self.database_digest()
        self.assert_one_line_error(self.run_cli("import", path, "--update", "--dry-run"),
                                   "bad.visit.json", "nowhere")
        self.assertEqual(self.database_digest(), before)


PARTICIPANTS_CSV = (
    "name,email,organisation,country\n"
    "Aino Mäkelä,aino.makela@photonicsfinland.example,Photonics Finland ry,FI\n"
    "Anna Berg,anna@berg.example,Berg AB,SE\n"
    "Bad Row,bad@row.example,Nowhere Ltd,Atlantis\n"
    "Jukka Räsänen,jukka.rasanen@lumiray.example,Lumiray Oy,FI\n"
)

ATLANTIS = "“Atlantis” is not a country: give its name in English or its two-letter code"


class TestImportCsvDryRun(DryRunTestCase):
    def test_participants(self):
        self.import_demo()
        path = self.write("people.csv", PARTICIPANTS_CSV.encode("utf-8"))

        out = self.dry_run("import-csv", DEMO_UID, "participants", path, "--dry-run")
        self.assertEqual(out,
                         "Participants: 1 added, 1 changed\n"
                         "  changed: Aino Mäkelä — Changes: organisation\n"
                         "  added: Anna Berg — anna@berg.example · Berg AB · Sweden\n"
                         "Organisations: 2 added\n"
                         "  added: Photonics Finland ry — Finland\n"
                         "  added: Berg AB — Sweden\n"
                         "%s:\n"
                         "  line 4 skipped: %s\n" % (path, ATLANTIS))

        report = self.dry_run_json("import-csv", DEMO_UID, "participants", path, "--dry-run",
                                   "--json")
        self.assertEqual(sorted(report), sorted(KINDS + ["skipped"]))
        self.assertEqual(report["participants"], [
            {"action": "changed", "id": "aino-makela",
             "email": "aino.makela@photonicsfinland.example", "name": "Aino Mäkelä",
             "fields": ["organisation"]},
            {"action": "added", "id": report["participants"][1]["id"],
             "email": "anna@berg.example", "name": "Anna Berg", "fields": []},
        ])
        self.assertEqual(report["skipped"], [{"line": 4, "reason": ATLANTIS}])
        for kind in ("programme", "hosts", "sessions"):
            self.assertEqual(report[kind], [])

        # the import itself then does what the dry run said
        result = self.run_cli("import-csv", DEMO_UID, "participants", path)
        self.assertEqual(result.returncode, 1)
        self.assertTrue(result.stdout.decode("utf-8").startswith(
            "%s: 1 added, 1 updated, 1 unchanged, 1 skipped\n" % path))
        self.assertEqual(self.dry_run("import-csv", DEMO_UID, "participants", path,
                                      "--dry-run"),
                         "No changes.\n%s:\n  line 4 skipped: %s\n" % (path, ATLANTIS))

    def test_hosts(self):
        self.import_demo()
        path = self.write("hosts.csv", "name,city\nFemtolux Lasers,Kaunas\n".encode("utf-8"))

        self.assertEqual(self.dry_run("import-csv", DEMO_UID, "hosts", path, "--dry-run"),
                         "Hosts: 1 changed\n  changed: Femtolux Lasers — Changes: city\n")
        self.assertEqual(self.dry_run_json("import-csv", "1", "hosts", path, "--dry-run",
                                           "--json")["hosts"],
                         [{"action": "changed", "id": "femtolux", "name": "Femtolux Lasers",
                           "fields": ["city"]}])

    def test_encoding_remarks(self):
        self.import_demo()
        path = self.write("people.csv", "name,email\nJörg Weiß,joerg@optik.example\n"
                          .encode("cp1252"))
        self.assertEqual(self.dry_run("import-csv", DEMO_UID, "participants", path, "--dry-run"),
                         "Participants: 1 added\n"
                         "  added: Jörg Weiß — joerg@optik.example\n"
                         "%s:\n"
                         "  read as Windows-1252 text\n" % path)


def calendar(*events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dry run test//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", "DTSTAMP:20270101T000000Z"] + list(event) + ["END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


class TestImportIcsDryRun(DryRunTestCase):
    def test_events(self):
        self.import_demo()
        tto = session(_demo, "thu-tto")
        follow_up = session(_demo, "fri-femtolux-follow-up")
        path = self.write("slots.ics", calendar(
            ["UID:cleanroom@host.example", "SUMMARY:Cleanroom visit",
             "DTSTART;TZID=Europe/Vilnius:20270414T090000",
             "DTEND;TZID=Europe/Vilnius:20270414T100000", "LOCATION:Building C"],
            # the same session an hour later, as its host re-sent it
            ["UID:" + tto["uid"], "SEQUENCE:5", "SUMMARY:" + tto["title"],
             "STATUS:TENTATIVE",
             "DTSTART;TZID=Europe/Vilnius:20270415T143000",
             "DTEND;TZID=Europe/Vilnius:20270415T160000"]
            + (["DESCRIPTION:" + tto["description"].replace("\n", "\\n")
                .replace(",", "\\,").replace(";", "\\;")] if "description" in tto else [])
            + (["LOCATION:" + tto["location"]] if "location" in tto else []),
            ["UID:" + follow_up["uid"], "SEQUENCE:5", "STATUS:CANCELLED",
             "SUMMARY:" + follow_up["title"],
             "DTSTART;TZID=Europe/Vilnius:20270416T150000",
             "DTEND;TZID=Europe/Vilnius:20270416T163000"]
            + (["DESCRIPTION:" + follow_up["description"].replace("\n", "\\n")
                .replace(",", "\\,").replace(";", "\\;")] if "description" in follow_up else [])
            + (["LOCATION:" + follow_up["location"]] if "location" in follow_up else []),
            ["UID:allday@host.example", "SUMMARY:Open day", "DTSTART;VALUE=DATE:20270414"],
        ))
        out = self.dry_run("import-ics", DEMO_UID, path, "--dry-run")
        lines = out.splitlines()
        self.assertEqual(lines[:4], [
            "Sessions: 1 added, 1 changed, 1 cancelled",
            "  added: Cleanroom visit — Wed 14 Apr, 09:00–10:00 · Building C",
            "  changed: Technology transfer office: licensing and joint projects — "
            "Changes: time",
            "  cancelled: Follow-up meeting on a joint test campaign — Changes: status",
        ])
        self.assertEqual(lines[4], path + ":")
        self.assertTrue(lines[5].startswith("  UID allday@host.example (line "), lines[5])
        self.assertIn("skipped: all-day events are not sessions", lines[5])
        self.assertEqual(len(lines), 6, out)

        report = self.dry_run_json("import-ics", DEMO_UID, path, "--dry-run", "--json")
        self.assertEqual(sorted(report), sorted(KINDS + ["skipped", "notes"]))
        self.assertEqual(report["sessions"], [
            {"action": "added", "uid": "cleanroom@host.example", "title": "Cleanroom visit",
             "fields": []},
            {"action": "changed", "uid": tto["uid"], "title": tto["title"],
             "fields": ["start", "end"]},
            {"action": "cancelled", "uid": follow_up["uid"], "title": follow_up["title"],
             "fields": ["status"]},
        ])
        self.assertEqual([(s["uid"], s["reason"].split(":")[0]) for s in report["skipped"]],
                         [("allday@host.example", "all-day events are not sessions")])
        self.assertEqual(report["notes"], [])

        # and the import does it
        self.assertEqual(self.run_cli("import-ics", DEMO_UID, path).returncode, 1)
        stored = json.loads(self.export(DEMO_UID))
        self.assertEqual(session(stored, "thu-tto")["start"], "2027-04-15T14:30")
        self.assertEqual(session(stored, "fri-femtolux-follow-up")["status"], "cancelled")
        self.assertEqual(self.dry_run("import-ics", DEMO_UID, path, "--dry-run").splitlines()[0],
                         "No changes.")


class TestOptions(DryRunTestCase):
    def test_json_needs_dry_run(self):
        self.import_demo()
        csv = self.write("people.csv", PARTICIPANTS_CSV.encode("utf-8"))
        ics = self.write("slots.ics", calendar())
        before = self.database_digest()
        for args in (["import", DEMO, "--update", "--json"],
                     ["import-csv", DEMO_UID, "participants", csv, "--json"],
                     ["import-ics", DEMO_UID, ics, "--json"]):
            with self.subTest(args=args):
                self.assert_usage_error(self.run_cli(*args))
        self.assertEqual(self.database_digest(), before)

    def test_unknown_programme(self):
        self.import_demo()
        csv = self.write("people.csv", PARTICIPANTS_CSV.encode("utf-8"))
        self.assert_one_line_error(
            self.run_cli("import-csv", "no-such-programme", "participants", csv, "--dry-run"),
            "no-such-programme")

    def test_help(self):
        out = self.run_ok("--help", database=False).stdout.decode("utf-8")
        self.assertIn("import FILE [--update] [--dry-run [--json]]", out)
        self.assertIn("import-csv PROGRAMME participants|hosts|organisations FILE "
                      "[--dry-run [--json]]", out)
        self.assertIn("import-ics PROGRAMME FILE [--dry-run [--json]]", out)


def unprivileged_user():
    """The uid and gid to run as so that file permissions apply, or None
    when this process is subject to them already."""
    if os.geteuid() != 0:
        return None
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


class TestReadOnly(DryRunTestCase):
    """A dry run reads as the commands that only read: it works on a
    database its user may read and not write."""

    def setUp(self):
        super().setUp()
        self.user = unprivileged_user()
        if self.user is not None:
            os.chown(self.folder, *self.user)
            os.chmod(self.folder, 0o755)
        probe = self.run_cli("--version", database=False)
        if probe.returncode != 0:
            self.skipTest("%s cannot run as uid %s: %s" % (CLI, self.user, probe.stderr))

    def run_cli(self, *args, **kwargs):
        def drop():
            os.setgroups([])
            os.setgid(self.user[1])
            os.setuid(self.user[0])

        return super().run_cli(*args, preexec_fn=drop if self.user is not None else None,
                               **kwargs)

    def test_read_only_database(self):
        self.import_demo()
        back = self.write_json("back.visit.json", changed_demo())
        csv = self.write("people.csv", PARTICIPANTS_CSV.encode("utf-8"))
        for name in (back, csv):
            os.chmod(name, 0o644)
        os.chmod(self.database, 0o444)

        self.assertEqual(self.dry_run("import", back, "--update", "--dry-run"),
                         CHANGED_DEMO_TEXT)
        self.assertTrue(self.dry_run("import-csv", DEMO_UID, "participants", csv, "--dry-run")
                        .startswith("Participants: 1 added, 1 changed\n"))
        # the import itself is refused
        self.assert_one_line_error(self.run_cli("import", back, "--update"), "read-only")


if __name__ == "__main__":
    unittest.main(verbosity=2)
