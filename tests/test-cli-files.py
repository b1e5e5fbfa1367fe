#!/usr/bin/env python3
# test-cli-files.py: the files visit-planner-cli reads and writes (docs/cli.md):
# outputs that are the database, "-o -", what may be read, failed writes,
# one file per participant, per-field CSV encodings, calendar instants.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import copy
import json
import os
import pty
import re
import resource
import shutil
import signal
import subprocess
import unittest

from vpcli import CliTestCase, sha256

# A command that reads a named pipe would wait for ever: it must be refused
# well within this.
QUICK = 20

SMALL_DOCUMENT = {
    "format": "visit-planner-programme",
    "version": 1,
    "programme": {
        "uid": "files-programme",
        "title": "Visit",
        "host_country": "LT",
        "timezone": "Europe/Vilnius",
        "start_date": "2027-04-12",
        "end_date": "2027-04-16",
    },
    "hosts": [{"id": "h1", "name": "Host one"}],
    "participants": [
        {"id": "p1", "name": "Aino Mäkelä", "email": "aino@example.org"},
        {"id": "p2", "name": "Jukka Virtanen"},
    ],
    "sessions": [
        {
            "id": "s1",
            "uid": "uid-1",
            "title": "Visit one",
            "start": "2027-04-13T10:00",
            "end": "2027-04-13T12:00",
            "host": "h1",
        },
    ],
}

# Windows takes these for devices whatever follows the first dot, in any
# case, with trailing spaces and dots ignored.
WINDOWS_DEVICES = {"con", "prn", "aux", "nul"} | {
    prefix + digit for prefix in ("com", "lpt") for digit in "0123456789¹²³"}


def big_document():
    """Three participants: Big Three's calendar is large (over 256 KB), the
    other two small, and the programme's document, calendar and PDF large."""
    document = copy.deepcopy(SMALL_DOCUMENT)
    document["participants"] = [
        {"id": "a", "name": "Small One"},
        {"id": "b", "name": "Small Two"},
        {"id": "c", "name": "Big Three"},
    ]
    document["sessions"] = [
        {"id": "s%d" % i, "uid": "uid-%d" % i, "title": "Session %d" % i,
         "start": "2027-04-13T%02d:%02d" % (8 + i // 60, i % 60),
         "end": "2027-04-13T%02d:%02d" % (8 + (i + 1) // 60, (i + 1) % 60),
         "description": "x" * 1000, "attendees": ["c"]}
        for i in range(300)
    ]
    return document


def is_windows_device(name):
    stem = name.split(".", 1)[0].rstrip(" .")
    return stem.lower() in WINDOWS_DEVICES


def limit_file_size(size):
    """For preexec_fn: files may not grow past @size bytes, and a write that
    would is an error (EFBIG), not a signal."""
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return apply


class FilesTestCase(CliTestCase):
    folder_prefix = "test-cli-files-"
    run_in_folder = True

    def listing(self, folder):
        """Every file in @folder, hidden ones too, with its contents."""
        found = {}
        for name in sorted(os.listdir(folder)):
            full = os.path.join(folder, name)
            found[name] = sha256(full) if os.path.isfile(full) else "folder"
        return found


class TestOutputIsDatabase(FilesTestCase):
    """Item 4: no output may be the database, its journal files or a backup."""

    def setUp(self):
        super().setUp()
        self.uid = self.import_document(SMALL_DOCUMENT)
        os.mkdir(self.path("sub"))
        self.backup = self.path("visits.db.v1-20270101-120000.bak")
        shutil.copyfile(self.database, self.backup)
        os.chmod(self.backup, 0o600)
        os.symlink("visits.db", self.path("link.json"))
        os.link(self.database, self.path("hard.json"))
        os.link(self.backup, self.path("backup-hard.json"))

    def commands(self, output):
        return [
            ("export", self.uid, "-o", output),
            ("export", self.uid, "--output", output),
            ("ics", self.uid, "-o", output),
            ("ics", self.uid, "--participant", "aino@example.org", "-o", output),
            ("ics", self.uid, "--host", "h1", "-o", output),
            ("export-csv", self.uid, "participants", "-o", output),
            ("pdf", self.uid, "-o", output),
        ]

    def assert_refused(self, output):
        files = [self.database, self.backup]
        before = {path: sha256(path) for path in files}
        for sidecar in ("-wal", "-shm", "-journal"):
            self.assertFalse(os.path.exists(self.database + sidecar))
        for command in self.commands(output):
            with self.subTest(command=command):
                result = self.run_cli(*command)
                stderr = self.assert_one_line_error(result, output)
                self.assertIn("database", stderr)
                self.assertEqual(result.stdout, b"")
                for path in files:
                    self.assertEqual(sha256(path), before[path], path)
                self.assertEqual(sorted(os.listdir(self.path("sub"))), [])

    def test_the_database(self):
        self.assert_refused("visits.db")
        self.assert_refused(self.database)

    def test_the_database_by_another_path(self):
        self.assert_refused("./sub/../visits.db")
        self.assert_refused("missing/../visits.db")
        self.assert_refused(self.path("sub", "..", ".", "visits.db"))

    def test_links_to_the_database(self):
        self.assert_refused("link.json")
        self.assert_refused("hard.json")

    def test_journal_files(self):
        for sidecar in ("-wal", "-shm", "-journal"):
            self.assert_refused("visits.db" + sidecar)
            self.assert_refused("./sub/../visits.db" + sidecar)

    def test_backups(self):
        self.assert_refused(os.path.basename(self.backup))
        self.assert_refused("visits.db.v3-20300101-000000-2.bak")
        self.assert_refused("backup-hard.json")

    def test_database_behind_a_link(self):
        """SQLite keeps the journal beside the file a linked name leads to."""
        os.mkdir(self.path("data"))
        real = self.path("data", "real.db")
        os.rename(self.database, real)
        os.symlink(os.path.join("data", "real.db"), self.database)
        before = sha256(real)
        for output in ("data/real.db-wal", "data/real.db", "visits.db", "visits.db-journal"):
            with self.subTest(output=output):
                result = self.run_cli("export", self.uid, "-o", output)
                self.assert_one_line_error(result, output)
                self.assertEqual(sha256(real), before)

    def test_each_participant_file_named_like_the_database(self):
        """--each-participant: every file is checked before any is written."""
        database = self.path("out", "Jukka-Virtanen.ics")
        os.mkdir(self.path("out"))
        self.import_document(SMALL_DOCUMENT, database=database)
        before = sha256(database)
        result = self.run_cli("ics", self.uid, "--each-participant", self.path("out"),
                              database=database)
        self.assert_one_line_error(result, "Jukka-Virtanen.ics", "database")
        self.assertEqual(sha256(database), before)
        self.assertEqual(sorted(os.listdir(self.path("out"))), ["Jukka-Virtanen.ics"])

    def test_other_files_still_written(self):
        for command in self.commands("sub/out.file"):
            with self.subTest(command=command):
                self.run_ok(*command)
                self.assertTrue(os.path.getsize(self.path("sub", "out.file")) > 0)


class TestStandardOutput(FilesTestCase):
    """Item 14 (b): "-o -" is standard output, never a file named "-"."""

    def setUp(self):
        super().setUp()
        self.uid = self.import_demo()

    @staticmethod
    def without_stamps(data):
        return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", data)

    def test_text_outputs(self):
        cases = [
            (("export", self.uid), lambda data: data),
            (("ics", self.uid), self.without_stamps),
            (("ics", self.uid, "--participant", "aino.makela@photonicsfinland.example"),
             self.without_stamps),
            (("ics", self.uid, "--host", "laser-cluster"), self.without_stamps),
            (("export-csv", self.uid, "participants"), lambda data: data),
            (("export-csv", self.uid, "hosts"), lambda data: data),
        ]
        for args, normalise in cases:
            for option in ("-o", "--output"):
                with self.subTest(command=args, option=option):
                    piped = self.run_ok(*args, option, "-").stdout
                    self.run_ok(*args, "-o", "written")
                    with open(self.path("written"), "rb") as f:
                        written = f.read()
                    self.assertTrue(len(piped) > 100)
                    self.assertEqual(normalise(piped), normalise(written))
                    self.assertFalse(os.path.exists(self.path("-")))

    def test_pdf(self):
        piped = self.run_ok("pdf", self.uid, "-o", "-").stdout
        self.assertTrue(piped.startswith(b"%PDF-"), piped[:20])
        self.assertIn(b"%%EOF", piped[-32:])
        self.assertFalse(os.path.exists(self.path("-")))

    def test_pdf_not_to_a_terminal(self):
        """Binary on a terminal helps nobody: refused with a clear line."""
        try:
            leader, follower = pty.openpty()
        except OSError as error:
            self.skipTest("no pseudo-terminal to write to here: %s" % error)
        self.addCleanup(os.close, leader)
        try:
            result = self.run_cli("pdf", self.uid, "-o", "-", stdout=follower,
                                  stderr=subprocess.PIPE, capture_output=False)
        finally:
            os.close(follower)
        self.assert_one_line_error(result, "terminal")
        self.assertFalse(os.path.exists(self.path("-")))

    def test_each_participant_folder_cannot_be_standard_output(self):
        result = self.run_cli("ics", self.uid, "--each-participant", "-")
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, 2, stderr)
        self.assertIn("Usage:", stderr)
        self.assertFalse(os.path.exists(self.path("-")))

    def test_a_file_named_dash(self):
        """The way to write a file called "-", as documented."""
        self.run_ok("export", self.uid, "-o", "./-")
        self.assertTrue(os.path.getsize(self.path("-")) > 100)


class TestWriteErrors(FilesTestCase):
    """Item 14 (a): a failed write names the file asked for, leaves the old
    one and no temporary file."""

    def test_message_names_the_target(self):
        uid = self.import_document(big_document())
        os.mkdir(self.path("out"))
        target = self.path("out", "existing-export.json")
        self.write(os.path.join("out", "existing-export.json"), b"old contents\n")
        before = self.listing(self.path("out"))

        # each output is over 256 KB; SQLite's -shm takes 32 KB
        for args in (("export", uid), ("ics", uid), ("ics", uid, "--participant", "c"),
                     ("pdf", uid)):
            with self.subTest(command=args[0]):
                result = self.run_cli(*args, "-o", "out/existing-export.json",
                                      preexec_fn=limit_file_size(64 * 1024),
                                      restore_signals=False)
                stderr = self.assert_one_line_error(result, "out/existing-export.json: ")
                self.assertIn("File too large", stderr)
                self.assertIsNone(re.search(r"existing-export\.json[.~-]\w", stderr), stderr)
                self.assertEqual(self.listing(self.path("out")), before)
                with open(target, "rb") as f:
                    self.assertEqual(f.read(), b"old contents\n")

    def test_missing_folder(self):
        uid = self.import_demo()
        result = self.run_cli("export", uid, "-o", "no/such/folder/x.json")
        stderr = self.assert_one_line_error(result, "no/such/folder/x.json: ")
        self.assertIn("No such file or directory", stderr)


class TestInputs(FilesTestCase):
    """Item 14 (c): only regular files are read; never a wait for ever."""

    def setUp(self):
        super().setUp()
        self.uid = self.import_demo()
        self.before = sha256(self.database)

    def commands(self, path):
        return [("import", path), ("import", path, "--update"),
                ("import-csv", self.uid, "participants", path),
                ("import-csv", self.uid, "hosts", path),
                ("import-ics", self.uid, path)]

    def assert_refused(self, path, *words):
        for command in self.commands(path):
            with self.subTest(command=command):
                result = self.run_cli(*command, timeout=QUICK)
                self.assert_one_line_error(result, path, *words)
                self.assertEqual(result.stdout, b"")
                self.assertEqual(sha256(self.database), self.before)

    def test_named_pipe(self):
        fifo = self.path("pipe.json")
        os.mkfifo(fifo)
        self.assert_refused(fifo, "named pipe")

    def test_folder(self):
        os.mkdir(self.path("folder.csv"))
        self.assert_refused(self.path("folder.csv"), "folder")

    def test_device(self):
        self.assert_refused("/dev/zero", "device")

    def test_link_to_a_named_pipe(self):
        os.mkfifo(self.path("pipe"))
        os.symlink("pipe", self.path("link.ics"))
        self.assert_refused(self.path("link.ics"), "named pipe")

    def test_huge_file(self):
        """A file over the limit is refused before it is read (a sparse file:
        no disk space used)."""
        huge = self.path("huge.visit.json")
        with open(huge, "wb") as f:
            f.truncate(4 * 1024 * 1024 * 1024)
        self.assert_refused(huge, "too large")


class TestEachParticipantAllOrNothing(FilesTestCase):
    """Item 14 (d): --each-participant writes every file or none."""

    def setUp(self):
        super().setUp()
        self.uid = self.import_document(big_document())
        self.out = self.path("calendars")
        os.mkdir(self.out)
        with open(os.path.join(self.out, "Small-One.ics"), "wb") as f:
            f.write(b"the old calendar\r\n")
        self.before = self.listing(self.out)

    def assert_unchanged(self):
        self.assertEqual(self.listing(self.out), self.before)

    def test_participant_order(self):
        """The failing file is the last one: the first two are written first."""
        result = self.run_ok("ics", self.uid, "--each-participant", self.out)
        paths = result.stdout.decode("utf-8").splitlines()
        self.assertEqual([os.path.basename(p) for p in paths],
                         ["Small-One.ics", "Small-Two.ics", "Big-Three.ics"])
        self.assertGreater(os.path.getsize(paths[2]), 256 * 1024)
        self.assertLess(os.path.getsize(paths[0]), 64 * 1024)

    def test_file_too_large(self):
        result = self.run_cli("ics", self.uid, "--each-participant", self.out,
                              preexec_fn=limit_file_size(128 * 1024), restore_signals=False)
        stderr = self.assert_one_line_error(result, os.path.join(self.out, "Big-Three.ics"),
                                            "File too large")
        self.assertEqual(result.stdout, b"")
        self.assert_unchanged()
        self.assertEqual(stderr.count(".ics"), 1, stderr)

    def test_rename_fails(self):
        """One file cannot take its place (a folder has its name): the files
        already renamed go back to what they were."""
        os.mkdir(os.path.join(self.out, "Big-Three.ics"))
        self.before = self.listing(self.out)
        result = self.run_cli("ics", self.uid, "--each-participant", self.out)
        self.assert_one_line_error(result, os.path.join(self.out, "Big-Three.ics"))
        self.assertEqual(result.stdout, b"")
        self.assert_unchanged()
        with open(os.path.join(self.out, "Small-One.ics"), "rb") as f:
            self.assertEqual(f.read(), b"the old calendar\r\n")

    def test_tmpfs_full(self):
        """A really full file system, where one can be mounted (as root)."""
        if os.geteuid() != 0 or shutil.which("mount") is None:
            self.skipTest("mounting a small tmpfs needs root")
        mount = self.path("small")
        os.mkdir(mount)
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", mount],
                                 capture_output=True)
        if mounted.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: %s" % mounted.stderr.decode().strip())
        self.addCleanup(subprocess.run, ["umount", mount], capture_output=True)
        result = self.run_cli("ics", self.uid, "--each-participant", mount)
        self.assert_one_line_error(result, "No space left on device")
        self.assertEqual(os.listdir(mount), [])


class TestWindowsFileNames(FilesTestCase):
    """Item 12: --each-participant names that a Windows machine opens."""

    NAMES = ["CON.txt", "PRN.txt", "lpt1.ics", "COM¹", "aux", "Nul.", "com0.x", "LPT³",
             "Conrad", "COM10"]

    def test_no_device_names(self):
        document = copy.deepcopy(SMALL_DOCUMENT)
        document["participants"] = [{"id": "p%d" % i, "name": name}
                                    for i, name in enumerate(self.NAMES)]
        uid = self.import_document(document)
        out = self.path("calendars")
        result = self.run_ok("ics", uid, "--each-participant", out)
        paths = result.stdout.decode("utf-8").splitlines()
        names = [os.path.basename(p) for p in paths]
        self.assertEqual(len(names), len(self.NAMES))
        self.assertEqual(sorted(names), sorted(os.listdir(out)))
        for name in names:
            with self.subTest(name=name):
                self.assertFalse(is_windows_device(name))
                self.assertFalse(name.endswith((".", " ")))
                self.assertIsNone(re.search(r'[<>:"/\\|?*\x00-\x1f]', name))
        self.assertIn("CON-calendar.txt.ics", names)
        self.assertIn("COM¹-calendar.ics", names)
        self.assertIn("Conrad.ics", names)
        self.assertIn("COM10.ics", names)


class TestCsvEncodings(FilesTestCase):
    """Item 14 (e): one byte that is not UTF-8 does not turn the rest of a
    UTF-8 file into mojibake."""

    def test_per_field(self):
        uid = self.import_document(SMALL_DOCUMENT)
        path = self.write("people.csv", "name,email,organisation\r\n"
                          "Jörg Müller,jorg@example.org,Müller & Söhne\r\n".encode("utf-8")
                          + b"M\xe4kel\xe4 Liisa,liisa@example.org,Oy\r\n")
        result = self.run_ok("import-csv", uid, "participants", path)
        report = result.stdout.decode("utf-8")
        self.assertIn("2 added", report)
        self.assertIn("read as UTF-8 and Windows-1252 text", report)
        self.assertIn("line 3, column “name”: not UTF-8, read as Windows-1252", report)
        exported = self.run_ok("export", uid).stdout.decode("utf-8")
        names = [p["name"] for p in json.loads(exported)["participants"]]
        self.assertIn("Jörg Müller", names)
        self.assertIn("Mäkelä Liisa", names)
        self.assertNotIn("Ã", exported)

    def test_bad_byte_names_line_and_column(self):
        uid = self.import_document(SMALL_DOCUMENT)
        before = sha256(self.database)
        path = self.write("people.csv", b"name,email\r\nAino,a\x81b@example.org\r\n")
        result = self.run_cli("import-csv", uid, "participants", path)
        self.assert_one_line_error(result, "people.csv", "line 2", "column 2", "0x81")
        self.assertEqual(sha256(self.database), before)


class TestCalendarInstants(FilesTestCase):
    """Item 11: an event that ends when it starts becomes a one-hour session,
    and the report says so."""

    def test_no_end(self):
        uid = self.import_document(SMALL_DOCUMENT)
        calendar = self.write("slots.ics", (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            "BEGIN:VEVENT\r\nUID:no-end@example.org\r\nDTSTAMP:20270101T000000Z\r\n"
            "DTSTART;TZID=Europe/Vilnius:20270414T100000\r\nSUMMARY:Lab tour\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\nUID:outlook@example.org\r\nDTSTAMP:20270101T000000Z\r\n"
            "DTSTART;TZID=\"FLE Standard Time\":20270415T090000\r\nSUMMARY:Welcome\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode("utf-8"))
        result = self.run_ok("import-ics", uid, calendar)
        report = result.stdout.decode("utf-8")
        self.assertIn("2 added, 0 updated, 0 unchanged, 0 skipped", report)
        self.assertIn("UID no-end@example.org (line 4): it has no DTEND or DURATION, so it ends "
                      "when it starts: it was given one hour; check its end", report)
        self.assertIn("UID outlook@example.org (line 10): it has no DTEND or DURATION", report)
        sessions = {s["uid"]: s for s in json.loads(self.run_ok("export", uid).stdout)["sessions"]}
        self.assertEqual(sessions["no-end@example.org"]["start"], "2027-04-14T10:00")
        self.assertEqual(sessions["no-end@example.org"]["end"], "2027-04-14T11:00")
        self.assertEqual(sessions["outlook@example.org"]["end"], "2027-04-15T10:00")


if __name__ == "__main__":
    unittest.main(verbosity=2)
