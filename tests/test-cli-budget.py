#!/usr/bin/env python3
# test-cli-budget.py: the ClusterXChange rules per visiting organisation through
# "visit-planner-cli budget" and "check" (docs/cli.md), on plans imported as
# exchange documents of version 2 (docs/programme-format.md).
#
# VISIT_PLANNER_CLI is the program to test.

import copy
import csv
import io
import json
import math
import unittest

from vpcli import CliTestCase

ORGANISATION_MEMBERS = {"name", "country", "people", "working_days", "distance_km", "halved",
                        "amount_eur", "reasons"}
REASONS = ["short-stay", "near", "ineligible-country", "ineligible-kind", "repeat",
           "too-short", "too-long", "unknown-distance"]

# Alpha Photonics in Vilnius; a degree of latitude is this many kilometres
# on the sphere the program measures on.
ALPHA = (54.6872, 25.2797)
KM_PER_DEGREE = math.pi * 6371.0088 / 180.0


def north_of_alpha(km):
    return {"latitude": round(ALPHA[0] + km / KM_PER_DEGREE, 6), "longitude": ALPHA[1]}


def flights(arrive, leave):
    """A leg that lands at ARRIVE, one that leaves at LEAVE (local times)."""
    return [
        {"kind": "flight", "from": "Helsinki", "to": "Vilnius",
         "depart": arrive[:11] + "06:00", "arrive": arrive},
        {"kind": "flight", "from": "Vilnius", "to": "Helsinki",
         "depart": leave, "arrive": leave[:11] + "23:30"},
    ]


SUNDAY_EVENING = "2027-05-09T21:00"
MONDAY_MORNING = "2027-05-10T08:00"
MONDAY_EVENING = "2027-05-10T20:00"
THURSDAY_EVENING = "2027-05-13T19:00"
SATURDAY_MORNING = "2027-05-15T09:00"


def person(ref, name, email, country, organisation):
    return {
        "id": ref, "name": name, "email": email, "country": country,
        "organisation_id": organisation,
        "travel": flights(SUNDAY_EVENING, SATURDAY_MORNING),
        "accommodation": [{"name": "Hotel Neris", "check_in": "2027-05-09",
                           "check_out": "2027-05-15"}],
    }


def meeting(ref, title, day):
    return {"id": ref, "uid": "uid-" + ref, "title": title, "kind": "meeting",
            "start": day + "T10:00", "end": day + "T12:00", "host": "alpha"}


# A working week in Vilnius: a meeting for everyone each weekday; Lumiray Oy
# (an SME in Helsinki, 612 km away: two people) and Nordic Photonics AB (a
# cluster organisation in Stockholm: one), whose people land on Sunday
# evening and leave on Saturday morning: five working days each, in full.
PLAN = {
    "format": "visit-planner-programme",
    "version": 2,
    "programme": {
        "uid": "prog-budget",
        "title": "Photonics Finland in Vilnius",
        "host_country": "LT",
        "timezone": "Europe/Vilnius",
        "start_date": "2027-05-10",
        "end_date": "2027-05-14",
        "lump_sum_eur": 1000,
    },
    "hosts": [
        {"id": "alpha", "name": "Alpha Photonics", "country": "LT",
         "latitude": ALPHA[0], "longitude": ALPHA[1]},
    ],
    "organisations": [
        {"id": "lumiray", "uid": "org-lumiray", "name": "Lumiray Oy", "kind": "sme",
         "country": "FI", "city": "Helsinki", "latitude": 60.1699, "longitude": 24.9384},
        {"id": "nordic", "uid": "org-nordic", "name": "Nordic Photonics AB",
         "kind": "cluster-organisation", "country": "SE", "city": "Stockholm",
         "latitude": 59.3293, "longitude": 18.0686},
    ],
    "participants": [
        person("p1", "Aino Mäkelä", "aino@example.org", "FI", "lumiray"),
        person("p2", "Jukka Räsänen", "jukka@example.org", "FI", "lumiray"),
        person("p3", "Karin Lindqvist", "karin@example.org", "SE", "nordic"),
    ],
    "sessions": [
        meeting("mon", "Welcome", "2027-05-10"),
        meeting("tue", "Lab tour", "2027-05-11"),
        meeting("wed", "Workshop", "2027-05-12"),
        meeting("thu", "B2B meetings", "2027-05-13"),
        meeting("fri", "Debriefing", "2027-05-14"),
    ],
}


def plan(*changes, uid=None):
    """The plan, changed by each function of CHANGES (on the copy)."""
    document = copy.deepcopy(PLAN)
    for change in changes:
        change(document)
    if uid is not None:
        document["programme"]["uid"] = uid
    return document


def organisation(document, ref):
    return next(item for item in document["organisations"] if item["id"] == ref)


class BudgetTestCase(CliTestCase):
    folder_prefix = "test-cli-budget-"
    quiet_failure = True

    def budget(self, programme):
        result = self.run_ok("budget", programme, "--json")
        self.assertEqual(result.stderr, b"")
        budget = json.loads(result.stdout)
        self.assert_documented(budget)
        return budget

    def assert_documented(self, budget):
        self.assertEqual(set(budget), {"currency", "total_eur", "organisations", "unknown"})
        self.assertEqual(budget["currency"], "EUR")
        self.assertTrue(budget["total_eur"] is None or
                        isinstance(budget["total_eur"], (int, float)), budget)
        self.assertIsInstance(budget["unknown"], list)
        self.assertTrue(all(isinstance(text, str) and text for text in budget["unknown"]))
        amounts = []
        for item in budget["organisations"]:
            self.assertEqual(set(item), ORGANISATION_MEMBERS, item)
            self.assertIsInstance(item["name"], str)
            self.assertIsInstance(item["people"], int)
            self.assertIsInstance(item["working_days"], int)
            self.assertIsInstance(item["halved"], bool)
            self.assertTrue(item["distance_km"] is None or
                            isinstance(item["distance_km"], (int, float)), item)
            self.assertTrue(item["amount_eur"] is None or
                            isinstance(item["amount_eur"], (int, float)), item)
            self.assertTrue(item["amount_eur"] is None or item["amount_eur"] <= 1100, item)
            self.assertTrue(set(item["reasons"]) <= set(REASONS), item)
            self.assertEqual(item["reasons"], sorted(item["reasons"], key=REASONS.index))
            amounts.append(item["amount_eur"])
        if None in amounts:
            self.assertIsNone(budget["total_eur"])
        else:
            self.assertAlmostEqual(budget["total_eur"], sum(amounts), places=2)

    def line(self, budget, name):
        found = [item for item in budget["organisations"] if item["name"] == name]
        self.assertEqual(len(found), 1, budget)
        return found[0]

    def problems(self, programme, status=0):
        result = self.run_cli("check", programme, "--json")
        self.assertEqual(result.returncode, status, result.stderr.decode("utf-8", "replace"))
        return json.loads(result.stdout)

    def only(self, problems, code):
        found = [problem for problem in problems if problem["code"] == code]
        self.assertEqual(len(found), 1, problems)
        return found[0]


class TestBudget(BudgetTestCase):
    def test_full_week(self):
        budget = self.budget(self.import_document(plan()))
        self.assertEqual([item["name"] for item in budget["organisations"]],
                         ["Lumiray Oy", "Nordic Photonics AB"])
        lumiray = self.line(budget, "Lumiray Oy")
        self.assertEqual(lumiray["country"], "FI")
        self.assertEqual(lumiray["people"], 2)
        self.assertEqual(lumiray["working_days"], 5)
        self.assertAlmostEqual(lumiray["distance_km"], 612, delta=7)
        self.assertFalse(lumiray["halved"])
        self.assertEqual(lumiray["amount_eur"], 1000)
        self.assertEqual(lumiray["reasons"], [])
        self.assertEqual(budget["total_eur"], 2000)
        self.assertEqual(budget["unknown"], [])

    def test_one_arrives_a_day_later(self):
        # Aino leaves on Thursday evening, Jukka lands on Monday evening:
        # between them, Lumiray works every weekday
        def later(document):
            document["participants"][0]["travel"] = flights(SUNDAY_EVENING, THURSDAY_EVENING)
            document["participants"][1]["travel"] = flights(MONDAY_EVENING, SATURDAY_MORNING)
        lumiray = self.line(self.budget(self.import_document(plan(later))), "Lumiray Oy")
        self.assertEqual(lumiray["working_days"], 5)
        self.assertFalse(lumiray["halved"])
        self.assertEqual(lumiray["amount_eur"], 1000)

    def test_both_arrive_on_the_first_morning(self):
        # Monday is their arrival day, even with the meeting they attend
        def morning(document):
            for person_ in document["participants"][:2]:
                person_["travel"] = flights(MONDAY_MORNING, SATURDAY_MORNING)
        uid = self.import_document(plan(morning))
        lumiray = self.line(self.budget(uid), "Lumiray Oy")
        self.assertEqual(lumiray["working_days"], 4)
        self.assertTrue(lumiray["halved"])
        self.assertEqual(lumiray["amount_eur"], 500)
        self.assertEqual(lumiray["reasons"], ["short-stay"])
        problem = self.only(self.problems(uid), "cxc-reduced-lump-sum")
        self.assertEqual(problem["organisation"], "Lumiray Oy")
        self.assertEqual(problem["severity"], "info")

    def test_person_from_ineligible_country_of_eligible_sme(self):
        def british(document):
            document["participants"][1]["country"] = "GB"
        uid = self.import_document(plan(british))
        self.assertEqual(self.line(self.budget(uid), "Lumiray Oy")["amount_eur"], 1000)
        self.assertEqual(self.problems(uid), [])

    def test_ineligible_organisation(self):
        def british(document):
            organisation(document, "lumiray")["country"] = "GB"
        uid = self.import_document(plan(british))
        lumiray = self.line(self.budget(uid), "Lumiray Oy")
        self.assertEqual(lumiray["amount_eur"], 0)
        self.assertEqual(lumiray["reasons"], ["ineligible-country"])
        problem = self.only(self.problems(uid), "cxc-ineligible-country")
        self.assertEqual(problem["organisation"], "Lumiray Oy")
        self.assertNotIn("participant", problem)

    def test_same_country_as_host(self):
        def lithuanian(document):
            organisation(document, "nordic")["country"] = "LT"
        uid = self.import_document(plan(lithuanian))
        nordic = self.line(self.budget(uid), "Nordic Photonics AB")
        self.assertEqual(nordic["amount_eur"], 0)
        self.assertEqual(nordic["reasons"], ["ineligible-country"])
        problem = self.only(self.problems(uid), "cxc-same-country")
        self.assertEqual(problem["organisation"], "Nordic Photonics AB")

    def test_distance_150_and_250_km(self):
        def near(document):
            organisation(document, "lumiray").update(north_of_alpha(150))
            organisation(document, "nordic").update(north_of_alpha(250))
        uid = self.import_document(plan(near))
        budget = self.budget(uid)
        lumiray = self.line(budget, "Lumiray Oy")
        self.assertAlmostEqual(lumiray["distance_km"], 150, delta=0.5)
        self.assertTrue(lumiray["halved"])
        self.assertEqual(lumiray["reasons"], ["near"])
        self.assertEqual(lumiray["amount_eur"], 500)
        nordic = self.line(budget, "Nordic Photonics AB")
        self.assertAlmostEqual(nordic["distance_km"], 250, delta=0.5)
        self.assertFalse(nordic["halved"])
        self.assertEqual(nordic["amount_eur"], 1000)
        problem = self.only(self.problems(uid), "cxc-distance")
        self.assertEqual(problem["severity"], "info")
        self.assertEqual(problem["organisation"], "Lumiray Oy")

    def test_unknown_distance(self):
        def nowhere(document):
            del organisation(document, "lumiray")["latitude"]
            del organisation(document, "lumiray")["longitude"]
        uid = self.import_document(plan(nowhere))
        budget = self.budget(uid)
        lumiray = self.line(budget, "Lumiray Oy")
        self.assertIsNone(lumiray["distance_km"])
        self.assertIsNone(lumiray["amount_eur"])
        self.assertEqual(lumiray["reasons"], ["unknown-distance"])
        self.assertIsNone(budget["total_eur"])
        self.assertTrue(any("Lumiray Oy" in text for text in budget["unknown"]), budget)
        problem = self.only(self.problems(uid), "cxc-distance")
        self.assertEqual(problem["severity"], "warning")
        self.assertEqual(problem["organisation"], "Lumiray Oy")

    def test_too_short(self):
        def two_days(document):
            for session in document["sessions"][2:]:
                session["status"] = "cancelled"
        uid = self.import_document(plan(two_days))
        lumiray = self.line(self.budget(uid), "Lumiray Oy")
        self.assertEqual(lumiray["working_days"], 2)
        self.assertEqual(lumiray["amount_eur"], 0)
        self.assertIn("too-short", lumiray["reasons"])
        problems = self.problems(uid, status=1)
        self.assertEqual(sorted(problem["organisation"] for problem in problems
                                if problem["code"] == "cxc-too-short"),
                         ["Lumiray Oy", "Nordic Photonics AB"])

    def test_too_long(self):
        # Aino stays on for a meeting on 10 June: a month after 10 May
        def month(document):
            document["programme"]["end_date"] = "2027-06-11"
            document["sessions"].append(dict(meeting("jun", "Follow-up", "2027-06-10"),
                                             attendees=["p1"]))
            document["participants"][0]["travel"] = flights(SUNDAY_EVENING, "2027-06-12T09:00")
            document["participants"][0]["accommodation"][0]["check_out"] = "2027-06-12"
        uid = self.import_document(plan(month))
        budget = self.budget(uid)
        self.assertEqual(self.line(budget, "Lumiray Oy")["reasons"], ["too-long"])
        self.assertEqual(self.line(budget, "Lumiray Oy")["amount_eur"], 0)
        self.assertEqual(self.line(budget, "Nordic Photonics AB")["reasons"], [])
        problem = self.only(self.problems(uid, status=1), "cxc-too-long")
        self.assertEqual(problem["organisation"], "Lumiray Oy")

    def test_ineligible_kind(self):
        def research(document):
            organisation(document, "nordic")["kind"] = "research"
        uid = self.import_document(plan(research))
        nordic = self.line(self.budget(uid), "Nordic Photonics AB")
        self.assertEqual(nordic["amount_eur"], 0)
        self.assertEqual(nordic["reasons"], ["ineligible-kind"])
        problem = self.only(self.problems(uid), "cxc-ineligible-kind")
        self.assertEqual(problem["severity"], "warning")
        self.assertEqual(problem["organisation"], "Nordic Photonics AB")

    def test_cap(self):
        # no amount is above the cap, whatever the programme's amount
        def above(document):
            document["programme"]["lump_sum_eur"] = 1500
            organisation(document, "lumiray").update(north_of_alpha(150))
        budget = self.budget(self.import_document(plan(above)))
        self.assertEqual(self.line(budget, "Lumiray Oy")["amount_eur"], 750)
        self.assertEqual(self.line(budget, "Nordic Photonics AB")["amount_eur"], 1100)
        out = self.run_ok("budget", "prog-budget").stdout.decode("utf-8")
        self.assertIn("capped at 1100.00 EUR", out)

    def test_override_above_cap_refused(self):
        def above(document):
            document["programme"]["lump_sum_override_eur"] = 1200
        path = self.write("above.visit.json", json.dumps(plan(above)).encode("utf-8"))
        self.assert_one_line_error(self.run_cli("import", path),
                                   "programme.lump_sum_override_eur")


class TestOverride(BudgetTestCase):
    def test_override_per_programme(self):
        # two programmes in one database: one partnership pays 780 EUR for a
        # full stay (390 EUR halved), the other the programme's 1000 EUR
        def partnership(document):
            document["programme"]["lump_sum_override_eur"] = 780
            organisation(document, "lumiray").update(north_of_alpha(150))
        # (other organisations: the same ones would be repeats in the second)
        def others(document):
            organisation(document, "lumiray")["name"] = "Baltic Lasers Oy"
            organisation(document, "nordic")["name"] = "Scandi Optics AB"
        with_override = self.import_document(plan(partnership, uid="prog-780"))
        without = self.import_document(plan(others, uid="prog-1000"), name="other.visit.json")
        budget = self.budget(with_override)
        self.assertEqual(self.line(budget, "Lumiray Oy")["amount_eur"], 390)
        self.assertEqual(self.line(budget, "Nordic Photonics AB")["amount_eur"], 780)
        self.assertEqual(budget["total_eur"], 1170)
        self.assertEqual(self.budget(without)["total_eur"], 2000)


class TestRepeat(BudgetTestCase):
    """One database, two programmes visited by the same organisation under
    two spellings."""

    def setUp(self):
        super().setUp()

        def earlier(document):
            document["programme"]["title"] = "Lasers in Riga"
            for name in ("start_date", "end_date"):
                document["programme"][name] = document["programme"][name].replace("2027", "2026")
            for session in document["sessions"]:
                for name in ("start", "end"):
                    session[name] = session[name].replace("2027-05", "2026-05")
            for person_ in document["participants"]:
                del person_["travel"], person_["accommodation"]

        def spelled(document):
            organisation(document, "lumiray")["name"] = "LUMIRAY OY "
        self.earlier = self.import_document(plan(earlier, uid="prog-2026"))
        self.later = self.import_document(plan(spelled, uid="prog-2027"),
                                          name="later.visit.json")

    def test_later_programme(self):
        budget = self.budget(self.later)
        lumiray = budget["organisations"][0]
        self.assertEqual(lumiray["reasons"], ["repeat"])
        self.assertEqual(lumiray["amount_eur"], 0)
        self.assertEqual(self.line(budget, "Nordic Photonics AB")["reasons"], ["repeat"])
        problems = self.problems(self.later)
        found = [problem for problem in problems if problem["code"] == "cxc-repeat-organisation"]
        self.assertEqual(len(found), 2, problems)
        self.assertIn("Lasers in Riga", found[0]["message"])
        self.assertEqual({problem["organisation"] for problem in found},
                         {lumiray["name"], "Nordic Photonics AB"})

    def test_earlier_programme(self):
        budget = self.budget(self.earlier)
        self.assertTrue(all("repeat" not in item["reasons"] for item in budget["organisations"]))
        self.assertEqual([problem for problem in self.problems(self.earlier)
                          if problem["code"] == "cxc-repeat-organisation"], [])


class TestOutputs(BudgetTestCase):
    def test_csv(self):
        def near(document):
            organisation(document, "lumiray").update(north_of_alpha(150))
        uid = self.import_document(plan(near))
        result = self.run_ok("budget", uid, "--csv")
        rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
        self.assertEqual(rows[0], ["name", "country", "people", "working_days", "distance_km",
                                   "halved", "amount_eur", "reasons"])
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[1], ["Lumiray Oy", "FI", "2", "5", "150.0", "true", "500.00",
                                   "near"])
        self.assertEqual(rows[2][5:], ["false", "1000.00", ""])

    def test_text(self):
        uid = self.import_document(plan())
        out = self.run_ok("budget", uid).stdout.decode("utf-8")
        self.assertIn("Lumiray Oy", out)
        self.assertIn("Nordic Photonics AB", out)
        self.assertIn("Total: 2000.00 EUR", out)
        self.assertIn("Full amount: 5 working days", out)

    def test_check_prints_budget(self):
        uid = self.import_document(plan())
        result = self.run_ok("check", uid)
        out = result.stdout.decode("utf-8")
        self.assertIn("Budget per visiting organisation:", out)
        self.assertIn("Total: 2000.00 EUR", out)

    def test_json_and_csv_refused(self):
        uid = self.import_document(plan())
        self.assert_usage_error(self.run_cli("budget", uid, "--json", "--csv"))

    def test_no_programme(self):
        self.assert_usage_error(self.run_cli("budget"))

    def test_unknown_programme(self):
        self.import_document(plan())
        self.assert_one_line_error(self.run_cli("budget", "no-such-programme", "--json"))


if __name__ == "__main__":
    unittest.main()
