"""vpcli.py: what the Python tests of visit-planner-cli share.

Each test runs the built program (docs/cli.md) in a temporary folder of its
own, with a database in it and an environment in which no other database is
touched: CliTestCase sets that up, runs the program and checks how it ends.

Environment: VISIT_PLANNER_CLI (the program to test; meson passes the built
one), DEMO_PROGRAMME (the demo document, data/demo/vilnius-2027.visit.json).

Meson runs every test file as a script (python3 tests/test-x.py), which puts
this folder first on sys.path: `import vpcli` finds this module.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest


def _program(name):
    """A path made absolute (tests run the program from other folders); a
    bare name left for PATH to find."""
    return os.path.abspath(name) if os.sep in name else name


CLI = _program(os.environ.get("VISIT_PLANNER_CLI", "visit-planner-cli"))
DEMO = os.path.abspath(os.environ.get("DEMO_PROGRAMME", "data/demo/vilnius-2027.visit.json"))
# The seconds one command may take.
TIMEOUT = 120


def load_demo():
    """The demo document, parsed: a new copy each time."""
    with open(DEMO, encoding="utf-8") as f:
        return json.load(f)


def sha256(path):
    """The SHA-256 of a file's contents, in hex: to show a file unchanged."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run(*args, **kwargs):
    """Runs the program with @args and waits for it (subprocess.run, with
    @kwargs): standard input empty, the output captured and TIMEOUT unless
    @kwargs say otherwise."""
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", TIMEOUT)
    return subprocess.run([CLI, *args], **kwargs)


class CliTestCase(unittest.TestCase):
    """A test of the program. setUp makes self.folder (removed after the
    test, read-only folders in it too) and self.database, visits.db in it;
    self.env is this process's environment without VISIT_PLANNER_DATABASE,
    with XDG_DATA_HOME in the folder (where the default database goes) and
    LC_ALL=C.UTF-8."""

    maxDiff = None

    # The start of the temporary folder's name.
    folder_prefix = "test-cli-"
    # True: commands run in self.folder (unless a test says where).
    run_in_folder = False
    # True: a command that succeeds writes nothing on standard error (run_ok).
    quiet_success = False
    # True: a command refused writes nothing on standard output
    # (assert_one_line_error, assert_usage_error).
    quiet_failure = False

    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix=self.folder_prefix)
        self.addCleanup(self.remove_folder)
        self.database = self.path("visits.db")
        self.env = dict(os.environ)
        self.env.pop("VISIT_PLANNER_DATABASE", None)
        self.env["XDG_DATA_HOME"] = self.path("xdg-data")
        self.env["LC_ALL"] = "C.UTF-8"

    def remove_folder(self):
        """Removes self.folder, with what a test made read-only in it."""
        for root, folders, _ in os.walk(self.folder):
            for name in folders:
                path = os.path.join(root, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o700)
        os.chmod(self.folder, 0o700)
        shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, *names):
        return os.path.join(self.folder, *names)

    def write(self, name, data):
        """Writes the bytes @data to @name in the folder; returns its path."""
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def arguments(self, args, database=True):
        """The program's arguments: --database first (@database True:
        self.database; False: none; otherwise that path), then @args."""
        arguments = []
        if database is True:
            arguments += ["--database", self.database]
        elif database is not False:
            arguments += ["--database", database]
        return arguments + list(args)

    def run_cli(self, *args, database=True, env=None, **kwargs):
        """run() with arguments() in self.env, or @env."""
        if self.run_in_folder:
            kwargs.setdefault("cwd", self.folder)
        return run(*self.arguments(args, database), env=env if env is not None else self.env,
                   **kwargs)

    def run_ok(self, *args, **kwargs):
        """run_cli, and the command must succeed."""
        result = self.run_cli(*args, **kwargs)
        self.assertEqual(result.returncode, 0, result.stderr.decode("utf-8", "replace"))
        if self.quiet_success:
            self.assertEqual(result.stderr, b"")
        return result

    def assert_one_line_error(self, result, *names):
        """The command was refused (exit status 2) with one line on standard
        error that holds each of @names; returns that line."""
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, 2, stderr)
        self.assertTrue(stderr.endswith("\n"), repr(stderr))
        self.assertEqual(stderr.count("\n"), 1, repr(stderr))
        for name in names:
            self.assertIn(name, stderr)
        if self.quiet_failure:
            self.assertEqual(result.stdout, b"")
        return stderr

    def assert_usage_error(self, result):
        """Exit status 2 and the usage on standard error."""
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, 2, stderr)
        self.assertTrue(any(line.startswith("Usage:") for line in stderr.splitlines()), stderr)
        if self.quiet_failure:
            self.assertEqual(result.stdout, b"")

    def import_document(self, document, name="programme.visit.json", **kwargs):
        """Imports @document (bytes, or what JSON writes) from the file
        @name in the folder; returns the programme's uid."""
        if not isinstance(document, bytes):
            document = json.dumps(document, ensure_ascii=False).encode("utf-8")
        path = self.write(name, document)
        return self.run_ok("import", path, **kwargs).stdout.decode("utf-8").strip()

    def import_demo(self):
        """Imports the demo; returns its uid."""
        return self.run_ok("import", DEMO).stdout.decode("utf-8").strip()

    def export(self, programme, **kwargs):
        """The programme's document, as the program writes it."""
        return self.run_ok("export", programme, **kwargs).stdout

    def demo_uid(self):
        """The uid of the demo programme."""
        return load_demo()["programme"]["uid"]
