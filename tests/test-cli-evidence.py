#!/usr/bin/env python3
# test-cli-evidence.py: the closing kit through "visit-planner-cli evidence" and "check"
# (docs/cli.md), on plans imported as exchange documents of version 2
# (docs/programme-format.md), "today" set by VISIT_PLANNER_TODAY.
#
# VISIT_PLANNER_CLI is the program to test.

import copy
import json
import subprocess
import unittest

from vpcli import CLI, CliTestCase, load_demo, sha256

ITEMS = ["closing-report", "travel-tickets", "hotel-invoices", "outcomes"]
REPORT_MEMBERS = {"today", "last_day", "due", "due_from", "ended", "overdue", "missing",
                  "organisations"}
LINE_MEMBERS = {"name", "uid", "funded", "missing", "received"}


def flights(arrive, leave):
    return [
        {"kind": "flight", "from": "Helsinki", "to": "Vilnius",
         "depart": arrive[:11] + "06:00", "arrive": arrive},
        {"kind": "flight", "from": "Vilnius", "to": "Helsinki",
         "depart": leave, "arrive": leave[:11] + "23:30"},
    ]


def person(ref, name, organisation):
    return {
        "id": ref, "name": name, "email": ref + "@example.org", "country": "FI",
        "organisation_id": organisation,
        "travel": flights("2027-05-09T21:00", "2027-05-15T09:00"),
        "accommodation": [{"name": "Hotel Neris", "check_in": "2027-05-09",
                           "check_out": "2027-05-15"}],
    }


def meeting(ref, day):
    return {"id": ref, "uid": "uid-" + ref, "title": "Meeting " + ref, "kind": "meeting",
            "start": day + "T10:00", "end": day + "T12:00", "host": "alpha"}


# A working week in Vilnius (Mon 10 to Fri 14 May 2027): Lumiray Oy (an SME)
# and Nordic Photonics AB (a cluster organisation) are funded; Big Lasers
# GmbH, a large company, is not, and owes no closing kit.  Lumiray has
# handed in two items.
PLAN = {
    "format": "visit-planner-programme",
    "version": 2,
    "programme": {
        "uid": "prog-evidence",
        "title": "Photonics Finland in Vilnius",
        "host_country": "LT",
        "timezone": "Europe/Vilnius",
        "start_date": "2027-05-10",
        "end_date": "2027-05-14",
        "lump_sum_eur": 1000,
        "goals": "Find partners for a pilot line",
    },
    "hosts": [
        {"id": "alpha", "name": "Alpha Photonics", "country": "LT",
         "latitude": 54.6872, "longitude": 25.2797},
    ],
    "organisations": [
        {"id": "lumiray", "uid": "org-lumiray", "name": "Lumiray Oy", "kind": "sme",
         "country": "FI", "city": "Helsinki", "latitude": 60.1699, "longitude": 24.9384,
         "evidence": [{"item": "closing-report", "received": "2027-05-20"},
                      {"item": "hotel-invoices", "received": "2027-05-21"}]},
        {"id": "nordic", "uid": "org-nordic", "name": "Nordic Photonics AB",
         "kind": "cluster-organisation", "country": "SE", "city": "Stockholm",
         "latitude": 59.3293, "longitude": 18.0686},
        {"id": "big", "uid": "org-big", "name": "Big Lasers GmbH", "kind": "large-company",
         "country": "DE", "city": "Berlin", "latitude": 52.52, "longitude": 13.405},
    ],
    "participants": [
        person("aino", "Aino Mäkelä", "lumiray"),
        person("karin", "Karin Lindqvist", "nordic"),
        person("hans", "Hans Weber", "big"),
    ],
    "sessions": [meeting(ref, "2027-05-%02d" % day)
                 for ref, day in [("mon", 10), ("tue", 11), ("wed", 12), ("thu", 13),
                                  ("fri", 14)]],
}


class EvidenceTestCase(CliTestCase):
    folder_prefix = "test-cli-evidence-"
    quiet_failure = True

    def setUp(self):
        super().setUp()
        self.today("2027-05-01")

    def today(self, day):
        self.env["VISIT_PLANNER_TODAY"] = day

    def import_plan(self, change=None):
        document = copy.deepcopy(PLAN)
        if change is not None:
            change(document)
        return self.import_document(document)

    def report(self, programme, status=0):
        result = self.run_cli("evidence", programme, "--json")
        self.assertEqual(result.returncode, status, result.stderr.decode("utf-8", "replace"))
        self.assertEqual(result.stderr, b"")
        report = json.loads(result.stdout)
        self.assert_documented(report)
        return report

    def assert_documented(self, report):
        self.assertEqual(set(report), REPORT_MEMBERS)
        self.assertIn(report["due_from"], ("programme", "rules"))
        self.assertIsInstance(report["ended"], bool)
        self.assertIsInstance(report["overdue"], bool)
        self.assertEqual(report["missing"],
                         sum(len(line["missing"]) for line in report["organisations"]))
        for line in report["organisations"]:
            self.assertEqual(set(line), LINE_MEMBERS, line)
            self.assertEqual(line["missing"], sorted(line["missing"], key=ITEMS.index))
            received = [entry["item"] for entry in line["received"]]
            self.assertEqual(received, sorted(received, key=ITEMS.index))
            if line["funded"]:
                self.assertEqual(sorted(line["missing"] + received, key=ITEMS.index), ITEMS)
            else:
                self.assertEqual(line["missing"], [])

    def line(self, report, name):
        found = [line for line in report["organisations"] if line["name"] == name]
        self.assertEqual(len(found), 1, report)
        return found[0]

    def evidence_problems(self, programme):
        result = self.run_cli("check", programme, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode("utf-8", "replace"))
        return [problem for problem in json.loads(result.stdout)
                if problem["code"] == "cxc-evidence-missing"]


class TestReport(EvidenceTestCase):
    def test_before_the_end(self):
        programme = self.import_plan()
        report = self.report(programme)
        self.assertEqual(report["today"], "2027-05-01")
        self.assertEqual(report["last_day"], "2027-05-14")
        # 30 days after the last day (evidence_due_days of data/cxc-rules.json)
        self.assertEqual(report["due"], "2027-06-13")
        self.assertEqual(report["due_from"], "rules")
        self.assertFalse(report["ended"])
        self.assertFalse(report["overdue"])
        self.assertEqual([line["name"] for line in report["organisations"]],
                         ["Lumiray Oy", "Nordic Photonics AB", "Big Lasers GmbH"])
        lumiray = self.line(report, "Lumiray Oy")
        self.assertEqual(lumiray["uid"], "org-lumiray")
        self.assertTrue(lumiray["funded"])
        self.assertEqual(lumiray["missing"], ["travel-tickets", "outcomes"])
        self.assertEqual(lumiray["received"],
                         [{"item": "closing-report", "received": "2027-05-20"},
                          {"item": "hotel-invoices", "received": "2027-05-21"}])
        self.assertEqual(self.line(report, "Nordic Photonics AB")["missing"], ITEMS)
        self.assertFalse(self.line(report, "Big Lasers GmbH")["funded"])
        self.assertEqual(report["missing"], 6)
        # nothing ended: check says nothing of it
        self.assertEqual(self.evidence_problems(programme), [])

    def test_ended_not_yet_due(self):
        programme = self.import_plan()
        self.today("2027-05-15")
        report = self.report(programme)
        self.assertTrue(report["ended"])
        self.assertFalse(report["overdue"])
        problems = self.evidence_problems(programme)
        self.assertEqual([problem["organisation"] for problem in problems],
                         ["Lumiray Oy", "Nordic Photonics AB"])
        for problem in problems:
            self.assertEqual(problem["severity"], "warning")
            self.assertIn("2027-06-13", problem["message"])
        self.assertIn("Boarding passes or tickets", problems[0]["message"])
        self.assertNotIn("Closing report", problems[0]["message"])
        # on the last day itself, it has not ended
        self.today("2027-05-14")
        self.assertEqual(self.evidence_problems(programme), [])

    def test_due_day_and_after(self):
        programme = self.import_plan()
        self.today("2027-06-13")
        self.assertFalse(self.report(programme)["overdue"])
        self.today("2027-06-14")
        report = self.report(programme, status=1)
        self.assertTrue(report["overdue"])
        text = self.run_cli("evidence", programme)
        self.assertEqual(text.returncode, 1)
        out = text.stdout.decode("utf-8")
        self.assertIn("Closing kit due on 2027-06-13 (30 days after the last day, 2027-05-14); "
                      "today is 2027-06-14.", out)
        self.assertIn("Lumiray Oy: 2 items missing\n"
                      "  missing: Boarding passes or tickets (travel-tickets)\n"
                      "  missing: Outcomes (outcomes)\n"
                      "  received on 2027-05-20: Closing report (closing-report)\n", out)
        self.assertIn("Big Lasers GmbH: not funded by the scheme", out)
        self.assertTrue(out.endswith("6 items are missing, and were due on 2027-06-13.\n"), out)

    def test_programme_due_date(self):
        def due(document):
            document["programme"]["evidence_due"] = "2027-07-01"
        programme = self.import_plan(due)
        self.today("2027-06-20")
        report = self.report(programme)
        self.assertEqual(report["due"], "2027-07-01")
        self.assertEqual(report["due_from"], "programme")
        self.assertFalse(report["overdue"])
        self.today("2027-07-02")
        self.assertTrue(self.report(programme, status=1)["overdue"])

    def test_complete(self):
        def complete(document):
            for organisation in document["organisations"][:2]:
                organisation["evidence"] = [{"item": item, "received": "2027-05-30"}
                                            for item in reversed(ITEMS)]
        programme = self.import_plan(complete)
        self.today("2028-01-01")
        report = self.report(programme)
        self.assertEqual(report["missing"], 0)
        self.assertFalse(report["overdue"])
        self.assertEqual(self.evidence_problems(programme), [])
        self.assertTrue(self.run_ok("evidence", programme).stdout.decode("utf-8")
                        .endswith("Nothing is missing.\n"))

    def test_repeat_is_not_funded(self):
        # Nordic Photonics visited in an earlier programme: a repeat, not funded
        def earlier(document):
            document["programme"]["uid"] = "prog-earlier"
            document["programme"]["start_date"] = "2026-05-11"
            document["programme"]["end_date"] = "2026-05-15"
            for session, day in zip(document["sessions"], range(11, 16)):
                session["start"] = "2026-05-%02dT10:00" % day
                session["end"] = "2026-05-%02dT12:00" % day
            for participant in document["participants"]:
                participant["travel"] = flights("2026-05-10T21:00", "2026-05-16T09:00")
                participant["accommodation"] = []
            document["organisations"] = [document["organisations"][1]]
            document["participants"] = [document["participants"][1]]
        self.import_plan(earlier)
        programme = self.import_plan()
        self.today("2027-06-20")
        self.assertFalse(self.line(self.report(programme, status=1),
                                   "Nordic Photonics AB")["funded"])
        self.assertEqual([problem["organisation"] for problem in self.evidence_problems(programme)],
                         ["Lumiray Oy"])


class TestRecord(EvidenceTestCase):
    def test_record_and_clear(self):
        programme = self.import_plan()
        result = self.run_ok("evidence", programme, "NORDIC  photonics ab", "outcomes",
                             "--received", "2027-05-30")
        self.assertEqual(result.stdout.decode("utf-8"),
                         "Nordic Photonics AB: Outcomes received on 2027-05-30\n")
        result = self.run_ok("evidence", programme, "org-nordic", "outcomes",
                             "--received", "2027-05-30")
        self.assertEqual(result.stdout.decode("utf-8"),
                         "Nordic Photonics AB: Outcomes was already received on 2027-05-30\n")
        # without --received: today
        self.today("2027-06-02")
        self.run_ok("evidence", programme, "Nordic Photonics AB", "closing-report")
        self.run_ok("evidence", programme, "org-lumiray", "closing-report", "--clear")
        result = self.run_ok("evidence", programme, "org-lumiray", "closing-report", "--clear")
        self.assertEqual(result.stdout.decode("utf-8"),
                         "Lumiray Oy: Closing report was not received\n")

        report = self.report(programme)
        self.assertEqual(self.line(report, "Nordic Photonics AB")["received"],
                         [{"item": "closing-report", "received": "2027-06-02"},
                          {"item": "outcomes", "received": "2027-05-30"}])
        self.assertEqual(self.line(report, "Lumiray Oy")["received"],
                         [{"item": "hotel-invoices", "received": "2027-05-21"}])

        # and the programme document carries it, lossless
        exported = json.loads(self.export(programme))
        nordic = next(item for item in exported["organisations"] if item["uid"] == "org-nordic")
        self.assertEqual(nordic["evidence"],
                         [{"item": "outcomes", "received": "2027-05-30"},
                          {"item": "closing-report", "received": "2027-06-02"}])

    def test_refused(self):
        programme = self.import_plan()
        before = sha256(self.database)
        cases = [
            (["nobody", "outcomes"], ["nobody"]),
            (["Lumiray Oy", "boarding-passes"], ["boarding-passes", "closing-report"]),
            (["Lumiray Oy", "outcomes", "--received", "2027-02-30"], ["--received", "2027-02-30"]),
            (["Lumiray Oy", "outcomes", "--received", "30.05.2027"], ["--received"]),
        ]
        for args, names in cases:
            with self.subTest(args=args):
                self.assert_one_line_error(self.run_cli("evidence", programme, *args), *names)
        self.assert_one_line_error(self.run_cli("evidence", "no-such-programme", "Lumiray Oy",
                                                "outcomes"))
        self.assert_usage_error(self.run_cli("evidence", programme, "Lumiray Oy", "outcomes",
                                             "--received", "2027-05-30", "--clear"))
        self.assert_usage_error(self.run_cli("evidence", programme, "Lumiray Oy"))
        self.assert_usage_error(self.run_cli("evidence", programme, "--clear"))
        self.assert_usage_error(self.run_cli("evidence", programme, "Lumiray Oy", "outcomes",
                                             "--json"))
        self.assertEqual(sha256(self.database), before)

    def test_at_the_same_time(self):
        # eight commands at once, each recording another item: none is lost
        programme = self.import_plan(lambda document: document["organisations"][0].pop("evidence"))
        processes = [subprocess.Popen([CLI, "--database", self.database, "evidence", programme,
                                       organisation, item, "--received", "2027-05-2%d" % n],
                                      env=self.env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                     for organisation in ("org-lumiray", "org-nordic")
                     for n, item in enumerate(ITEMS)]
        for process in processes:
            out, err = process.communicate(timeout=60)
            self.assertEqual(process.returncode, 0, err.decode("utf-8", "replace"))
        report = self.report(programme)
        for name in ("Lumiray Oy", "Nordic Photonics AB"):
            self.assertEqual(self.line(report, name)["received"],
                             [{"item": item, "received": "2027-05-2%d" % n}
                              for n, item in enumerate(ITEMS)])

    def test_dry_run_names_the_changes(self):
        programme = self.import_plan()
        document = json.loads(self.export(programme))
        document["programme"]["evidence_due"] = "2027-06-30"
        lumiray = document["organisations"][0]
        lumiray["evidence"][1]["received"] = "2027-05-22"
        lumiray["objectives"] = "Two distributors"
        path = self.write("changed.visit.json", json.dumps(document).encode("utf-8"))
        result = self.run_ok("import", path, "--update", "--dry-run", "--json")
        changes = json.loads(result.stdout)
        self.assertEqual(changes["programme"][0]["fields"], ["evidence_due"])
        self.assertEqual(changes["organisations"],
                         [{"action": "changed", "uid": "org-lumiray", "name": "Lumiray Oy",
                           "fields": ["objectives", "evidence"]}])
        text = self.run_ok("import", path, "--update", "--dry-run").stdout.decode("utf-8")
        self.assertIn("changed: Lumiray Oy — Changes: objectives, closing kit", text)
        self.assertIn("evidence due date", text)

    def test_demo(self):
        # the demo's kit: goals, a due day, some items received; nothing ended
        demo = load_demo()
        self.assertIn("goals", demo["programme"])
        self.assertIn("objectives", demo["programme"])
        self.assertIn("evidence_due", demo["programme"])
        self.assertTrue(any(item.get("evidence") for item in demo["organisations"]))
        programme = self.import_demo()
        self.today("2026-12-07")
        self.assertFalse(self.report(programme)["overdue"])
        self.assertEqual(self.evidence_problems(programme), [])


if __name__ == "__main__":
    unittest.main()
