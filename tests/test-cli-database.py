#!/usr/bin/env python3
# test-cli-database.py: the database argument and the database file under
# the real visit-planner-cli (docs/cli.md, "Database"): imports running at
# the same time, names SQLite would read as URIs, empty and folder paths,
# files of other programs, read-only and locked databases.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.
# The read-only cases need a user that file permissions apply to: run as
# root, they run the program as the user "nobody".

import json
import os
import pwd
import sqlite3
import stat
import subprocess
import sys
import time
import unittest

from vpcli import CLI, DEMO, TIMEOUT, CliTestCase, load_demo, sha256

_demo = load_demo()
DEMO_UID = _demo["programme"]["uid"]
DEMO_PARTICIPANTS = len(_demo["participants"])
DEMO_SESSIONS = len(_demo["sessions"])


class DatabaseTestCase(CliTestCase):
    folder_prefix = "test-cli-database-"

    def document(self, programme, **kwargs):
        return json.loads(self.export(programme, **kwargs))


# Imports at the same time {{{1

def participants_csv(tag, count):
    rows = ["name,email"]
    rows += ["Person %s %d,%s.%d@example.org" % (tag, i, tag, i) for i in range(count)]
    return ("\n".join(rows) + "\n").encode("utf-8")


def sessions_ics(tag, count):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Visit Planner tests//race//EN"]
    for i in range(count):
        day = 13 + i % 4
        hour = 6 + i % 12
        lines += ["BEGIN:VEVENT",
                  "UID:%s-%d@example.org" % (tag, i),
                  "DTSTAMP:20270101T000000Z",
                  "DTSTART:202704%02dT%02d0000Z" % (day, hour),
                  "DTEND:202704%02dT%02d3000Z" % (day, hour),
                  "SUMMARY:Session %s %d" % (tag, i),
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


class TestConcurrentImports(DatabaseTestCase):
    """Two imports into one programme started at once: each reads the
    programme, adds to it and writes it back; neither may be lost."""

    ROUNDS = 3
    ROWS = 5000
    EVENTS = 300

    def start(self, *args):
        return subprocess.Popen([CLI, *self.arguments(args)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)

    def finish(self, process):
        stdout, stderr = process.communicate(timeout=TIMEOUT)
        self.assertEqual(process.returncode, 0, stderr.decode("utf-8", "replace"))
        return stdout.decode("utf-8")

    def emails(self, document):
        return {p.get("email") for p in document["participants"]}

    def test_two_csv_imports(self):
        self.run_ok("import", DEMO)
        expected = set()
        for n in range(self.ROUNDS):
            tags = ("a%d" % n, "b%d" % n)
            files = [self.write(tag + ".csv", participants_csv(tag, self.ROWS)) for tag in tags]
            processes = [self.start("import-csv", DEMO_UID, "participants", path)
                         for path in files]
            for process, path in zip(processes, files):
                self.assertIn("%s: %d added" % (path, self.ROWS), self.finish(process))
            for tag in tags:
                expected |= {"%s.%d@example.org" % (tag, i) for i in range(self.ROWS)}

            document = self.document(DEMO_UID)
            missing = expected - self.emails(document)
            self.assertEqual(len(missing), 0, "round %d: %d participants lost" % (n, len(missing)))
            self.assertEqual(len(document["participants"]), DEMO_PARTICIPANTS + len(expected))

    def test_csv_and_calendar_imports(self):
        self.run_ok("import", DEMO)
        expected_emails = set()
        expected_uids = set()
        for n in range(self.ROUNDS):
            csv_path = self.write("p%d.csv" % n, participants_csv("p%d" % n, self.ROWS))
            ics_path = self.write("s%d.ics" % n, sessions_ics("s%d" % n, self.EVENTS))
            processes = [self.start("import-csv", DEMO_UID, "participants", csv_path),
                         self.start("import-ics", DEMO_UID, ics_path)]
            self.assertIn("%d added" % self.ROWS, self.finish(processes[0]))
            self.assertIn("%d added" % self.EVENTS, self.finish(processes[1]))
            expected_emails |= {"p%d.%d@example.org" % (n, i) for i in range(self.ROWS)}
            expected_uids |= {"s%d-%d@example.org" % (n, i) for i in range(self.EVENTS)}

            document = self.document(DEMO_UID)
            missing = expected_emails - self.emails(document)
            self.assertEqual(len(missing), 0, "round %d: %d participants lost" % (n, len(missing)))
            sessions = {s["uid"]: s for s in document["sessions"]}
            self.assertEqual(expected_uids - set(sessions), set())
            cancelled = sorted(uid for uid in expected_uids
                               if sessions[uid].get("status") == "cancelled")
            self.assertEqual(len(cancelled), 0,
                             "round %d: %d imported sessions cancelled, e.g. %s"
                             % (n, len(cancelled), cancelled[:3]))
            self.assertEqual(len(document["sessions"]), DEMO_SESSIONS + len(expected_uids))


# The database argument {{{1

class TestDatabaseArgument(DatabaseTestCase):
    def test_names_sqlite_reads_as_uris_are_files(self):
        """A database argument is a file path: "file:…" is a file (or a
        folder) of that name in the current folder, never an SQLite URI."""
        work = self.path("work")
        os.mkdir(work)
        elsewhere = self.path("elsewhere.db")
        for name, where in (("file:u.db?mode=memory", "file:u.db?mode=memory"),
                            ("file:u.db", "file:u.db"),
                            (":memory:", ":memory:"),
                            ("file:" + elsewhere, "file:" + elsewhere)):
            with self.subTest(name=name):
                self.run_ok("import", DEMO, database=name, cwd=work)
                listed = self.run_ok("list", database=name, cwd=work).stdout.decode("utf-8")
                self.assertIn(DEMO_UID, listed)
                path = os.path.join(work, where)
                self.assertTrue(os.path.isfile(path), sorted(os.listdir(work)))
                self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
                self.assertFalse(os.path.exists(elsewhere))
        self.assertFalse(os.path.exists(os.path.join(work, "u.db")))

    def test_empty_path_refused(self):
        default = os.path.join(self.env["XDG_DATA_HOME"], "visit-planner")
        env = dict(self.env)
        env["VISIT_PLANNER_DATABASE"] = ""
        cases = (
            ("--database", ["--database", "", "list"], self.env, "--database"),
            ("--database=", ["--database=", "list"], self.env, "--database"),
            ("environment", ["list"], env, "VISIT_PLANNER_DATABASE"),
            ("environment, import", ["import", DEMO], env, "VISIT_PLANNER_DATABASE"),
        )
        for name, args, environment, named in cases:
            with self.subTest(case=name):
                result = self.run_cli(*args, database=False, env=environment)
                stderr = self.assert_one_line_error(result, named, "empty")
                self.assertEqual(result.stdout, b"")
                self.assertFalse(os.path.exists(default), stderr)

    def test_folder_paths_refused_before_anything_is_created(self):
        work = self.path("work")
        os.mkdir(work)
        os.mkdir(os.path.join(work, "existing"))
        for name in ("missing/dir/", "missing/", "missing/dir/.", "missing/..", "existing",
                     "existing/"):
            with self.subTest(database=name):
                before = sorted(os.listdir(work))
                result = self.run_cli("import", DEMO, database=name, cwd=work)
                self.assertEqual(sorted(os.listdir(work)), before)
                self.assertEqual(os.listdir(os.path.join(work, "existing")), [])
                self.assert_one_line_error(result, name, "folder")

    def test_default_database_folder_still_created(self):
        self.run_ok("list", database=False)
        folder = os.path.join(self.env["XDG_DATA_HOME"], "visit-planner")
        self.assertTrue(os.path.isfile(os.path.join(folder, "visits.db")))
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)


# Files that are not (or not yet) a Visit Planner database {{{1

class TestOtherFiles(DatabaseTestCase):
    def test_negative_version(self):
        self.run_ok("import", DEMO)
        connection = sqlite3.connect(self.database)
        connection.execute("PRAGMA user_version = -1")
        connection.commit()
        connection.close()
        before = sha256(self.database)
        csv_path = self.write("people.csv", participants_csv("n", 2))
        for args in (("list",), ("export", DEMO_UID), ("check", DEMO_UID),
                     ("import", DEMO, "--update"),
                     ("import-csv", DEMO_UID, "participants", csv_path)):
            with self.subTest(command=args[0]):
                result = self.run_cli(*args)
                self.assert_one_line_error(result, self.database, "not a Visit Planner database",
                                           "-1")
                self.assertEqual(sha256(self.database), before)

    def test_not_a_database(self):
        self.write("visits.db", b"This is a shopping list, not a database.\n" * 100)
        result = self.run_cli("list")
        self.assert_one_line_error(result, self.database, "not a Visit Planner database")


# Read-only and locked databases {{{1

def unprivileged_user():
    """The uid and gid to run as so that file permissions apply, or None
    when this process is subject to them already."""
    if os.geteuid() != 0:
        return None
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


class TestReadOnly(DatabaseTestCase):
    """A database its user may read and not write: read commands work, write
    commands say what is read-only, and nothing is created or changed."""

    def setUp(self):
        super().setUp()
        self.user = unprivileged_user()
        if self.user is not None:
            os.chown(self.folder, *self.user)
            os.chmod(self.folder, 0o755)
        self.out = self.path("out")
        os.mkdir(self.out)
        if self.user is not None:
            os.chown(self.out, *self.user)
        self.csv = self.write("people.csv", participants_csv("r", 3))
        self.ics = self.write("sessions.ics", sessions_ics("r", 3))
        # the program must be within that user's reach (not under a home
        # folder only its owner may enter)
        try:
            probe = self.run_cli("--version", database=False)
        except PermissionError as error:
            self.skipTest("%s cannot run as uid %s: %s" % (CLI, self.user[0], error))
        if probe.returncode != 0:
            self.skipTest("%s cannot run as uid %s: %s" % (CLI, self.user, probe.stderr))

    def run_cli(self, *args, **kwargs):
        def drop():
            os.setgroups([])
            os.setgid(self.user[1])
            os.setuid(self.user[0])

        return super().run_cli(*args, preexec_fn=drop if self.user is not None else None,
                               **kwargs)

    def make_database(self, name):
        folder = self.path(name)
        os.mkdir(folder)
        if self.user is not None:
            os.chown(folder, *self.user)
        self.database = os.path.join(folder, "visits.db")
        self.run_ok("import", DEMO)
        return folder

    def outputs(self):
        """What every read command prints (or writes) for the demo."""
        pdf = os.path.join(self.out, "agenda.pdf")
        result = {
            "list": self.run_ok("list").stdout,
            "export": self.run_ok("export", DEMO_UID).stdout,
            "export-csv": self.run_ok("export-csv", DEMO_UID, "participants").stdout,
            # the time of writing aside
            "ics": b"\r\n".join(line for line in self.run_ok("ics", DEMO_UID).stdout.split(b"\r\n")
                                 if not line.startswith((b"DTSTAMP:", b"LAST-MODIFIED:"))),
            "check": self.run_cli("check", DEMO_UID).stdout,
        }
        self.run_ok("pdf", DEMO_UID, "-o", pdf)
        self.assertGreater(os.path.getsize(pdf), 1000)
        os.unlink(pdf)
        return result

    def check_read_only(self, name, make_read_only, reason):
        folder = self.make_database(name)
        expected = self.outputs()
        make_read_only(folder)
        before = sha256(self.database)
        listing = sorted(os.listdir(folder))

        self.assertEqual(self.outputs(), expected)
        self.assertEqual(sorted(os.listdir(folder)), listing)

        for args in (("import", DEMO, "--update"),
                     ("import-csv", DEMO_UID, "participants", self.csv),
                     ("import-ics", DEMO_UID, self.ics)):
            with self.subTest(case=name, command=args[0]):
                result = self.run_cli(*args)
                stderr = self.assert_one_line_error(result, self.database,
                                                    "cannot write to the database", reason)
                self.assertNotIn("not a Visit Planner database", stderr)
        self.assertEqual(sha256(self.database), before)
        self.assertEqual(sorted(os.listdir(folder)), listing)

    def test_read_only_file(self):
        self.check_read_only("file", lambda folder: os.chmod(self.database, 0o400),
                             "the file is read-only")

    def test_read_only_folder(self):
        self.check_read_only("folder", lambda folder: os.chmod(folder, 0o500),
                             "folder %s is read-only" % self.path("folder"))

    def test_read_only_file_and_folder(self):
        def both(folder):
            os.chmod(self.database, 0o400)
            os.chmod(folder, 0o500)
        self.check_read_only("both", both, "read-only")

    def leave_wal(self, folder):
        """A change left in the -wal file by a writer that stopped dead."""
        code = ("import os, sqlite3\n"
                "c = sqlite3.connect(%r)\n"
                "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
                "c.execute(\"UPDATE programmes SET title = title || ' (in the wal)'\")\n"
                "c.commit()\n"
                "os._exit(0)\n" % self.database)
        subprocess.run([sys.executable, "-c", code], check=True, timeout=TIMEOUT)
        for name in os.listdir(folder):
            if self.user is not None:
                os.chown(os.path.join(folder, name), *self.user)
        self.assertGreater(os.path.getsize(self.database + "-wal"), 0)

    def test_read_only_folder_with_wal_and_shm(self):
        folder = self.make_database("wal")
        self.leave_wal(folder)
        os.chmod(folder, 0o500)
        listed = self.run_ok("list").stdout.decode("utf-8")
        self.assertIn("(in the wal)", listed)

    def test_read_only_folder_with_wal_without_shm(self):
        """SQLite cannot read a -wal without its -shm, nor create the -shm
        in a read-only folder: the message says exactly that."""
        folder = self.make_database("wal")
        self.leave_wal(folder)
        os.unlink(self.database + "-shm")
        os.chmod(folder, 0o500)
        result = self.run_cli("list")
        self.assert_one_line_error(result, self.database, "cannot read the database", "-shm",
                                   "folder %s is read-only" % folder)

    def test_empty_read_only_database(self):
        """A database that needs setting up (or a migration) cannot be read
        without writing to it: the message says so."""
        folder = self.path("empty")
        os.mkdir(folder)
        self.database = os.path.join(folder, "visits.db")
        with open(self.database, "wb"):
            pass
        os.chmod(self.database, 0o400)
        if self.user is not None:
            os.chown(folder, *self.user)
            os.chown(self.database, *self.user)
        result = self.run_cli("list")
        self.assert_one_line_error(result, self.database, "needs writing",
                                   "the file is read-only")
        self.assertEqual(os.path.getsize(self.database), 0)

    def test_unreadable_database(self):
        """A database another user keeps to themselves (mode 0600, as
        Visit Planner makes it): the message gives the system's reason."""
        if self.user is None:
            self.skipTest("file permissions do not apply to this user")
        folder = self.path("theirs")
        os.mkdir(folder)
        self.database = os.path.join(folder, "visits.db")
        super().run_cli("import", DEMO, check=True)
        os.chown(folder, *self.user)
        os.chmod(self.database, 0o600)
        before = sha256(self.database)
        for args in (("list",), ("import", DEMO, "--update")):
            with self.subTest(command=args[0]):
                result = self.run_cli(*args)
                stderr = self.assert_one_line_error(result, self.database,
                                                    "cannot open the database",
                                                    "Permission denied")
                self.assertNotIn("unable to open database file", stderr)
        self.assertEqual(sha256(self.database), before)


class TestLocked(DatabaseTestCase):
    def test_locked_database_is_busy(self):
        """Another program holds the database locked when the command opens
        it: the busy message, after the store's wait."""
        self.run_ok("import", DEMO)
        csv_path = self.write("people.csv", participants_csv("l", 2))
        holder = sqlite3.connect(self.database, isolation_level=None)
        self.addCleanup(holder.close)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE programmes SET title = title")
        for args in (("list",), ("import-csv", DEMO_UID, "participants", csv_path)):
            with self.subTest(command=args[0]):
                started = time.monotonic()
                result = self.run_cli(*args)
                stderr = self.assert_one_line_error(result, self.database, "busy")
                self.assertNotIn("not a Visit Planner database", stderr)
                self.assertGreater(time.monotonic() - started, 1.0)
        holder.execute("ROLLBACK")


if __name__ == "__main__":
    unittest.main(verbosity=2)
