#!/usr/bin/env python3
# test-cli-check.py: drives "visit-planner-cli check" (docs/cli.md) in temporary folders.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import copy
import json
import unittest

from vpcli import CliTestCase, load_demo

MEMBERS = {"severity", "code", "message", "session", "sessions", "participant", "host",
           "organisation"}
SEVERITIES = ["error", "warning", "info"]


def flights(arrive_day="2027-05-09", leave_day="2027-05-14"):
    return [
        {"kind": "flight", "from": "Helsinki", "to": "Vilnius",
         "depart": arrive_day + "T19:55", "depart_timezone": "Europe/Helsinki",
         "arrive": arrive_day + "T21:10"},
        {"kind": "flight", "from": "Vilnius", "to": "Helsinki",
         "depart": leave_day + "T17:50",
         "arrive": leave_day + "T19:05", "arrive_timezone": "Europe/Helsinki"},
    ]


def participant(ref, name, email, country):
    return {
        "id": ref, "name": name, "email": email, "country": country,
        "travel": flights(),
        "accommodation": [{"name": "Hotel Neris", "check_in": "2027-05-09",
                           "check_out": "2027-05-14"}],
    }


def session(ref, title, day, host, start="10:00", end="12:00"):
    return {"id": ref, "uid": "uid-" + ref, "title": title, "kind": "meeting",
            "start": day + "T" + start, "end": day + "T" + end, "host": host}


# A plan with no problems at all (the same as tests/test-checks.c): a working
# week in Vilnius, visitors from Helsinki with flights and a hotel every
# night, one meeting each weekday.
CLEAN_PLAN = {
    "format": "visit-planner-programme",
    "version": 1,
    "programme": {
        "uid": "prog-checks",
        "title": "Photonics Finland in Vilnius",
        "host_country": "LT",
        "timezone": "Europe/Vilnius",
        "start_date": "2027-05-10",
        "end_date": "2027-05-14",
        "origin": {"city": "Helsinki", "latitude": 60.1699, "longitude": 24.9384},
        "lump_sum_eur": 1100,
    },
    "hosts": [
        {"id": "alpha", "name": "Alpha Photonics", "latitude": 54.6872, "longitude": 25.2797,
         "max_group_size": 10},
        {"id": "beta", "name": "Beta Optics Lab", "latitude": 54.7226, "longitude": 25.3378,
         "max_group_size": 10},
    ],
    "participants": [
        participant("p1", "Aino Mäkelä", "aino@example.org", "FI"),
        participant("p2", "Jukka Räsänen", "jukka@example.org", "FI"),
        participant("p3", "Karin Lindqvist", "karin@example.org", "SE"),
    ],
    "sessions": [
        session("mon", "Welcome at Alpha", "2027-05-10", "alpha"),
        session("tue", "Laboratory tour at Beta", "2027-05-11", "beta"),
        session("wed", "Workshop at Alpha", "2027-05-12", "alpha"),
        session("thu", "B2B meetings at Beta", "2027-05-13", "beta"),
        session("fri", "Debriefing at Alpha", "2027-05-14", "alpha", "09:30", "11:00"),
    ],
}


def plan(**changes):
    """The clean plan with changes: a function of the copy, by name."""
    document = copy.deepcopy(CLEAN_PLAN)
    for change in changes.values():
        change(document)
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def over_capacity(document):
    document["sessions"][0]["capacity"] = 2


def host_double_booked(document):
    # a second session at Alpha at the time of the first, nobody attending it
    document["sessions"].append(dict(session("dup", "Second welcome", "2027-05-10", "alpha"),
                                     attendees=[]))


def no_hotel(document):
    del document["participants"][2]["accommodation"]


def empty_wednesday(document):
    document["sessions"][2]["status"] = "cancelled"


class CheckTestCase(CliTestCase):
    folder_prefix = "test-cli-check-"
    quiet_failure = True

    def check(self, programme, *options, status=0):
        result = self.run_cli("check", programme, *options)
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, status, stderr)
        self.assertEqual(stderr, "")
        return result.stdout.decode("utf-8")

    def check_json(self, programme, status=0):
        problems = json.loads(self.check(programme, "--json", status=status))
        self.assert_documented(problems)
        return problems

    def assert_documented(self, problems):
        """Every problem has the documented members, and no others."""
        self.assertIsInstance(problems, list)
        for problem in problems:
            self.assertIsInstance(problem, dict)
            self.assertLessEqual(set(problem), MEMBERS, problem)
            self.assertLessEqual({"severity", "code", "message"}, set(problem), problem)
            for name, value in problem.items():
                if name == "sessions":
                    # a problem of several sessions: every uid, the first one
                    # also as "session"
                    self.assertIsInstance(value, list, problem)
                    self.assertGreaterEqual(len(value), 2, problem)
                    self.assertTrue(all(isinstance(uid, str) and uid for uid in value), problem)
                    self.assertEqual(len(set(value)), len(value), problem)
                    self.assertEqual(problem.get("session"), value[0], problem)
                    continue
                self.assertIsInstance(value, str, problem)
                self.assertNotEqual(value, "", problem)
            self.assertIn(problem["severity"], SEVERITIES)
        order = [SEVERITIES.index(problem["severity"]) for problem in problems]
        self.assertEqual(order, sorted(order), "errors, then warnings, then infos")

    def only(self, problems, code):
        found = [problem for problem in problems if problem["code"] == code]
        self.assertEqual(len(found), 1, problems)
        return found[0]

    def exported_host_id(self, programme, name):
        document = json.loads(self.run_ok("export", programme).stdout)
        return next(host["id"] for host in document["hosts"] if host["name"] == name)


class TestCheckText(CheckTestCase):
    def test_demo_passes_and_prints_budget(self):
        uid = self.import_demo()
        out = self.check(uid)
        lines = out.splitlines()
        # nothing to fix before the group travels, and the budget after the
        # problems (test-cli-budget.py tests the budget itself)
        self.assertEqual([line for line in lines if line.startswith("error:")], [])
        self.assertIn("Budget per visiting organisation:", lines)

    def test_clean_plan_prints_budget(self):
        uid = self.import_document(plan())
        out = self.check(uid)
        lines = out.splitlines()
        self.assertIn("No problems found.", lines)
        self.assertGreater(lines.index("Budget per visiting organisation:"),
                           lines.index("No problems found."))

    def test_error_exits_1(self):
        uid = self.import_document(plan(error=over_capacity))
        out = self.check(uid, status=1)
        self.assertTrue(any(line.startswith("error: over-capacity: ") for line in out.splitlines()),
                        out)
        self.assertIn("Welcome at Alpha", out)
        self.assertIn("Budget per visiting organisation:", out)

    def test_warning_exits_0(self):
        uid = self.import_document(plan(warning=host_double_booked))
        out = self.check(uid)
        self.assertTrue(any(line.startswith("warning: host-double-booked: ")
                            for line in out.splitlines()), out)

    def test_by_numeric_id(self):
        self.import_demo()
        programmes = json.loads(self.run_ok("list", "--json").stdout)
        self.check(str(programmes[0]["id"]))


class TestDemoExchange(CheckTestCase):
    """The demo is an exchange a coordinator would file: a version-2 document
    whose visiting organisations the scheme funds, each counted."""

    FUNDED_KINDS = {"cluster-organisation", "sme", "support-organisation"}

    def test_document_names_every_organisation(self):
        demo = load_demo()
        self.assertEqual(demo["version"], 2)
        self.assertGreater(demo["programme"]["lump_sum_eur"], 0)
        self.assertLessEqual(demo["programme"]["lump_sum_eur"], 1100)
        ids = set()
        for organisation in demo["organisations"]:
            ids.add(organisation["id"])
            self.assertIn(organisation["kind"], self.FUNDED_KINDS, organisation)
            self.assertNotEqual(organisation["country"], demo["programme"]["host_country"])
            for member in ("city", "cluster", "contact_name"):
                self.assertTrue(organisation[member], (member, organisation))
            self.assertTrue(-90 <= organisation["latitude"] <= 90, organisation)
            self.assertTrue(-180 <= organisation["longitude"] <= 180, organisation)
            self.assertTrue(organisation["eccp_url"].startswith(
                "https://www.clustercollaboration.eu/"), organisation)
            self.assertTrue(organisation["contact_email"].endswith(".example"), organisation)
        self.assertEqual(len(ids), len(demo["organisations"]))
        for person in demo["participants"]:
            self.assertIn(person["organisation_id"], ids, person["id"])
        # every organisation has people in the programme
        self.assertEqual({person["organisation_id"] for person in demo["participants"]}, ids)

    def test_no_warnings_and_every_organisation_counted(self):
        demo = load_demo()
        uid = self.import_demo()
        problems = self.check_json(uid)
        self.assertEqual([problem for problem in problems
                          if problem["severity"] in ("error", "warning")], [])
        result = self.run_ok("budget", uid, "--json")
        budget = json.loads(result.stdout)
        names = [organisation["name"] for organisation in demo["organisations"]]
        self.assertEqual(sorted(item["name"] for item in budget["organisations"]), sorted(names))
        self.assertEqual(budget["unknown"], [])
        for item in budget["organisations"]:
            # three working days or more without the travel days, far from Vilnius,
            # halved only for a stay under five working days
            self.assertGreaterEqual(item["working_days"], 3, item)
            self.assertGreater(item["distance_km"], 200, item)
            self.assertEqual(item["reasons"], ["short-stay"] if item["working_days"] < 5 else [],
                             item)
            self.assertGreater(item["amount_eur"], 0, item)
        self.assertAlmostEqual(budget["total_eur"],
                               sum(item["amount_eur"] for item in budget["organisations"]))
        # the only remarks are the halved sums, one per organisation
        self.assertEqual(sorted(problem["organisation"] for problem in problems),
                         sorted(item["name"] for item in budget["organisations"]
                                if item["halved"]))
        self.assertEqual({problem["code"] for problem in problems}, {"cxc-reduced-lump-sum"})


class TestCheckJson(CheckTestCase):
    def test_demo(self):
        uid = self.import_demo()
        problems = self.check_json(uid)
        self.assertEqual([problem for problem in problems if problem["severity"] == "error"], [])

    def test_clean_plan_empty_array(self):
        uid = self.import_document(plan())
        self.assertEqual(self.check_json(uid), [])

    def test_error_exits_1(self):
        uid = self.import_document(plan(error=over_capacity))
        problems = self.check_json(uid, status=1)
        self.assertEqual(problems[0]["severity"], "error")

    def test_session_and_host_where_they_apply(self):
        uid = self.import_document(plan(error=over_capacity))
        problem = self.only(self.check_json(uid, status=1), "over-capacity")
        self.assertEqual(set(problem), {"severity", "code", "message", "session", "host"})
        self.assertEqual(problem["severity"], "error")
        self.assertEqual(problem["session"], "uid-mon")
        self.assertEqual(problem["host"], self.exported_host_id(uid, "Alpha Photonics"))

    def test_participant_where_it_applies(self):
        uid = self.import_document(plan(warning=no_hotel))
        problem = self.only(self.check_json(uid), "no-accommodation")
        self.assertEqual(set(problem), {"severity", "code", "message", "participant"})
        self.assertEqual(problem["severity"], "warning")
        self.assertEqual(problem["participant"], "karin@example.org")

    def test_no_references_for_the_programme(self):
        uid = self.import_document(plan(info=empty_wednesday))
        problem = self.only(self.check_json(uid), "empty-day")
        self.assertEqual(set(problem), {"severity", "code", "message"})
        self.assertIn("Wed 12 May", problem["message"])

    def test_every_problem_listed(self):
        def two_over_capacity(document):
            document["sessions"][0]["capacity"] = 2
            document["sessions"][1]["capacity"] = 2
        uid = self.import_document(plan(error=two_over_capacity))
        problems = self.check_json(uid, status=1)
        self.assertEqual([(problem["code"], problem["session"]) for problem in problems],
                         [("over-capacity", "uid-mon"), ("over-capacity", "uid-tue")])

    def test_order(self):
        uid = self.import_document(plan(info=empty_wednesday, warning=host_double_booked,
                                        error=over_capacity))
        problems = self.check_json(uid, status=1)
        self.assertEqual([problem["code"] for problem in problems],
                         ["over-capacity", "host-double-booked", "empty-day"])


def overlapping(count):
    """Aino alone in COUNT sessions on Tuesday afternoon, all at the same time."""
    def change(document):
        for i in range(count):
            document["sessions"].append(
                {"id": "x%d" % i, "uid": "uid-x%d" % i, "title": "Talk %d" % i,
                 "start": "2027-05-11T14:00", "end": "2027-05-11T15:00", "attendees": ["p1"]})
    return change


def years_1_to_9999(document):
    document["programme"]["start_date"] = "0001-01-01"
    document["programme"]["end_date"] = "9999-12-31"


class TestCheckBounded(CheckTestCase):
    """Problems that multiplied: one for each pair of sessions, each day."""

    def test_overlapping_sessions_one_problem(self):
        # once 1000 × 999 / 2 problems, and a text as long
        uid = self.import_document(plan(clash=overlapping(1000)))
        problems = self.check_json(uid, status=1)
        problem = self.only(problems, "participant-double-booked")
        self.assertEqual(len(problems), 1, [p["code"] for p in problems])
        # in time order: all at once here, so in any order
        self.assertEqual(sorted(problem["sessions"]), sorted("uid-x%d" % i for i in range(1000)))
        self.assertEqual(problem["session"], problem["sessions"][0])
        self.assertEqual(problem["participant"], "aino@example.org")
        self.assertIn("Aino Mäkelä is booked in 1000 sessions that overlap", problem["message"])
        self.assertIn("and 995 more", problem["message"])

        out = self.check(uid, status=1)
        self.assertLess(len(out.encode("utf-8")), 4096, out[:2000])
        self.assertEqual(sum(line.startswith("error: ") for line in out.splitlines()), 1, out)

    def test_years_1_to_9999_bounded(self):
        # once 2.6 million empty-day lines
        uid = self.import_document(plan(long=years_1_to_9999))
        # no error: the visitors' stay is one week, whatever the programme's
        # length (cxc-too-long is of a visiting organisation's stay)
        out = self.check(uid)
        self.assertLess(len(out.encode("utf-8")), 4096, out[:2000])
        empty = [line for line in out.splitlines() if line.startswith("info: empty-day: ")]
        self.assertEqual(empty, [
            "info: empty-day: Nothing is planned from Mon 1 Jan 1 to Fri 7 May 2027: "
            "plan something, or shorten the programme",
            "info: empty-day: Nothing is planned from Mon 17 May 2027 to Fri 31 Dec 9999: "
            "plan something, or shorten the programme"])
        self.assertNotIn("?", out)

    def test_single_session_problems_keep_session(self):
        uid = self.import_document(plan(error=over_capacity))
        problem = self.only(self.check_json(uid, status=1), "over-capacity")
        self.assertNotIn("sessions", problem)
        self.assertEqual(problem["session"], "uid-mon")


class TestCheckFarFuture(CheckTestCase):
    """Times at the end of what GDateTime holds: check said "leaves on ?"."""

    def document(self, zone, depart, depart_zone, end, end_zone):
        return json.dumps({
            "format": "visit-planner-programme", "version": 1,
            "programme": {"title": "Far future", "host_country": "LT", "timezone": zone,
                          "start_date": "9999-12-27", "end_date": "9999-12-31"},
            "participants": [{"id": "p", "name": "Ana", "travel": [
                {"depart": "9999-12-26T10:00", "arrive": "9999-12-26T12:00"},
                {"depart": depart, "depart_timezone": depart_zone,
                 "arrive": "9999-12-31T22:00", "arrive_timezone": depart_zone}]}],
            "sessions": [{"id": "s", "title": "Last session", "start": "9999-12-31T08:00",
                          "timezone": end_zone, "end": end, "end_timezone": end_zone}],
        }).encode("utf-8")

    def test_after_year_9999_in_utc_refused(self):
        # 20:00 in Los Angeles on the last day of 9999 is in the year 10000 in UTC
        path = self.write("far.visit.json",
                          self.document("Europe/Vilnius", "9999-12-31T20:00",
                                        "America/Los_Angeles", "9999-12-31T21:00",
                                        "America/Los_Angeles"))
        result = self.run_cli("import", path)
        self.assert_one_line_error(result)
        self.assertIn("participants[0].travel[1].depart: 9999-12-31T20:00 in America/Los_Angeles",
                      result.stderr.decode("utf-8"))

    def test_year_10000_in_programme_zone_shown(self):
        # UTC+14: Ana's flight at 11:00 UTC leaves on Saturday 1 January 10000
        uid = self.import_document(self.document("Pacific/Kiritimati", "9999-12-31T11:00", "UTC",
                                                 "9999-12-31T12:00", "UTC"))
        out = self.check(uid, status=1)
        self.assertIn("Ana leaves on Sat 1 Jan 01:00 but attends “Last session”", out)
        self.assertNotIn("?", out)
        self.assertNotIn("(null)", out)


class TestRepeatVisitor(CheckTestCase):
    def setUp(self):
        super().setUp()
        self.demo = load_demo()
        self.visitor = self.demo["participants"][0]
        self.demo_uid = self.import_demo()

        # the demo's first visitor again, with the address in capitals
        def repeat(document):
            document["participants"][0]["email"] = self.visitor["email"].upper()
        self.uid = self.import_document(plan(repeat=repeat))

    def test_second_programme(self):
        problem = self.only(self.check_json(self.uid), "cxc-repeat-visitor")
        self.assertEqual(problem["severity"], "warning")
        self.assertEqual(set(problem), {"severity", "code", "message", "participant"})
        self.assertEqual(problem["participant"], self.visitor["email"].upper())
        self.assertIn(self.demo["programme"]["title"], problem["message"])

    def test_first_programme(self):
        problem = self.only(self.check_json(self.demo_uid), "cxc-repeat-visitor")
        self.assertEqual(problem["participant"], self.visitor["email"])
        self.assertIn(CLEAN_PLAN["programme"]["title"], problem["message"])

    def test_only_that_visitor(self):
        problems = self.check_json(self.uid)
        self.assertEqual([problem["code"] for problem in problems], ["cxc-repeat-visitor"])


class TestCheckFailures(CheckTestCase):
    def test_unknown_uid(self):
        self.import_demo()
        self.assert_one_line_error(self.run_cli("check", "no-such-programme"))

    def test_unknown_id(self):
        self.import_demo()
        self.assert_one_line_error(self.run_cli("check", "999"))

    def test_unknown_json(self):
        self.assert_one_line_error(self.run_cli("check", "no-such-programme", "--json"))

    def test_no_programme(self):
        self.assert_usage_error(self.run_cli("check"))

    def test_two_programmes(self):
        uid = self.import_demo()
        self.assert_usage_error(self.run_cli("check", uid, uid))

    def test_unknown_option(self):
        uid = self.import_demo()
        self.assert_usage_error(self.run_cli("check", uid, "--frobnicate"))


if __name__ == "__main__":
    unittest.main()
