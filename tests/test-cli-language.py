#!/usr/bin/env python3
# test-cli-language.py: a document's language (docs/cli.md, "Languages"): pdf and ics with
# --language, the host's and participant's own language by default, else the user's.
#
# The catalogs are pseudo-translations of a fresh template (vptranslations.py):
# French with grave accents on its vowels, Finnish with circumflexes, German
# with tildes, compiled into a folder of the test's that
# VISIT_PLANNER_LOCALEDIR names; there is no Swedish one.  A word of the
# layout's own text left in English, or one in the window's language
# (LANGUAGE=fi), shows in the text pdftotext reads back.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from vpcli import CliTestCase, load_demo
import vptranslations

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK_OF = {"fr": "grave", "fi": "circumflex", "de": "tilde"}
MARKED = {language: set("aeiouyAEIOUY".translate(vptranslations.MARKS[mark]))
          for language, mark in MARK_OF.items()}

catalogs = None   # the folder of the pseudo-catalogs
english = None    # the words of the template's messages that a pseudo-translation changes


def setUpModule():
    global catalogs, english
    for tool in ("xgettext", "msgfmt", "pdftotext"):
        if shutil.which(tool) is None:
            raise unittest.SkipTest(f"{tool} is not installed")
    catalogs = tempfile.mkdtemp(prefix="test-cli-language-catalogs-")
    pot = os.path.join(catalogs, "visit-planner.pot")
    vptranslations.make_pot(SOURCE_ROOT, pot)
    for language, mark in MARK_OF.items():
        vptranslations.pseudo_catalog(pot, language, mark, catalogs)
    english = {word for word in vptranslations.words_of(vptranslations.read_po(pot))
               if re.search("[aeiouy]", word)}


def tearDownModule():
    if catalogs is not None:
        shutil.rmtree(catalogs, ignore_errors=True)


def data_words(value):
    """The words of every text in a programme document (the data: titles,
    names, places), which a document prints as they are."""
    words = set()
    if isinstance(value, str):
        words.update(word.lower() for word in re.findall(r"\w+", value))
    elif isinstance(value, dict):
        for key, item in value.items():
            words.update(data_words(item))
    elif isinstance(value, list):
        for item in value:
            words.update(data_words(item))
    return words


def unfold(calendar):
    """An iCalendar text's content lines, unfolded, escapes undone."""
    text = calendar.replace("\r\n ", "").replace("\r\n\t", "")
    return [line.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            for line in text.split("\r\n")]


class LanguageTestCase(CliTestCase):
    folder_prefix = "test-cli-language-"

    def setUp(self):
        super().setUp()
        self.env["TZ"] = "UTC"
        self.env["VISIT_PLANNER_LOCALEDIR"] = catalogs
        # the window's (the user's) language: Finnish
        self.env["LANGUAGE"] = "fi"
        self.document = load_demo()
        self.document["hosts"][2]["language"] = "fr"          # femtolux
        self.document["participants"][0]["language"] = "de"   # aino-makela
        self.uid = self.import_document(self.document)
        # the data: the programme's, and the sources of the ClusterXChange
        # rules and country list, which the grant sheet quotes as they are
        # written (in English)
        self.data = data_words(json.loads(self.export(self.uid)))
        for name in ("cxc-rules.json", "cxc-countries.json"):
            with open(os.path.join(SOURCE_ROOT, "data", name), encoding="utf-8") as f:
                self.data |= data_words(json.load(f))

    def pdf_text(self, *args):
        output = self.path("out.pdf")
        self.run_ok("pdf", self.uid, *args, "-o", output)
        return subprocess.run(["pdftotext", "-raw", output, "-"], capture_output=True,
                              check=True, text=True).stdout

    def assert_language(self, text, language, what):
        """@text (a document's) is in @language's pseudo-translation
        throughout: none of the template's English words (but the data's),
        no letter of another pseudo-language."""
        tokens = [token for token in re.findall(r"\w+", text) if token.lower() not in self.data]
        left = sorted({token for token in tokens
                       if re.fullmatch(r"[A-Za-z]{3,}", token)
                       and token.lower() in english})
        self.assertEqual(left, [], f"{what}: English words of the layout in a {language} "
                                   f"document:\n{text}")
        for other, letters in MARKED.items():
            found = sorted(letters.intersection("".join(tokens)))
            if other == language:
                self.assertTrue(found, f"{what}: no word of {language}:\n{text}")
            else:
                self.assertEqual(found, [], f"{what}: words of {other} in a {language} "
                                            f"document:\n{text}")

    def test_host_sheet_language_option(self):
        # A host sheet in French from a Finnish window: the host's own
        # language (fr) or not, --language says.
        text = self.pdf_text("--layout", "host-sheet", "--host", "femtolux", "--language", "fr")
        self.assert_language(text, "fr", "host sheet --language fr")
        text = self.pdf_text("--layout", "host-sheet", "--host", "femtolux", "--language", "de")
        self.assert_language(text, "de", "host sheet --language de")

    def test_host_sheet_host_language(self):
        # Without --language: the host's language, else the user's (LANGUAGE=fi).
        self.assert_language(self.pdf_text("--host", "femtolux"), "fr", "femtolux's host sheet")
        self.assert_language(self.pdf_text("--host", "santara-park"), "fi",
                             "santara-park's host sheet")
        # English by the option, whatever the host's: no marked letter at all.
        text = self.pdf_text("--host", "femtolux", "--language", "en")
        for letters in MARKED.values():
            self.assertEqual(sorted(letters.intersection(text)), [])

    def test_agenda_dates(self):
        # The participant's agenda in their language (de): the day headings'
        # names from the catalog, whatever the system's locales (only C here).
        text = self.pdf_text("--participant", "aino-makela")
        self.assert_language(text, "de", "aino-makela's agenda")
        heading = "%s 13 %s 2027" % (vptranslations.pseudo("Tuesday", "tilde"),
                                     vptranslations.pseudo("April", "tilde"))
        self.assertIn(heading, text)
        # The group's agenda: the user's language.
        text = self.pdf_text("--layout", "agenda")
        self.assertIn("%s 13 %s 2027" % (vptranslations.pseudo("Tuesday", "circumflex"),
                                         vptranslations.pseudo("April", "circumflex")), text)

    def test_every_layout(self):
        # Every layout pdf --layout reaches, in French throughout.
        for layout in ("agenda", "contacts", "budget", "attendance", "certificate", "catering",
                       "rooming", "badges", "quality-commitment"):
            with self.subTest(layout=layout):
                text = self.pdf_text("--layout", layout, "--language", "fr")
                self.assert_language(text, "fr", layout)

    def test_certificates_each_reader(self):
        # Everyone's certificates in one PDF, without --language: each
        # participant's pages in their language (de, fr), the others' in the
        # user's (fi), also one whose language has no catalog here (sv, said
        # once on standard error); with --language, every page in that one.
        self.document["participants"][1]["language"] = "fr"
        self.document["participants"][2]["language"] = "sv"
        path = self.write("programme.visit.json",
                          json.dumps(self.document, ensure_ascii=False).encode("utf-8"))
        self.run_ok("import", path, "--update")
        languages = {participant["name"]: participant.get("language", "fi").replace("sv", "fi")
                     for participant in self.document["participants"]}
        self.assertEqual(sorted(set(languages.values())), ["de", "fi", "fr"])

        def pages(*args):
            output = self.path("certificates.pdf")
            result = self.run_ok("pdf", self.uid, "--layout", "certificate", *args, "-o", output)
            notes = result.stderr.decode("utf-8").splitlines()
            self.assertEqual(len(notes), 0 if args else 1, notes)
            self.assertTrue(args or "“sv”" in notes[0], notes)
            text = subprocess.run(["pdftotext", "-raw", output, "-"], capture_output=True,
                                  check=True, text=True).stdout
            return [page for page in text.split("\f") if page.strip()]

        seen = set()
        for number, page in enumerate(pages(), 1):
            names = [name for name in languages if name in page]
            self.assertEqual(len(names), 1, f"page {number}:\n{page}")
            seen.add(names[0])
            self.assert_language(page, languages[names[0]], f"{names[0]}'s certificate")
        self.assertEqual(seen, set(languages))
        for number, page in enumerate(pages("--language", "de"), 1):
            self.assert_language(page, "de", f"page {number} with --language de")

    def test_refused(self):
        for command in (["pdf", self.uid, "-o", self.path("x.pdf")], ["ics", self.uid]):
            for code in ("xx", "FR", "sv"):
                with self.subTest(command=command[0], code=code):
                    result = self.run_cli(*command, "--language", code)
                    line = self.assert_one_line_error(result, code, "en, de, fr, fi")
                    self.assertNotIn("sv,", line)
                    self.assertEqual(result.stdout, b"")
        self.assertFalse(os.path.exists(self.path("x.pdf")))

    def test_ics_language(self):
        # A participant's calendar with --language de: travel legs, stays,
        # the words of the descriptions.
        result = self.run_ok("ics", self.uid, "--participant", "jukka-rasanen", "--language", "de")
        lines = unfold(result.stdout.decode("utf-8"))
        texts = "\n".join(line.split(":", 1)[1] for line in lines
                          if re.match(r"(SUMMARY|DESCRIPTION|CATEGORIES|X-WR-CALNAME)[;:]", line))
        self.assert_language(texts, "de", "ics --language de")
        self.assertIn("CATEGORIES:" + vptranslations.pseudo("Travel", "tilde"), lines)
        self.assertIn("CATEGORIES:" + vptranslations.pseudo("Accommodation", "tilde"), lines)
        self.assertTrue(any(line.startswith("SUMMARY:" + vptranslations.pseudo("Hotel", "tilde")
                                            + ": ") for line in lines), texts)

    def test_ics_default_languages(self):
        # Without --language: the participant's, the host's, else the user's.
        def texts(*args):
            result = self.run_ok("ics", self.uid, *args)
            return "\n".join(line.split(":", 1)[1]
                             for line in unfold(result.stdout.decode("utf-8"))
                             if re.match(r"(SUMMARY|DESCRIPTION|CATEGORIES)[;:]", line))

        self.assert_language(texts("--participant", "aino-makela"), "de", "aino-makela's ics")
        self.assert_language(texts("--participant", "jukka-rasanen"), "fi", "jukka-rasanen's ics")
        self.assert_language(texts("--host", "femtolux"), "fr", "femtolux's ics")
        self.assert_language(texts(), "fi", "the programme's ics")

        # One file per participant: each in their own language.
        folder = self.path("calendars")
        listing = self.run_ok("ics", self.uid, "--each-participant", folder).stdout.decode()
        paths = listing.split()
        aino = [path for path in paths if "Aino" in path]
        jukka = [path for path in paths if "Jukka" in path]
        self.assertEqual(len(aino), 1, listing)
        self.assertEqual(len(jukka), 1, listing)
        for path, language in ((aino[0], "de"), (jukka[0], "fi")):
            with open(path, encoding="utf-8", newline="") as f:
                calendar = "\n".join(line.split(":", 1)[1] for line in unfold(f.read())
                                     if re.match(r"(SUMMARY|DESCRIPTION|CATEGORIES)[;:]", line))
            self.assert_language(calendar, language, path)


class InstalledCatalogTestCase(CliTestCase):
    """The project's own French catalog, when it is built: the agenda's
    dates as French writes them."""
    folder_prefix = "test-cli-language-fr-"

    def test_french_agenda(self):
        folder = os.environ.get("VISIT_PLANNER_LOCALEDIR")
        if not folder or not os.path.exists(os.path.join(folder, "fr", "LC_MESSAGES",
                                                         "visit-planner.mo")):
            self.skipTest("no French catalog built (po/fr.po)")
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")
        self.env["LANGUAGE"] = "fi"
        uid = self.import_demo()
        output = self.path("agenda.pdf")
        self.run_ok("pdf", uid, "--language", "fr", "-o", output)
        text = subprocess.run(["pdftotext", "-raw", output, "-"], capture_output=True,
                              check=True, text=True).stdout
        self.assertIn("mardi 13 avril 2027", text.lower())

    def test_lithuanian_day_range(self):
        # Days in one month, in the project's Lithuanian: the year and
        # month first, once ("2027 m. balandžio 12–16 d."), not the day
        # before a whole date ("12–2027 m. balandžio 16 d."); times are
        # ranges of their own ("09:00–10:30").
        folder = os.environ.get("VISIT_PLANNER_LOCALEDIR")
        if not folder or not os.path.exists(os.path.join(folder, "lt", "LC_MESSAGES",
                                                         "visit-planner.mo")):
            self.skipTest("no Lithuanian catalog built (po/lt.po)")
        if shutil.which("pdftotext") is None:
            self.skipTest("pdftotext is not installed")
        uid = self.import_demo()
        output = self.path("certificate.pdf")
        self.run_ok("pdf", uid, "--layout", "certificate", "--participant", "sanna-hoglund",
                    "--language", "lt", "-o", output)
        text = subprocess.run(["pdftotext", "-raw", output, "-"], capture_output=True,
                              check=True, text=True).stdout
        self.assertIn("2027 m. balandžio 12–16 d.", text)
        self.assertNotIn("12–2027", text)
        self.assertRegex(text, r"\b\d\d:\d\d–\d\d:\d\d\b")


if __name__ == "__main__":
    unittest.main(verbosity=2)
