#!/usr/bin/env python3
# test-pdf.py: visit-planner-cli pdf (docs/cli.md) read back with poppler (pdftotext, pdfinfo).
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import datetime
import importlib.util
import json
import os
import re
import shutil
import subprocess
import unicodedata
import unittest
import zoneinfo

from vpcli import CliTestCase, load_demo

# Text in the printed languages, and an emoji (Noto Color Emoji).
MULTILINGUAL_TITLE = "Žalgirio arena: Ąžuolų gatvė, Järvenpää yö, ça déjà vu, Größe Straße 🎉"


def collapse(text):
    """Whitespace (and no-break spaces) as single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def squash(text):
    """Without spaces and hyphens: a word broken at its hyphen (step-/free) still matches."""
    return re.sub(r"[\s\-\u00a0]", "", text)


def clock(local):
    return local.strftime("%H:%M")


def money(amount):
    """An amount as the grant sheet prints it."""
    return f"{amount:.2f} EUR"


# What the people of the generated programmes agreed to: everything, so that
# their needs and contacts are kept and printed where the layouts print them.
CONSENT_TO_ALL = {"fields": ["dietary", "accessibility", "emergency-contact",
                             "share-with-hosts", "share-with-participants"],
                  "given": "2027-01-15", "wording": "Registration form v1"}


def grant_programme(count, uid="prog-grant"):
    """A week in Vilnius visited by @count organisations of one person each,
    with names of 80 characters: eligible or not, near or far, staying four
    or five working days, some without a position (their distance and so the
    total unknown)."""
    kinds = ["sme", "cluster-organisation", "support-organisation", "research"]
    organisations = []
    participants = []
    for i in range(count):
        name = (f"Organisation {i:03d} Pohjois-Karjalan Fotoniikan ja "
                "Optoelektroniikan Kehittämiskeskus Oy")[:80]
        organisation = {"id": f"o{i}", "uid": f"org-{i}", "name": name, "kind": kinds[i % 4],
                        "country": "SE" if i % 7 == 0 else "FI", "city": "Joensuu"}
        if i % 11:
            organisation.update({"latitude": round(54.6872 + (i % 9) * 0.9, 6),
                                 "longitude": 25.2797})
        organisations.append(organisation)
        leave = "2027-05-15T09:00" if i % 3 else "2027-05-13T19:00"
        participants.append({
            "id": f"p{i}", "name": f"Person {i}", "email": f"p{i}@example.org",
            "country": "FI", "organisation_id": f"o{i}",
            "travel": [
                {"kind": "flight", "from": "Helsinki", "to": "Vilnius",
                 "depart": "2027-05-09T18:00", "arrive": "2027-05-09T21:00"},
                {"kind": "flight", "from": "Vilnius", "to": "Helsinki",
                 "depart": leave, "arrive": leave[:11] + "23:30"},
            ]})
    days = ["2027-05-10", "2027-05-11", "2027-05-12", "2027-05-13", "2027-05-14"]
    return {
        "format": "visit-planner-programme", "version": 2,
        "programme": {
            "uid": uid, "title": "Organisations visit Vilnius", "host_country": "LT",
            "visiting_cluster": "Photonics Finland", "host_cluster": "Lithuanian Laser Cluster",
            "coordinator": {"name": "Aino Mäkelä", "email": "aino@example.org"},
            "timezone": "Europe/Vilnius", "start_date": days[0], "end_date": days[-1],
            "lump_sum_eur": 1000},
        "hosts": [{"id": "alpha", "name": "Alpha Photonics", "country": "LT",
                   "latitude": 54.6872, "longitude": 25.2797}],
        "organisations": organisations,
        "participants": participants,
        "sessions": [{"id": f"s{n}", "uid": f"uid-s{n}", "title": f"Meeting {n}",
                      "kind": "meeting", "start": day + "T10:00", "end": day + "T12:00",
                      "host": "alpha"} for n, day in enumerate(days)],
    }


# The names of the sheets' stress programme: every script the issue asks for
# (Lithuanian, Finnish, Greek, Arabic), short ones and ones of 80 characters.
SHEETS_NAMES = [
    "Žydrūnė Šimkūnaitė-Čepulionienė",
    "Väinö Äijälä-Öhrnberg",
    "Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου",
    "عبد الرحمن بن محمد الحسيني",
    "Jūratė Ąžuolaitė",
    "Ilmari Kärkkäinen",
    "Νίκος Οικονόμου",
    "فاطمة الزهراء العلوي",
]
# A need spelt differently by different people counts as one.
SHEETS_DIETS = ["vegetarian", "Vegetarian ", "VEGETARIAN", "gluten-free (coeliac)", "halal",
                "حلال", "Χωρίς λακτόζη", "no pork", None, None, None]
SHEETS_ACCESS = ["wheelchair user: step-free access and a lift", "Wheelchair user:  step-free "
                 "access and a lift", "hearing loop, please", None, None, None, None]
SHEETS_HOTELS = [("Hotel Neris Riverside", "Konstitucijos pr. 20, Vilnius"),
                 ("hotel neris  riverside", ""),
                 ("Ąžuolynas Guest House", "Ąžuolyno g. 7, Vilnius"),
                 ("Ξενοδοχείο Ακρόπολις", "")]


def sheets_name(i):
    """Participant i's name: every tenth 80 characters long."""
    name = SHEETS_NAMES[i % len(SHEETS_NAMES)] + f" {i:03d}"
    if i % 10 == 3:
        name = " ".join([name] + SHEETS_NAMES * 2)[:80].strip()
        name = name + "x" * (80 - len(name))
    return name


def sheets_programme(count=200):
    """A programme for the catering sheet, rooming list and badges: @count
    participants with names in four scripts (some 80 characters long),
    dietary and access needs spelt several ways, a phone, email and emergency
    contact each (which these sheets must never print), stays in four hotels
    (two spellings of one) reaching days before and after the programme, a
    person with two stays; lunches for all, dinners for some, a cancelled
    meal, site visits, a description of 5,000 characters."""
    participants = []
    for i in range(count):
        person = {
            "id": f"p{i:03d}", "name": sheets_name(i), "email": f"person{i:03d}@example.org",
            "phone": f"+370 6{i:02d} {10000 + i}", "country": ["LT", "FI", "GR", "SE"][i % 4],
            "organisation": f"Organisation {i % 23} " + ("Šiaurės Fotonika UAB" if i % 2
                                                          else "Οπτική Ελλάδος ΑΕ"),
            "emergency_contact": f"Emergency Kin {i:03d} +358 40 {100000 + i}",
            "consent": CONSENT_TO_ALL,
        }
        diet = SHEETS_DIETS[i % len(SHEETS_DIETS)]
        if diet:
            person["dietary"] = diet
        access = SHEETS_ACCESS[i % len(SHEETS_ACCESS)]
        if access:
            person["accessibility"] = access
        hotel, address = SHEETS_HOTELS[i % len(SHEETS_HOTELS)]
        check_in = ["2027-05-09", "2027-05-10", "2027-05-07"][i % 3]
        check_out = ["2027-05-14", "2027-05-16", "2027-05-15"][i % 3]
        person["accommodation"] = [{"name": hotel, "address": address, "check_in": check_in,
                                    "check_out": check_out}]
        if i == 7:
            # two stays: a night elsewhere after the programme
            person["accommodation"].append({"name": "Airport Hotel Vilnius",
                                            "check_in": check_out, "check_out": "2027-05-18"})
        participants.append(person)
    days = ["2027-05-10", "2027-05-11", "2027-05-12", "2027-05-13", "2027-05-14"]
    description = " ".join(f"d{n:04d}" for n in range(1000))[:5000]
    sessions = []
    for n, day in enumerate(days):
        sessions.append({"id": f"lunch{n}", "title": f"Lunch {n} with the hosts", "kind": "meal",
                         "start": day + "T12:00", "end": day + "T13:00", "host": "alpha",
                         "location": "Canteen, ground floor"})
        sessions.append({"id": f"visit{n}", "title": f"Site visit {n}: cleanroom",
                         "kind": "visit", "start": day + "T14:00", "end": day + "T16:00",
                         "host": "alpha", "description": description,
                         "attendees": [p["id"] for p in participants[n::2]]})
        sessions.append({"id": f"dinner{n}", "title": f"Dinner {n}", "kind": "meal",
                         "start": day + "T19:00", "end": day + "T21:00", "host": "alpha",
                         "attendees": [p["id"] for p in participants[:40 + n]]})
    sessions.append({"id": "cancelled", "title": "Cancelled breakfast meeting", "kind": "meal",
                     "status": "cancelled", "start": days[0] + "T08:00",
                     "end": days[0] + "T09:00", "host": "alpha"})
    return {
        "format": "visit-planner-programme", "version": 2,
        "programme": {
            "uid": "sheets-stress", "title": "Stress: " + "Ąžuolų fotonikos savaitė, "
                                                         "valokuitupäivät ja Φωτονική " * 3,
            "description": description, "host_country": "LT",
            "visiting_cluster": "Photonics Finland", "host_cluster": "Lithuanian Laser Cluster",
            "coordinator": {"name": "Aino Mäkelä", "email": "aino@example.org"},
            "timezone": "Europe/Vilnius", "start_date": days[0], "end_date": days[-1]},
        "hosts": [{"id": "alpha", "name": "Alpha Photonics", "country": "LT",
                   "address": "Saulėtekio al. 15", "city": "Vilnius",
                   "phone": "+370 5 210 4410"}],
        "participants": participants,
        "sessions": sessions,
    }


def load_stress_generator():
    """tests/tools/stress-programme.py as a module (its name has a hyphen)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools",
                        "stress-programme.py")
    spec = importlib.util.spec_from_file_location("stress_programme", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The marks poppler puts around right-to-left text, and soft hyphens.
DIRECTION_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")


def flat(text):
    """@text as pdftotext gives it back, compared without spaces, hyphens,
    direction marks or compatibility forms: a name wrapped in its cell, or
    written right to left, still matches."""
    return squash(unicodedata.normalize("NFKC", DIRECTION_MARKS.sub("", text)))


def split_documents(raw, marker):
    """The pages of @raw (pdftotext, pages apart by form feeds) as one text
    per sheet or certificate: each starts on a page with @marker."""
    documents = []
    for page in raw.split("\f"):
        if not page.strip():
            continue
        if marker in page:
            documents.append(page)
        else:
            assert documents, f"a page before the first {marker!r}"
            documents[-1] += "\n" + page
    return documents


SHEET_KINDS = ("visit", "meeting", "b2b", "workshop")

class PdfTestCase(CliTestCase):
    folder_prefix = "test-pdf-"
    quiet_success = True

    @classmethod
    def setUpClass(cls):
        for tool in ("pdftotext", "pdfinfo"):
            if shutil.which(tool) is None:
                raise unittest.SkipTest(f"{tool} (poppler-utils) is not installed")

    def setUp(self):
        super().setUp()
        self.env["TZ"] = "UTC"

    def exported(self, programme):
        return json.loads(self.export(programme))

    def pdf(self, programme, *args, name="out.pdf", content_order=False):
        """Writes the PDF; returns (pages of -layout text, raw text, page count).
        With @content_order, the raw text in the order it was drawn (-raw), not
        the order poppler reads it in."""
        output = self.path(name)
        self.run_ok("pdf", programme, *args, "-o", output)
        with open(output, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        info = subprocess.run(["pdfinfo", output], capture_output=True, check=True,
                              text=True).stdout
        n_pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
        layout = subprocess.run(["pdftotext", "-layout", output, "-"], capture_output=True,
                                check=True).stdout.decode("utf-8")
        raw = subprocess.run(["pdftotext", *(["-raw"] if content_order else []), output, "-"],
                             capture_output=True, check=True).stdout.decode("utf-8")
        pages = layout.replace("\u00a0", " ").split("\f")
        if pages and pages[-1].strip() == "":
            pages.pop()
        self.assertEqual(len(pages), n_pages)
        self.last_info = info
        return pages, raw.replace("\u00a0", " "), n_pages

    def assert_page_numbers(self, pages):
        """Every page says "Page N of M", N in order and M the PDF's page count."""
        for number, page in enumerate(pages, 1):
            self.assertIn(f"Page {number} of {len(pages)}", page)
            self.assertIn("Printed ", page)

    def expected_sessions(self, document):
        """(title, start, end) of each session, local times in the programme's zone."""
        zone = zoneinfo.ZoneInfo(document["programme"]["timezone"])
        sessions = []
        for session in document["sessions"]:
            start_zone = zoneinfo.ZoneInfo(session.get("timezone") or
                                           document["programme"]["timezone"])
            end_zone = zoneinfo.ZoneInfo(session.get("end_timezone") or session.get("timezone") or
                                         document["programme"]["timezone"])
            start = datetime.datetime.fromisoformat(session["start"]).replace(tzinfo=start_zone)
            end = datetime.datetime.fromisoformat(session["end"]).replace(tzinfo=end_zone)
            sessions.append((session, start.astimezone(zone), end.astimezone(zone)))
        return sessions

    def assert_session_printed(self, pages, raw, session, start, end):
        """The time range and the title's first words on one line; the whole title."""
        text = "\n".join(pages)
        title = session["title"]
        if start.date() == end.date():
            times = f"{clock(start)}–{clock(end)}"
        else:
            times = f"{clock(start)}–"
        lines = [line for line in text.splitlines() if times in line]
        head = " ".join(title.split()[:3])
        self.assertTrue(any(head in collapse(line) for line in lines),
                        f"{times} {title!r} not on one line")
        self.assertTrue(collapse(title) in collapse(text) or collapse(title) in collapse(raw),
                        title)

    @staticmethod
    def attends(session, participant):
        attendees = session.get("attendees", "all")
        return attendees == "all" or participant in attendees


class TestLayouts(PdfTestCase):
    def test_agenda(self):
        programme = self.import_demo()
        document = self.exported(programme)
        pages, raw, n_pages = self.pdf(programme)
        self.assert_page_numbers(pages)
        self.assertGreaterEqual(n_pages, 2)
        text = "\n".join(pages)
        self.assertIn(document["programme"]["title"].split(":")[0], pages[0])
        for session, start, end in self.expected_sessions(document):
            self.assert_session_printed(pages, raw, session, start, end)
        # Each day's heading, in order.
        days = [f"{d:%A} {d.day} {d:%B %Y}" for d in
                sorted({start.date() for _, start, _ in self.expected_sessions(document)})]
        positions = [text.find(day) for day in days]
        self.assertNotIn(-1, positions, days)
        self.assertEqual(positions, sorted(positions))
        # The tentative session is marked.
        self.assertIn("Tentative", text)
        self.assertIn("A4", self.last_info)

    def test_agenda_letter_and_a4(self):
        programme = self.import_demo()
        self.pdf(programme, "--paper", "letter")
        self.assertRegex(self.last_info, r"Page size:\s+612 x 792 pts \(letter\)")
        self.pdf(programme, "--paper", "a4")
        self.assertRegex(self.last_info, r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)")
        self.pdf(programme, "--paper", "A4")

    def test_participant_agendas(self):
        programme = self.import_demo()
        document = self.exported(programme)
        expected = self.expected_sessions(document)
        for key in ("sanna.hoglund@tampere-photonics.example", "antti-korhonen"):
            with self.subTest(participant=key):
                participant = next(p for p in document["participants"]
                                   if key in (p["id"], p.get("email")))
                pages, raw, _ = self.pdf(programme, "--participant", key)
                self.assert_page_numbers(pages)
                text = collapse("\n".join(pages)) + " " + collapse(raw)
                self.assertIn(f"Agenda for {participant['name']}", pages[0])
                attended = [(s, a, b) for s, a, b in expected
                            if self.attends(s, participant["id"])]
                for session, start, end in attended:
                    self.assert_session_printed(pages, raw, session, start, end)
                titles = {s["title"] for s, _, _ in attended}
                for session, _, _ in expected:
                    title = session["title"]
                    # Titles that another attended session shares, or holds, prove nothing.
                    if any(title in other for other in titles):
                        continue
                    self.assertNotIn(collapse(title), text)
                # Their travel legs and hotel, on the days they concern.
                for leg in participant.get("travel", []):
                    self.assertIn(leg["reference"], text)
                for stay in participant.get("accommodation", []):
                    self.assertIn(stay["name"], text)
                self.assertIn("Check-in", text)

    def test_host_sheets(self):
        document = load_demo()
        # A host that only two participants visit: Sanna (vegetarian) and Mikko.
        document["hosts"].append({"id": "small-lab", "name": "Small Optics Lab",
                                  "address": "Vilniaus g. 1", "city": "Vilnius",
                                  "notes": "Shoe covers in the cleanroom."})
        document["sessions"].append({
            "id": "small-lab-visit", "title": "Small lab: cleanroom visit", "kind": "visit",
            "start": "2027-04-16T13:45", "end": "2027-04-16T14:45", "host": "small-lab",
            "attendees": ["sanna-hoglund", "mikko-vaananen"]})
        programme = self.import_document(document)
        exported = self.exported(programme)
        expected = self.expected_sessions(exported)
        people = {p["id"]: p for p in exported["participants"]}

        for host in ("small-lab", "femtolux"):
            with self.subTest(host=host):
                pages, raw, _ = self.pdf(programme, "--host", host)
                self.assert_page_numbers(pages)
                text = collapse("\n".join(pages)) + " " + collapse(raw)
                here = [(s, a, b) for s, a, b in expected if s.get("host") == host]
                self.assertTrue(here)
                visitors = set()
                for session, start, end in here:
                    self.assertIn(collapse(session["title"]), text)
                    self.assertIn(clock(start), text)
                    attendees = session.get("attendees", "all")
                    visitors |= set(people) if attendees == "all" else set(attendees)
                coordinator = exported["programme"]["coordinator"]["name"]
                for ref, person in people.items():
                    for need in ("dietary", "accessibility"):
                        if not person.get(need):
                            continue
                        needs_elsewhere = any(p.get(need) == person[need]
                                              for r, p in people.items() if r in visitors)
                        if ref in visitors:
                            self.assertIn(squash(person[need]), squash(text))
                        elif not needs_elsewhere:
                            self.assertNotIn(squash(person[need]), squash(text))
                    if ref not in visitors and person["name"] != coordinator:
                        self.assertNotIn(person["name"], text)
                self.assertIn(f"{len(visitors)} people", text)
                self.assertIn("Aino Mäkelä", text)  # the coordinator
                self.assertIn("Personal data", text)

        pages, raw, _ = self.pdf(programme, "--layout", "host-sheet", "--host", "small-lab")
        self.assertIn("Shoe covers in the cleanroom.", collapse("\n".join(pages)))

    def test_contacts(self):
        programme = self.import_demo()
        document = self.exported(programme)
        pages, raw, _ = self.pdf(programme, "--layout", "contacts")
        self.assert_page_numbers(pages)
        text = collapse("\n".join(pages)) + " " + collapse(raw)
        for page in pages:
            self.assertIn("Confidential — for the coordinator only", page)
        for person in document["participants"]:
            self.assertIn(person["name"], text)
            if person.get("phone"):
                # A number is never broken over two lines.
                self.assertIn(person["phone"], text)
            if person.get("emergency_contact"):
                self.assertIn(squash(person["emergency_contact"]), squash(text))
        for host in document["hosts"]:
            if host.get("phone"):
                self.assertIn(host["phone"], text)


class TestGrantSheet(PdfTestCase):
    """--layout budget: the ClusterXChange grant sheet of "budget"'s figures."""

    def budget(self, programme):
        """"budget --json", each organisation with the rule that decided its
        amount as the readable table words it (indented under its line)."""
        budget = json.loads(self.run_ok("budget", programme, "--json").stdout)
        table = self.run_ok("budget", programme).stdout.decode("utf-8").splitlines()
        rules = [line.strip() for line in table if line.startswith("    ")]
        self.assertEqual(len(rules), len(budget["organisations"]))
        for item, rule in zip(budget["organisations"], rules):
            item["rule"] = rule
        return budget

    def assert_grant_sheet(self, pages, raw, budget):
        """Each organisation on a line with its amount, the total, what is
        unknown; the header on every page, the table's column titles on
        every page the table reaches."""
        self.assert_page_numbers(pages)
        text = "\n".join(pages)
        flat = collapse(text) + " " + collapse(raw)
        for page in pages:
            self.assertIn("ClusterXChange grant sheet", page)
        table_pages = 0
        for item in budget["organisations"]:
            head = " ".join(item["name"].split()[:2])
            amount = money(item["amount_eur"]) if item["amount_eur"] is not None else "unknown"
            self.assertTrue(any(head in line and line.rstrip().endswith(amount)
                                for line in text.splitlines()),
                            f"{item['name']!r} and {amount} not on one line")
            self.assertIn(collapse(item["name"]), flat)
            self.assertTrue(squash(item["rule"]) in squash(flat), item["rule"])
        total = (money(budget["total_eur"]) if budget["total_eur"] is not None else "unknown")
        count = len(budget["organisations"])
        self.assertRegex(text, rf"Total: {count} visiting organisations? +"
                               rf"{sum(o['people'] for o in budget['organisations'])} +{total}")
        for message in budget["unknown"]:
            self.assertTrue(squash(message) in squash(flat), message)
        for page in pages:
            rows = [line for line in page.splitlines() if re.search(r"\d\.\d\d EUR$", line)]
            if not rows:
                continue
            table_pages += 1
            header = [line for line in page.splitlines()
                      if re.match(r"ORGANISATION +COUNTRY +PEOPLE +WORKING +DISTANCE +LUMP( SUM)? +"
                                  r"AMOUNT$", line.strip())]
            self.assertEqual(len(header), 1, page)
            self.assertLess(page.find(header[0]), page.find(rows[0]))
        self.assertGreaterEqual(table_pages, 1)
        # The coordinator signs; the rules' sources and their dates close it.
        self.assertIn("Signature of the coordinator", text)
        self.assertIn("https://www.clustercollaboration.eu/clusterxchange/how-can-i-participate",
                      flat)
        self.assertIn("(2026-12-07)", flat)
        return table_pages

    def test_demo(self):
        programme = self.import_demo()
        budget = self.budget(programme)
        self.assertGreater(len(budget["organisations"]), 5)
        pages, raw, _ = self.pdf(programme, "--layout", "budget")
        self.assert_grant_sheet(pages, raw, budget)
        document = self.exported(programme)
        for member in ("visiting_cluster", "host_cluster", "host_country"):
            self.assertIn(document["programme"][member], pages[0])
        self.assertIn("13–16 April 2027", pages[0])
        self.assertIn("Aino Mäkelä", pages[0])
        self.assertIn("Halved", pages[0])
        # an organisation the scheme pays nothing says so
        if any(item["amount_eur"] == 0 for item in budget["organisations"]):
            self.assertIn("None", "\n".join(pages))
        self.assertIn("Still unknown", "\n".join(pages))

    def test_other_programmes(self):
        """The same organisation visiting an earlier programme of the
        database: the later one's sheet gives it nothing, as "budget" does."""
        self.import_document(grant_programme(3, uid="earlier"))
        later = grant_programme(3, uid="later")
        for day, session in zip(["2027-06-07", "2027-06-08", "2027-06-09", "2027-06-10",
                                 "2027-06-11"], later["sessions"]):
            session["start"] = day + "T10:00"
            session["end"] = day + "T12:00"
        later["programme"].update({"start_date": "2027-06-07", "end_date": "2027-06-11"})
        for person in later["participants"]:
            person["travel"][0].update({"depart": "2027-06-06T18:00",
                                        "arrive": "2027-06-06T21:00"})
            person["travel"][1].update({"depart": "2027-06-12T09:00",
                                        "arrive": "2027-06-12T23:30"})
        programme = self.import_document(later, name="later.visit.json")
        budget = self.budget(programme)
        self.assertTrue(all("repeat" in item["reasons"] for item in budget["organisations"]))
        pages, raw, _ = self.pdf(programme, "--layout", "budget")
        self.assert_grant_sheet(pages, raw, budget)
        self.assertIn("already a visiting organisation", collapse(raw))

    def test_many_organisations(self):
        """200 organisations with names of 80 characters: more pages, the
        column titles on each, nothing lost or cut."""
        programme = self.import_document(grant_programme(10, uid="ten"), name="ten.visit.json")
        _, _, few_pages = self.pdf(programme, "--layout", "budget", name="ten.pdf")
        programme = self.import_document(grant_programme(200, uid="many"))
        budget = self.budget(programme)
        self.assertEqual(len(budget["organisations"]), 200)
        self.assertIsNone(budget["total_eur"])
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, n_pages = self.pdf(programme, "--layout", "budget", "--paper", paper)
                self.assertGreater(n_pages, few_pages + 5)
                table_pages = self.assert_grant_sheet(pages, raw, budget)
                self.assertGreater(table_pages, 5)
                # Each organisation once, in order.
                table = "\n".join(pages).split("Still unknown")[0]
                found = re.findall(r"^Organisation (\d{3}) Pohjois", table, re.M)
                self.assertEqual(found, [f"{i:03d}" for i in range(200)])


# The marks poppler puts around right-to-left text, and the isolates the
# catering sheet puts around each name.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
COUNTRIES = {"FI": "Finland", "SE": "Sweden", "LT": "Lithuania", "GR": "Greece"}


def plain(text):
    """pdftotext's text without bidi marks or no-break spaces."""
    return BIDI_MARKS.sub("", text).replace("\u00a0", " ")


def need_key(text):
    """The key under which two spellings of a need meet (trimmed, spaces
    as one, case aside), as the catering sheet groups them."""
    return unicodedata.normalize("NFKC", " ".join(text.split())).casefold()


class TestSheets(PdfTestCase):
    """--layout catering, rooming and badges: what each must say, and the
    personal data each must never print."""

    def assert_no_contact_data(self, document, text, needs_too):
        """No participant's phone, email or emergency contact (nor, with
        @needs_too, their dietary or access needs) in @text."""
        flat = squash(plain(text))
        members = ["phone", "email", "emergency_contact"]
        if needs_too:
            members += ["dietary", "accessibility"]
        for person in document["participants"]:
            for member in members:
                if person.get(member):
                    self.assertFalse(squash(person[member]) in flat, (person["id"], member))
        self.assertNotIn("@", text)
        self.assertNotIn(squash(document["programme"]["coordinator"]["email"]), flat)

    def assert_name_printed(self, name, flat):
        """Each word of @name in @flat (squashed): poppler reorders
        right-to-left words, never their letters."""
        for word in re.split(r"[\s\-]+", plain(name)):
            self.assertTrue(squash(word) in flat, f"{word!r} of {name!r} not printed")

    @staticmethod
    def attendees(document, session):
        people = sorted(document["participants"], key=lambda p: p["name"])
        wanted = session.get("attendees", "all")
        return [p for p in people if wanted == "all" or p["id"] in wanted]

    @staticmethod
    def expected_needs(people, member):
        """[(text, [names])] of @people's needs of @member: one per need
        however spelt, printed as most typed it, most shared first."""
        groups = {}
        for person in people:
            value = person.get(member)
            if not value or not value.strip():
                continue
            group = groups.setdefault(need_key(value), {"names": [], "spellings": {},
                                                        "most": 0, "text": None})
            group["names"].append(person["name"])
            typed = value.strip()
            times = group["spellings"].get(typed, 0) + 1
            group["spellings"][typed] = times
            if times > group["most"]:
                group["most"], group["text"] = times, typed
        needs = [(g["text"], g["names"]) for g in groups.values()]
        return sorted(needs, key=lambda need: (-len(need[1]), need[0]))

    def catering_sessions(self, document):
        """(session, kind) of the meals, then the visits, that take place."""
        taking_place = [s for s in document["sessions"] if s.get("status") != "cancelled"]
        return ([(s, "dietary") for s in taking_place if s.get("kind") == "meal"] +
                [(s, "accessibility") for s in taking_place if s.get("kind") == "visit"])

    def test_catering_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, _ = self.pdf(programme, "--layout", "catering", "--paper", paper)
                self.assert_page_numbers(pages)
                text = "\n".join(pages)
                for page in pages:
                    self.assertIn("Catering sheet", page)
                sessions = self.catering_sessions(document)
                self.assertGreaterEqual(len(sessions), 5)
                # Each session in order: its count, then each need on a line
                # with how many have it and who.
                start = 0
                positions = []
                for session, _ in sessions:
                    start = text.find(session["title"], start)
                    self.assertNotEqual(start, -1, session["title"])
                    positions.append(start)
                positions.append(len(text))
                checked = 0
                for (session, member), begin, end in zip(sessions, positions, positions[1:]):
                    part = text[begin:end]
                    people = self.attendees(document, session)
                    needs = self.expected_needs(people, member)
                    self.assertIn(f"{len(people)} people", part, session["title"])
                    if member == "dietary" and needs:
                        without = len(people) - sum(len(names) for _, names in needs)
                        self.assertIn(f"{len(people)} people · {without} without dietary needs",
                                      part)
                    for need, names in needs:
                        # How many, the need's first words and every name on a line.
                        head = " ".join(need.split()[:3])
                        self.assertRegex(part, re.compile(
                            rf"^ *{len(names)} +{re.escape(head)}.* "
                            rf"{re.escape(', '.join(names))}$", re.M))
                        # The need whole, its lines beside the names.
                        self.assertIn(squash(need), squash(part.replace(", ".join(names), "")))
                        checked += 1
                self.assertGreaterEqual(checked, 10)
                # Cancelled and other kinds of session are not there.
                for session in document["sessions"]:
                    if session.get("kind") not in ("meal", "visit"):
                        self.assertNotIn(session["title"], text)
                self.assert_no_contact_data(document, text + raw, needs_too=False)

    def test_catering_stress(self):
        document = sheets_programme()
        programme = self.import_document(document)
        document = self.exported(programme)
        pages, raw, n_pages = self.pdf(programme, "--layout", "catering")
        self.assert_page_numbers(pages)
        self.assertGreater(n_pages, 5)
        text = "\n".join(pages)
        flat_text = collapse(plain(text))
        flat = squash(plain(text + raw))
        with_needs = set()
        rows = []
        for session, member in self.catering_sessions(document):
            people = self.attendees(document, session)
            needs = self.expected_needs(people, member)
            count = sum(len(names) for _, names in needs)
            if member == "dietary":
                summary = f"{len(people)} people · {len(people) - count} without dietary needs"
            else:
                summary = f"{len(people)} people · {count} with access needs"
            self.assertIn(summary, flat_text)
            rows += [len(names) for _, names in needs]
            with_needs |= {name for _, names in needs for name in names}
        # The rows' counts, in order, every one of them: the numbers that
        # start a line furthest left but for the times (names that wrap
        # start further right, in their column).
        numbers = [(len(m.group(1)), int(m.group(2))) for m in
                   re.finditer(r"^( {10,})(\d+) (?!people|person)", plain(text), re.M)]
        left = min(indent for indent, _ in numbers)
        self.assertEqual([number for indent, number in numbers if indent <= left + 3], rows)
        self.assertNotIn("Cancelled breakfast meeting", text)
        self.assertEqual(text.count("Lunch 0 with the hosts") >= 1, True)
        # Who has a need is named; who has none, never.
        for person in document["participants"]:
            if person["name"] in with_needs:
                self.assert_name_printed(person["name"], flat)
            else:
                self.assertFalse(squash(plain(person["name"])) in flat, person["name"])
        self.assert_no_contact_data(document, text + raw, needs_too=False)

    def assert_rooming(self, document, pages, raw):
        """Every stay on a row of its hotel's table: check-in, check-out and
        nights; each hotel's total; names and organisations, no other data."""
        self.assert_page_numbers(pages)
        text = "\n".join(pages)
        flat = squash(plain(text + raw))
        expected = {}
        for person in document["participants"]:
            for stay in person.get("accommodation", []):
                key = " ".join(stay["name"].split()).casefold()
                check_in = datetime.date.fromisoformat(stay["check_in"])
                check_out = datetime.date.fromisoformat(stay["check_out"])
                expected.setdefault(key, []).append(
                    (f"{check_in:%a} {check_in.day} {check_in:%b %Y}",
                     f"{check_out:%a} {check_out.day} {check_out:%b %Y}",
                     (check_out - check_in).days))
            self.assert_name_printed(person["name"], flat)
        date = r"[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}"
        found = {}
        hotel = None
        for page in pages:
            for line in plain(page).splitlines():
                heading = line.strip()
                if heading and " ".join(heading.split()).casefold() in expected:
                    hotel = " ".join(heading.split()).casefold()
                    continue
                row = re.match(rf"^\s*({date}) +({date}) +(\d+) ", line)
                if row:
                    found.setdefault(hotel, []).append((row.group(1), row.group(2),
                                                        int(row.group(3))))
                total = re.match(r"^\s*Total: (\d+) stays? +(\d+) +room-nights?$", line)
                if total:
                    self.assertEqual(int(total.group(1)), len(expected[hotel]), hotel)
                    self.assertEqual(int(total.group(2)),
                                     sum(nights for _, _, nights in expected[hotel]), hotel)
        self.assertEqual(set(found), set(expected))
        for key, stays in expected.items():
            self.assertEqual(sorted(found[key]), sorted(stays), key)
            # In order of check-in.
            days = [datetime.datetime.strptime(check_in, "%a %d %b %Y")
                    for check_in, _, _ in found[key]]
            self.assertEqual(days, sorted(days), key)
        self.assertEqual(text.count("Total: "), len(expected))
        self.assert_no_contact_data(document, text + raw, needs_too=True)
        return text

    def test_rooming_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, _ = self.pdf(programme, "--layout", "rooming", "--paper", paper)
                text = self.assert_rooming(document, pages, raw)
                # Antti stays a night after the programme, everyone one before.
                self.assertRegex(text, r"Mon 12 Apr 2027 +Sat 17 Apr 2027 +5 +Antti Korhonen +"
                                       r"Saimaa Laser Works Oy")
                self.assertIn("Rooms per night: Mon 12 Apr: 12", collapse(text))
                self.assertIn("Room-nights outside the programme: 12 before, 1 after",
                              collapse(text))

    def test_rooming_stress(self):
        programme = self.import_document(sheets_programme())
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, n_pages = self.pdf(programme, "--layout", "rooming", "--paper", paper)
                self.assertGreater(n_pages, 5)
                text = self.assert_rooming(document, pages, raw)
                # Two spellings of a hotel are one; a second stay in another.
                self.assertEqual(text.count("Hotel Neris Riverside"), 1)
                self.assertNotIn("hotel neris", text)
                self.assertIn("Airport Hotel Vilnius", text)
                headings = [line.strip() for line in text.splitlines()
                            if line.strip() in ("Airport Hotel Vilnius", "Hotel Neris Riverside",
                                                "Ąžuolynas Guest House", "Ξενοδοχείο Ακρόπολις")]
                self.assertEqual(headings, sorted(headings))

    def assert_badges(self, document, paper, pages, raw):
        """A badge for everyone: 8 to an A4 page, 6 to a Letter one; each
        with the whole name (80 characters fit on two lines) and the
        country; page N of M on every page."""
        self.assert_page_numbers(pages)
        per_page = 8 if paper == "a4" else 6
        people = document["participants"]
        self.assertEqual(len(pages), (len(people) + per_page - 1) // per_page)
        countries = set(COUNTRIES.values())
        # Each badge's country on a line of its own (pdftotext without -layout).
        raw_pages = [page for page in raw.split("\f") if page.strip()]
        self.assertEqual(len(raw_pages), len(pages))
        on_pages = [sum(line.strip() in countries for line in page.splitlines())
                    for page in raw_pages]
        self.assertEqual(on_pages, [per_page] * (len(pages) - 1) +
                         [len(people) - per_page * (len(pages) - 1)])
        flat = squash(plain("\n".join(pages) + raw))
        for person in people:
            self.assert_name_printed(person["name"], flat)
        self.assert_no_contact_data(document, "\n".join(pages) + raw, needs_too=True)

    def test_badges_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, _ = self.pdf(programme, "--layout", "badges", "--paper", paper)
                self.assert_badges(document, paper, pages, raw)
                # Each name on one page only, in order of name.
                names = sorted(p["name"] for p in document["participants"])
                where = [next(i for i, page in enumerate(pages) if name in page)
                         for name in names]
                self.assertEqual(where, sorted(where))
                per_page = 8 if paper == "a4" else 6
                self.assertEqual(where, [i // per_page for i in range(len(names))])
                self.assertIn("Optronic Nordic AB", pages[0])
                self.assertIn(document["programme"]["title"][:30], raw)

    def test_badges_stress(self):
        programme = self.import_document(sheets_programme())
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, n_pages = self.pdf(programme, "--layout", "badges", "--paper", paper)
                self.assertEqual(n_pages, 25 if paper == "a4" else 34)
                self.assert_badges(document, paper, pages, raw)


class PaperworkTestCase(PdfTestCase):
    """Attendance sheets and certificates: what they must hold, and the
    personal data they must never."""

    def assert_no_personal_data(self, raw, people):
        """No phone, email address, emergency contact, dietary or access need
        of anyone."""
        text = flat(raw).lower()
        for person in people:
            for member in ("phone", "email", "emergency_contact", "dietary", "accessibility"):
                if person.get(member):
                    self.assertNotIn(flat(person[member]).lower(), text,
                                     f"{person['id']}'s {member}")

    @staticmethod
    def attendees(document, session):
        people = document["participants"]
        listed = session.get("attendees", "all")
        return [p for p in people if listed == "all" or p["id"] in listed]

    @staticmethod
    def sheet_sessions(document, day=None):
        zone = zoneinfo.ZoneInfo(document["programme"]["timezone"])
        sessions = []
        for session in document["sessions"]:
            start = datetime.datetime.fromisoformat(session["start"]).replace(
                tzinfo=zoneinfo.ZoneInfo(session.get("timezone") or
                                         document["programme"]["timezone"])).astimezone(zone)
            if (session.get("kind") in SHEET_KINDS and session.get("status") != "cancelled"
                    and (day is None or start.date().isoformat() == day)):
                sessions.append((session, start))
        return sessions


class TestAttendance(PaperworkTestCase):
    """--layout attendance: a sheet per visit, meeting, B2B meeting and workshop."""

    def check_sheets(self, programme, document, *args, day=None, strict=True):
        """The sheets of @document's sessions (of @day), in order: each
        with its title, time and every expected attendee; with @strict, no
        one else of the programme."""
        pages, raw, _ = self.pdf(programme, "--layout", "attendance", *args, content_order=True)
        self.assert_page_numbers(pages)
        self.assert_no_personal_data(raw, document["participants"])
        sheets = split_documents(raw.replace("\u00a0", " "), "Sign beside your name")
        expected = self.sheet_sessions(document, day)
        self.assertEqual(len(sheets), len(expected))
        for sheet, (session, start) in zip(sheets, expected):
            text = flat(sheet)
            self.assertIn(flat(session["title"]), text)
            self.assertIn(flat(f"{start:%A} {start.day} {start:%B %Y}, {clock(start)}"), text)
            people = self.attendees(document, session)
            for person in people:
                self.assertIn(flat(person["name"]), text, (session["id"], person["id"]))
            if strict:
                for person in document["participants"]:
                    if person not in people:
                        self.assertNotIn(flat(person["name"]), text,
                                         (session["id"], person["id"]))
            self.assertIn(f"attended by ______ of the {len(people)} "
                          f"{'person' if len(people) == 1 else 'people'} expected",
                          collapse(sheet))
            self.assertIn("Signature and stamp", sheet)
        return pages, sheets

    def test_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, sheets = self.check_sheets(programme, document, "--paper", paper)
                # a page each
                self.assertEqual(len(pages), len(sheets))
                self.assertEqual(len(sheets), 12)
        text = "\n".join(pages)
        self.assertIn("Attendance sheets", pages[0])
        # the host and its address
        self.assertIn("Femtolux Lasers", text)
        self.assertIn("Saulėtekio al. 15, Vilnius", text)
        # no sheet for meals, transfers, dinners
        for title in ("Farewell lunch", "Coach to Saulėtekis", "Group dinner with the hosts"):
            self.assertNotIn(title, text)

    def test_cancelled_and_other_kinds(self):
        document = load_demo()
        for session in document["sessions"]:
            if session["id"] == "wed-femtolux":
                session["status"] = "cancelled"
        programme = self.import_document(document)
        pages, sheets = self.check_sheets(programme, self.exported(programme))
        self.assertEqual(len(sheets), 11)
        self.assertNotIn("Femtolux Lasers: production", "\n".join(pages))

    def test_day(self):
        programme = self.import_demo()
        document = self.exported(programme)
        pages, sheets = self.check_sheets(programme, document, "--day", "2027-04-13",
                                          day="2027-04-13")
        self.assertEqual(len(sheets), 5)
        for page in pages:
            self.assertIn("Attendance sheets: Tuesday 13 April 2027", page)
        pages, sheets = self.check_sheets(programme, document, "--day", "2027-04-16",
                                          day="2027-04-16")
        self.assertEqual(len(sheets), 2)

    def test_stress(self):
        document = load_stress_generator().stress_programme()
        programme = self.import_document(document)
        exported = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                # long names hold shorter ones: no check for who is absent
                pages, sheets = self.check_sheets(programme, exported, "--paper", paper,
                                                  strict=False)
                self.assertGreater(len(pages), len(sheets))
                # where a sheet goes on, its title and the column titles again
                continued = [page for page in pages if "(continued)" in page]
                self.assertTrue(continued)
                for page in continued:
                    self.assertRegex(page, r"NAME +ORGANISATION, COUNTRY +SIGNATURE")


class TestCertificates(PaperworkTestCase):
    """--layout certificate: a certificate of attendance per participant."""

    def check_certificates(self, programme, document, people, *args, budget=None):
        """@people's certificates, in order: each names the person, their
        organisation, the programme, the clusters and host country, lists
        the sessions they attended (and, with @budget, their working days
        as "budget" counts a one-person organisation's)."""
        pages, raw, _ = self.pdf(programme, "--layout", "certificate", *args,
                                 content_order=True)
        self.assert_page_numbers(pages)
        self.assert_no_personal_data(raw, document["participants"])
        certificates = split_documents(raw.replace("\u00a0", " "), "CERTIFICATE OF ATTENDANCE")
        self.assertEqual(len(certificates), len(people))
        organisations = {o["id"]: o for o in document.get("organisations", [])}
        programme_part = document["programme"]
        for certificate, person in zip(certificates, people):
            text = flat(certificate)
            self.assertIn(flat(person["name"]), text)
            organisation = organisations.get(person.get("organisation_id"))
            if organisation:
                self.assertIn(flat(organisation["name"]), text)
            for member in ("title", "host_cluster", "visiting_cluster"):
                self.assertIn(flat(programme_part[member]), text)
            self.assertIn(f"({programme_part['host_country']})", certificate)
            for session in document["sessions"]:
                if session.get("kind") == "transfer" or session.get("status") == "cancelled":
                    continue
                if person in self.attendees(document, session):
                    self.assertIn(flat(session["title"]), text, (person["id"], session["id"]))
            if budget is not None and organisation is not None:
                line = next(o for o in budget["organisations"] if o["name"] == organisation["name"])
                if line["people"] == 1:
                    self.assertRegex(collapse(certificate),
                                     rf"\b{line['working_days']} \((a weekday|weekdays) with a "
                                     "session")
            self.assertIn("For the host cluster", certificate)
            self.assertIn("For the visiting cluster", certificate)
        return pages, certificates

    @staticmethod
    def by_name(people):
        import locale
        return sorted(people, key=lambda p: locale.strxfrm(p["name"]))

    def test_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        budget = json.loads(self.run_ok("budget", programme, "--json").stdout)
        people = sorted(document["participants"], key=lambda p: p["name"])
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, certificates = self.check_certificates(programme, document, people,
                                                              "--paper", paper, budget=budget)
                # a page each
                self.assertEqual(len(pages), len(people))
        antti = certificates[[p["id"] for p in people].index("antti-korhonen")]
        self.assertIn("12–17 April 2027 (arrival to departure)", collapse(antti))
        sanna = certificates[[p["id"] for p in people].index("sanna-hoglund")]
        self.assertIn("12–16 April 2027 (arrival to departure)", collapse(sanna))
        self.assertIn("Lithuania (LT)", sanna)
        # the sessions she did not attend are not hers
        for title in ("Start-ups of the science park", "Follow-up meeting on a joint test"):
            self.assertNotIn(flat(title), flat(sanna))
        self.assertNotIn("Coach to", sanna)

    def test_one_participant(self):
        programme = self.import_demo()
        document = self.exported(programme)
        budget = json.loads(self.run_ok("budget", programme, "--json").stdout)
        for key in ("sanna.hoglund@tampere-photonics.example", "SANNA.HOGLUND@tampere-photonics.example",
                    "antti-korhonen"):
            with self.subTest(participant=key):
                person = next(p for p in document["participants"]
                              if key.lower() in (p["id"], p["email"]))
                pages, _ = self.check_certificates(programme, document, [person],
                                                   "--participant", key, budget=budget)
                self.assertEqual(len(pages), 1)
                for other in document["participants"]:
                    if other is not person:
                        self.assertNotIn(other["name"], "\n".join(pages))

    def test_without_sessions(self):
        document = load_demo()
        document["participants"].append({"id": "guest", "name": "Guest Without Sessions",
                                         "organisation_id": "lumiray"})
        for session in document["sessions"]:
            if session.get("attendees", "all") == "all":
                session["attendees"] = [p["id"] for p in document["participants"]
                                        if p["id"] != "guest"]
        programme = self.import_document(document)
        pages, _, n_pages = self.pdf(programme, "--layout", "certificate", "--participant",
                                     "guest")
        self.assertEqual(n_pages, 1)
        text = collapse(pages[0])
        self.assertIn("Guest Without Sessions", text)
        self.assertIn("No session of the programme lists Guest Without Sessions as an attendee.",
                      text)
        self.assertIn("0 (weekdays with a session", text)

    def test_stress(self):
        document = load_stress_generator().stress_programme()
        programme = self.import_document(document)
        exported = self.exported(programme)
        people = self.by_name(exported["participants"])
        pages, certificates = self.check_certificates(programme, exported, people)
        self.assertGreater(len(pages), len(people))
        for page in pages:
            if "(continued)" in page:
                self.assertIn("Certificate of attendance:", page)
        names = [p["name"] for p in exported["participants"]]
        self.assertEqual(sum(len(name) == 80 for name in names), 52)


class TestStress(PdfTestCase):
    def test_long_title_and_description(self):
        document = load_demo()
        words = []
        length = 0
        while length < 5000:
            words.append(f"w{len(words):04d}")
            length += 6
        description = " ".join(words)[:5000].rsplit(" ", 1)[0]
        words = description.split()
        title = ("Pasaulinio lygio lazerių gamyba, yhteistyö ja tutkimus – la précision "
                 "française, die Größe der Straße ") * 4
        title = title[:300]
        session = document["sessions"][1]
        session["title"] = title
        session["description"] = description
        programme = self.import_document(document)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, n_pages = self.pdf(programme, "--paper", paper)
                self.assert_page_numbers(pages)
                self.assertGreaterEqual(n_pages, 4)
                # Every word of the description once, in order: nothing lost or
                # doubled where it breaks between pages.
                found = re.findall(r"\bw\d{4}\b", "\n".join(pages))
                self.assertEqual(found, words)
                self.assertIn(collapse(title), collapse(raw))

    def test_session_in_another_zone(self):
        document = load_demo()
        session = document["sessions"][0]
        session.update({"title": "Video call with the Paris office", "timezone": "Europe/Paris",
                        "start": "2027-04-13T08:00", "end": "2027-04-13T08:30"})
        session = document["sessions"][1]
        session["status"] = "cancelled"
        programme = self.import_document(document)
        exported = self.exported(programme)
        pages, raw, _ = self.pdf(programme)
        text = "\n".join(pages)
        for session, start, end in self.expected_sessions(exported):
            self.assert_session_printed(pages, raw, session, start, end)
        # Printed in the programme's time, with the session's own beside it.
        self.assertRegex(text, r"09:00–09:30 +Video call with the Paris office")
        self.assertIn("Local time 08:00–08:30 (Europe/Paris)", collapse(text))
        self.assertIn("CANCELLED", text)

    def test_languages_and_emoji(self):
        document = load_demo()
        document["sessions"][0]["title"] = MULTILINGUAL_TITLE
        document["sessions"][0]["description"] = ("Žiūrėkite: šviesolaidžių gamykla. "
                                                  "Hyvää päivää! Voilà l’équipe. Grüße 👋")
        programme = self.import_document(document)
        output = self.path("languages.pdf")
        pages, raw, _ = self.pdf(programme, name="languages.pdf")
        text = collapse(raw)
        for word in ("Žalgirio", "Ąžuolų", "Järvenpää", "ça déjà", "Größe Straße",
                     "šviesolaidžių", "Hyvää päivää", "Voilà l’équipe", "Grüße"):
            self.assertIn(word, text)
        fonts = subprocess.run(["pdffonts", output], capture_output=True, text=True).stdout
        self.assertRegex(fonts, r"Cantarell|DejaVu")
        if os.path.exists("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"):
            # The emoji are drawn from the colour emoji font: cairo puts colour
            # glyphs in the PDF as images (the demo's agenda has none).
            images = subprocess.run(["pdfimages", "-list", output], capture_output=True,
                                    text=True).stdout.splitlines()[2:]
            self.assertGreaterEqual(len(images), 2)


class TestQualityCommitment(PdfTestCase):
    """--layout quality-commitment: the draft Commitment to Quality of each
    visiting organisation."""

    LABEL = "CLUSTERXCHANGE · COMMITMENT TO QUALITY · DRAFT"

    def sections(self, raw):
        """The text of each organisation's draft, in order (pdftotext without
        -layout: a table's cells whole, one after the other)."""
        parts = self.body(raw).split(self.LABEL)
        self.assertEqual(parts[0].strip(), "")
        return parts[1:]

    @staticmethod
    def body(raw):
        """The text without the pages' headers and footers, which a
        paragraph that goes on to the next page has in its middle."""
        kept = []
        for page in raw.split("\f"):
            lines = [line for line in page.splitlines() if line.strip()]
            # the header: the programme's title and the layout; the footer
            while lines and (lines[0].startswith("Photonics Finland in Vilnius") or
                             lines[0].startswith("Commitment to Quality")):
                lines.pop(0)
            while lines and (lines[-1].startswith("Printed ") or
                             re.match(r"Page \d+ of \d+$", lines[-1])):
                lines.pop()
            kept.append("\n".join(lines))
        return "\n".join(kept)

    @staticmethod
    def visiting(document):
        """Each organisation with people: (organisation, its people), in order."""
        result = []
        for organisation in document["organisations"]:
            people = [p for p in document["participants"]
                      if p.get("organisation_id") == organisation["id"]]
            if people:
                result.append((organisation, people))
        return result

    def assert_no_personal_data(self, document, text):
        for person in document["participants"]:
            for member in ("phone", "emergency_contact", "dietary", "accessibility", "notes"):
                if person.get(member):
                    self.assertNotIn(squash(person[member]), squash(text), member)

    def test_demo(self):
        programme = self.import_demo()
        document = self.exported(programme)
        pages, raw, n_pages = self.pdf(programme, "--layout", "quality-commitment")
        self.assert_page_numbers(pages)
        self.assert_no_personal_data(document, "\n".join(pages) + raw)
        visiting = self.visiting(document)
        sections = self.sections(raw)
        self.assertEqual(len(sections), len(visiting))
        for (organisation, people), section in zip(visiting, sections):
            with self.subTest(organisation=organisation["name"]):
                text = collapse(section)
                self.assertTrue(text.startswith(organisation["name"]), text[:80])
                for person in people:
                    self.assertIn(person["name"], text)
                refs = {person["id"] for person in people}
                rows = squash(section)
                attended = 0
                # each session as a row: its time, then its title (the first
                # words: a long one wraps in its cell)
                for session, start, end in self.expected_sessions(document):
                    head = " ".join(session["title"].split()[:4])
                    row = squash(f"{clock(start)}–{clock(end)} {head}")
                    if (session.get("status") != "cancelled" and
                            any(self.attends(session, ref) for ref in refs)):
                        self.assertIn(row, rows, session["title"])
                        attended += 1
                    else:
                        self.assertNotIn(row, rows, session["title"])
                self.assertGreater(attended, 0)
                goals = organisation.get("goals") or document["programme"]["goals"]
                self.assertIn(collapse(goals), text)
                for role in ("HOST ORGANISATION", "HOST PARTNERSHIP", "VISITING ORGANISATION",
                             "VISITOR PARTNERSHIP"):
                    self.assertIn(role, section)
                # a line to sign on for each of the four
                self.assertEqual(len(re.findall(r"^Signature$", section, re.M)), 4)
        # Lumiray Oy has goals of its own; Photonics Finland the programme's
        lumiray = next(s for (o, _), s in zip(visiting, sections) if o["id"] == "lumiray")
        self.assertIn(collapse(organisation_of(document, "lumiray")["goals"]), collapse(lumiray))
        self.assertNotIn(collapse(document["programme"]["goals"]), collapse(lumiray))

    def test_one_organisation_letter(self):
        programme = self.import_demo()
        document = self.exported(programme)
        _, _, all_pages = self.pdf(programme, "--layout", "quality-commitment", name="all.pdf")
        pages, raw, n_pages = self.pdf(programme, "--layout", "quality-commitment",
                                       "--organisation", "  LUMIRAY oy", "--paper", "letter")
        self.assertRegex(self.last_info, r"Page size:\s+612 x 792 pts \(letter\)")
        self.assert_page_numbers(pages)
        self.assertLess(n_pages, all_pages)
        sections = self.sections(raw)
        self.assertEqual(len(sections), 1)
        self.assertTrue(collapse(sections[0]).startswith("Lumiray Oy"))
        for page in pages:
            self.assertIn("Commitment to Quality: Lumiray Oy", page)
        # by uid, the same pages
        uid = organisation_of(document, "lumiray")["uid"]
        _, _, by_uid = self.pdf(programme, "--layout", "quality-commitment", "--organisation",
                                uid, "--paper", "letter", name="uid.pdf")
        self.assertEqual(by_uid, n_pages)

    def test_many_people_and_scripts(self):
        names = ["Žygimantas Ąžuolaitis-Čiurlionis", "Päivikki Äijälä-Öhman",
                 "Αικατερίνη Παπαδοπούλου", "Ιωάννης Κωνσταντινίδης", "عبد الرحمن الهاشمي"]
        document = load_demo()
        organisation = document["organisations"][1]["id"]
        people = []
        for i in range(200):
            name = f"{names[i % len(names)]} {i:03d} "
            while len(name) < 80:
                name += names[(i + len(name)) % len(names)] + " "
            people.append({"id": f"stress-{i}", "name": name[:80].strip(),
                           "phone": f"+370 600 9{i:04d}", "dietary": f"no shellfish {i}",
                           "emergency_contact": f"Kin {i} +358 40 1{i:05d}",
                           "consent": CONSENT_TO_ALL, "organisation_id": organisation})
        document["participants"].extend(people)
        document["programme"]["objectives"] = ("Objectives of the programme. " * 180)[:5000]
        programme = self.import_document(document)
        exported = self.exported(programme)
        for paper in ("a4", "letter"):
            with self.subTest(paper=paper):
                pages, raw, _ = self.pdf(programme, "--layout", "quality-commitment",
                                         "--paper", paper, name=paper + ".pdf")
                self.assert_page_numbers(pages)
                # poppler gives a right-to-left run in its own order, between
                # direction marks: a name with Arabic is found word by word
                plain = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "",
                               self.body(raw))
                text = squash(plain)
                for person in people:
                    if re.search("[\u0600-\u06ff]", person["name"]):
                        for word in person["name"].split():
                            self.assertIn(word, plain)
                    else:
                        self.assertIn(squash(person["name"]), text)
                self.assert_no_personal_data(exported, "\n".join(pages) + raw)
                self.assertEqual(len(self.sections(raw)), len(self.visiting(exported)))

    def test_bad_usage(self):
        programme = self.import_demo()
        out = self.path("bad.pdf")
        cases = [
            (("--layout", "quality-commitment", "--organisation", "Nobody Oy"), ("Nobody Oy",)),
            (("--layout", "quality-commitment", "--host", "femtolux"),
             ("quality-commitment", "--host")),
            (("--layout", "quality-commitment", "--participant", "antti-korhonen"),
             ("quality-commitment", "--participant")),
            (("--organisation", "Lumiray Oy"), ("--organisation", "quality-commitment")),
            (("--layout", "budget", "--organisation", "Lumiray Oy"), ("--organisation",)),
        ]
        for args, names in cases:
            with self.subTest(args=args):
                self.assert_one_line_error(self.run_cli("pdf", programme, *args, "-o", out),
                                           *names)
                self.assertFalse(os.path.exists(out))


def organisation_of(document, ref):
    return next(item for item in document["organisations"] if item["id"] == ref)


class TestUsage(PdfTestCase):
    def test_bad_usage(self):
        programme = self.import_demo()
        out = self.path("bad.pdf")
        cases = [
            (("pdf", programme), ("-o",)),
            (("pdf", programme, "--participant", "nobody@nowhere.example", "-o", out),
             ("nobody@nowhere.example",)),
            (("pdf", programme, "--host", "no-such-host", "-o", out), ("no-such-host",)),
            (("pdf", programme, "--layout", "poster", "-o", out),
             ("poster", "agenda", "host-sheet", "contacts", "budget", "attendance",
              "certificate", "catering", "rooming", "badges")),
            (("pdf", programme, "--layout", "attendance", "--day", "2027-02-30", "-o", out),
             ("2027-02-30", "YYYY-MM-DD")),
            (("pdf", programme, "--layout", "attendance", "--day", "13.4.2027", "-o", out),
             ("13.4.2027",)),
            (("pdf", programme, "--layout", "attendance", "--day", "2027-05-20", "-o", out),
             ("2027-05-20",)),
            (("pdf", programme, "--layout", "attendance", "--day", "2027-04-12", "-o", out),
             ("2027-04-12", "no visit, meeting, B2B meeting or workshop")),
            (("pdf", programme, "--day", "2027-04-13", "-o", out), ("--day", "attendance")),
            (("pdf", programme, "--layout", "certificate", "--day", "2027-04-13", "-o", out),
             ("--day",)),
            (("pdf", programme, "--layout", "attendance", "--host", "femtolux", "-o", out),
             ("attendance", "--host")),
            (("pdf", programme, "--layout", "attendance", "--participant", "antti-korhonen",
              "-o", out), ("attendance", "--participant")),
            (("pdf", programme, "--layout", "certificate", "--host", "femtolux", "-o", out),
             ("certificate", "--host")),
            (("pdf", programme, "--layout", "certificate", "--participant",
              "nobody@nowhere.example", "-o", out), ("nobody@nowhere.example",)),
            (("pdf", programme, "--layout", "budget", "--host", "femtolux", "-o", out),
             ("budget", "--host")),
            (("pdf", programme, "--layout", "budget", "--participant", "antti-korhonen",
              "-o", out), ("budget", "--participant")),
            (("pdf", programme, "--layout", "catering", "--host", "femtolux", "-o", out),
             ("catering", "--host")),
            (("pdf", programme, "--layout", "rooming", "--participant", "antti-korhonen",
              "-o", out), ("rooming", "--participant")),
            (("pdf", programme, "--layout", "badges", "--participant", "antti-korhonen",
              "-o", out), ("badges", "--participant")),
            (("pdf", programme, "--paper", "a3", "-o", out), ("a3",)),
            (("pdf", programme, "--layout", "host-sheet", "-o", out), ("--host",)),
            (("pdf", programme, "--layout", "contacts", "--participant", "antti-korhonen",
              "-o", out), ("contacts",)),
            (("pdf", programme, "--layout", "agenda", "--host", "femtolux", "-o", out),
             ("host-sheet",)),
            (("pdf", programme, "--participant", "antti-korhonen", "--host", "femtolux",
              "-o", out), ("--participant", "--host")),
            (("pdf", "999", "-o", out), ("999",)),
        ]
        for args, names in cases:
            with self.subTest(args=args):
                self.assert_one_line_error(self.run_cli(*args), *names)
                self.assertFalse(os.path.exists(out))

    def test_usage_errors(self):
        result = self.run_cli("pdf")
        self.assertEqual(result.returncode, 2)
        self.assertIn("Usage:", result.stderr.decode("utf-8"))
        result = self.run_cli("pdf", "1", "--frobnicate")
        self.assertEqual(result.returncode, 2)

    def test_help_names_pdf(self):
        result = self.run_cli("--help", database=False)
        self.assertEqual(result.returncode, 0)
        self.assertIn("pdf PROGRAMME", result.stdout.decode("utf-8"))
        self.assertIn("agenda|host-sheet|contacts|budget|attendance|certificate",
                      result.stdout.decode("utf-8"))
        self.assertIn("--day YYYY-MM-DD", result.stdout.decode("utf-8"))
        self.assertIn("catering|rooming|badges", result.stdout.decode("utf-8"))

    def test_written_atomically(self):
        programme = self.import_demo()
        # Into a folder that does not exist: a clean failure, nothing left.
        missing = self.path("no-such-folder")
        self.assert_one_line_error(
            self.run_cli("pdf", programme, "-o", os.path.join(missing, "agenda.pdf")))
        self.assertFalse(os.path.exists(missing))
        # A failure leaves the file that was there as it was, and no temporary file.
        out = self.path("agenda.pdf")
        with open(out, "wb") as f:
            f.write(b"old")
        self.assert_one_line_error(self.run_cli("pdf", programme, "--host", "nowhere",
                                                "-o", out))
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"old")
        # Success replaces it whole, readable by its owner only (personal data).
        self.run_ok("pdf", programme, "-o", out)
        with open(out, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        self.assertEqual(os.stat(out).st_mode & 0o777, 0o600)
        left = [name for name in os.listdir(self.folder) if not name.startswith("visits.db")]
        self.assertEqual(left, ["agenda.pdf"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
