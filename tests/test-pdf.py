#!/usr/bin/env python3
# test-pdf.py: visit-planner-cli pdf (docs/cli.md) read back with poppler (pdftotext, pdfinfo).
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import datetime
import json
import os
import re
import shutil
import subprocess
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

    def pdf(self, programme, *args, name="out.pdf"):
        """Writes the PDF; returns (pages of -layout text, raw text, page count)."""
        output = self.path(name)
        self.run_ok("pdf", programme, *args, "-o", output)
        with open(output, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        info = subprocess.run(["pdfinfo", output], capture_output=True, check=True,
                              text=True).stdout
        n_pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
        layout = subprocess.run(["pdftotext", "-layout", output, "-"], capture_output=True,
                                check=True).stdout.decode("utf-8")
        raw = subprocess.run(["pdftotext", output, "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
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
                           "organisation_id": organisation})
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
             ("poster", "agenda", "host-sheet", "contacts", "budget")),
            (("pdf", programme, "--layout", "budget", "--host", "femtolux", "-o", out),
             ("budget", "--host")),
            (("pdf", programme, "--layout", "budget", "--participant", "antti-korhonen",
              "-o", out), ("budget", "--participant")),
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
        self.assertIn("agenda|host-sheet|contacts|budget", result.stdout.decode("utf-8"))

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
