#!/usr/bin/env python3
# test-publish.py: "target" and "publish" of the built visit-planner-cli
# (docs/cli.md) against real servers on localhost: Radicale (CalDAV) and
# Apache with mod_dav (WebDAV, strong ETags from FileETag Digest), both with
# authentication on, each started in a temporary folder and stopped at the
# end; and a small fault-injecting DAV server of this file's own (403, 507,
# 503, a connection dropped halfway, weak ETags, TLS with a certificate of
# its own).  What the servers hold is read back with plain HTTP requests
# (http.client: PROPFIND, GET) and compared with the database (sqlite3).
#
# A test that needs a server whose program is not installed is skipped,
# saying which; build-aux/run-tests installs them (radicale, apache2,
# openssl).

import base64
import hashlib
import http.client
import http.server
import json
import os
import re
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import vpcli

USER = "alice"
PASSWORD = "s3cret, with spaces"
DAV = "{DAV:}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError("the server ended at once (status %d)" % process.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not listen on port %d" % port)


# iCalendar, read independently of the program {{{1

def unfold(text):
    return re.sub(r"\r?\n[ \t]", "", text)


def parse_events(text):
    """The VEVENTs of @text: a dict per event, property name → (params, value)."""
    events = []
    current = None
    for line in unfold(text).splitlines():
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            head, value = line.split(":", 1)
            name, *params = head.split(";")
            current[name] = (dict(p.split("=", 1) for p in params if "=" in p), value)
    return events


def unescape(value):
    return (value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",")
            .replace("\\;", ";").replace("\\\\", "\\"))


def instant(prop):
    """The Unix time of a DATE-TIME property, in its TZID, or UTC."""
    params, value = prop
    if value.endswith("Z"):
        return int(datetime.strptime(value, "%Y%m%dT%H%M%SZ")
                   .replace(tzinfo=timezone.utc).timestamp())
    local = datetime.strptime(value, "%Y%m%dT%H%M%S")
    return int(local.replace(tzinfo=ZoneInfo(params["TZID"])).timestamp())


# HTTP, read independently of the program {{{1

class Client:
    """Plain HTTP requests with Basic authentication."""

    def __init__(self, base, user=USER, password=PASSWORD, context=None):
        self.base = base
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
        self.context = context

    def request(self, method, url, body=None, headers=None):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == "https":
            connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=30,
                                                     context=self.context)
        else:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        all_headers = {"Authorization": self.auth}
        all_headers.update(headers or {})
        try:
            connection.request(method, parts.path, body=body, headers=all_headers)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def get(self, url):
        return self.request("GET", url)

    def etags(self, collection):
        """href (absolute URL) → ETag of each resource in a collection."""
        body = (b'<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/>'
                b'<D:resourcetype/></D:prop></D:propfind>')
        status, _, data = self.request("PROPFIND", collection, body,
                                       {"Depth": "1", "Content-Type": "application/xml"})
        if status == 404:
            return {}
        assert status == 207, (status, data)
        parts = urllib.parse.urlsplit(collection)
        result = {}
        for response in ET.fromstring(data).iter(DAV + "response"):
            href = urllib.parse.unquote(response.find(DAV + "href").text)
            if href.rstrip("/") == urllib.parse.unquote(parts.path).rstrip("/"):
                continue
            etag = response.find(".//" + DAV + "getetag")
            url = "%s://%s%s" % (parts.scheme, parts.netloc, urllib.parse.quote(href))
            result[url] = etag.text if etag is not None else None
        return result

    def events(self, collection):
        """uid → (href, event) of every event in a CalDAV collection."""
        result = {}
        for href in self.etags(collection):
            status, _, data = self.get(href)
            assert status == 200, (status, href)
            for event in parse_events(data.decode("utf-8")):
                result[event["UID"][1]] = (href, event)
        return result


# Servers {{{1

class Radicale:
    def __init__(self):
        self.program = shutil.which("radicale")
        self.folder = tempfile.mkdtemp(prefix="test-publish-radicale-")
        self.port = free_port()
        with open(os.path.join(self.folder, "users"), "w") as f:
            f.write("%s:%s\n" % (USER, PASSWORD))
        with open(os.path.join(self.folder, "config"), "w") as f:
            f.write("[server]\nhosts = 127.0.0.1:%d\n"
                    "[auth]\ntype = htpasswd\nhtpasswd_filename = %s/users\n"
                    "htpasswd_encryption = plain\n"
                    "[rights]\ntype = owner_only\n"
                    "[storage]\nfilesystem_folder = %s/collections\n"
                    "[logging]\nlevel = warning\n" % (self.port, self.folder, self.folder))
        self.log = open(os.path.join(self.folder, "log"), "wb")
        self.process = subprocess.Popen([self.program, "--config",
                                         os.path.join(self.folder, "config")],
                                        stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        wait_for_port(self.port, self.process)
        self.home = "http://127.0.0.1:%d/%s/" % (self.port, USER)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


APACHE_MODULES = ["mpm_prefork", "authz_core", "authz_user", "authn_core", "authn_file",
                  "auth_basic", "auth_digest", "dav", "dav_fs", "mime"]


class Apache:
    """Apache with mod_dav in the foreground (-X), with a configuration of
    its own: /dav/ with Basic authentication, /digest/ with Digest, strong
    ETags from the content (FileETag Digest)."""

    def __init__(self):
        self.program = shutil.which("apache2") or "/usr/sbin/apache2"
        self.folder = tempfile.mkdtemp(prefix="test-publish-apache-")
        os.chmod(self.folder, 0o755)
        self.port = free_port()
        for name in ("dav", "dav/dav", "dav/digest", "lock"):
            os.makedirs(os.path.join(self.folder, name), exist_ok=True)
        sha = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
        with open(os.path.join(self.folder, "htpasswd"), "w") as f:
            f.write("%s:{SHA}%s\n" % (USER, sha))
        realm = "visit-planner-test"
        ha1 = hashlib.md5(("%s:%s:%s" % (USER, realm, PASSWORD)).encode()).hexdigest()
        with open(os.path.join(self.folder, "htdigest"), "w") as f:
            f.write("%s:%s:%s\n" % (USER, realm, ha1))
        # read by the user Apache works as, whatever the umask
        for name in ("htpasswd", "htdigest"):
            os.chmod(os.path.join(self.folder, name), 0o644)
        # Apache started by root runs its work as another user: the files
        # are that user's then.
        user_lines = ""
        if os.getuid() == 0:
            import pwd
            try:
                account = pwd.getpwnam("www-data")
            except KeyError:
                account = pwd.getpwnam("nobody")
            user_lines = "User #%d\nGroup #%d\n" % (account.pw_uid, account.pw_gid)
            for root, folders, _ in os.walk(os.path.join(self.folder, "dav")):
                os.chown(root, account.pw_uid, account.pw_gid)
            os.chown(os.path.join(self.folder, "lock"), account.pw_uid, account.pw_gid)
        modules = "".join("LoadModule %s_module /usr/lib/apache2/modules/mod_%s.so\n" % (m, m)
                          for m in APACHE_MODULES)
        self.config = os.path.join(self.folder, "httpd.conf")
        with open(self.config, "w") as f:
            f.write("""ServerRoot {folder}
Listen 127.0.0.1:{port}
ServerName localhost
PidFile {folder}/httpd.pid
ErrorLog {folder}/error.log
LogLevel warn
Mutex file:{folder} default
{modules}{user_lines}TypesConfig /etc/mime.types
DavLockDB {folder}/lock/DavLock
FileETag Digest
DocumentRoot {folder}/dav
<Directory {folder}/dav/dav>
  Dav On
  AuthType Basic
  AuthName "{realm}"
  AuthUserFile {folder}/htpasswd
  Require valid-user
</Directory>
<Directory {folder}/dav/digest>
  Dav On
  AuthType Digest
  AuthName "{realm}"
  AuthDigestProvider file
  AuthUserFile {folder}/htdigest
  Require valid-user
</Directory>
""".format(folder=self.folder, port=self.port, modules=modules, user_lines=user_lines,
           realm=realm))
        self.log = open(os.path.join(self.folder, "out"), "wb")
        self.process = subprocess.Popen([self.program, "-f", self.config, "-X"],
                                        stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        try:
            wait_for_port(self.port, self.process)
        except RuntimeError:
            with open(os.path.join(self.folder, "out"), "rb") as f:
                sys.stderr.write(f.read().decode("utf-8", "replace"))
            raise
        self.base = "http://127.0.0.1:%d/" % self.port

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class FaultServer(http.server.ThreadingHTTPServer):
    """A small DAV server in memory (collections made with MKCALENDAR or
    MKCOL, resources PUT, GET, HEAD, DELETE, If-Match and If-None-Match with
    strong ETags), Basic authentication, and faults on demand: .fault is
    None, "403" (every request), "507" (every PUT), "503-once" (the next
    request), "drop-after N" (after N PUTs, every connection is closed
    without an answer), "hang" (every request read and never answered) or
    "weak" (weak ETags only)."""

    daemon_threads = True

    def __init__(self, tls_context=None):
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.resources = {}
        self.collections = set(["/"])
        self.fault = None
        self.puts = 0
        self.requests = []
        self.lock = threading.Lock()
        scheme = "http"
        if tls_context is not None:
            self.socket = tls_context.wrap_socket(self.socket, server_side=True)
            scheme = "https"
        self.base = "%s://127.0.0.1:%d/" % (scheme, self.server_address[1])
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.shutdown()
        self.server_close()


class FaultHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def etag(self, data):
        tag = '"%s"' % hashlib.sha1(data).hexdigest()
        return "W/" + tag if self.server.fault == "weak" else tag

    def handle_any(self):
        server = self.server
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if server.fault == "hang":
            # read, never answer: the client's wait runs out
            time.sleep(5)
            self.close_connection = True
            return
        with server.lock:
            fault = server.fault
            if fault is not None and fault.startswith("drop-after"):
                if server.puts >= int(fault.split()[1]):
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
            if self.headers.get("Authorization") != "Basic " + base64.b64encode(
                    ("%s:%s" % (USER, PASSWORD)).encode()).decode():
                return self.answer(401, b"who?", {"WWW-Authenticate": 'Basic realm="fault"'})
            server.requests.append((self.command, path))
            if fault == "403":
                return self.answer(403, b"forbidden")
            if fault == "503-once":
                server.fault = None
                return self.answer(503, b"busy", {"Retry-After": "0"})
            if fault == "507" and self.command == "PUT":
                return self.answer(507, b"full")
            if self.command in ("MKCALENDAR", "MKCOL"):
                server.collections.add(path.rstrip("/") + "/")
                return self.answer(201)
            if self.command == "PROPFIND":
                if path.rstrip("/") + "/" in server.collections:
                    return self.answer(207, b'<?xml version="1.0"?><D:multistatus '
                                       b'xmlns:D="DAV:"/>', {"Content-Type": "application/xml"})
                return self.answer(404)
            current = server.resources.get(path)
            if_match = self.headers.get("If-Match")
            if_none_match = self.headers.get("If-None-Match")
            if self.command in ("GET", "HEAD"):
                if current is None:
                    return self.answer(404)
                return self.answer(200, current, {"ETag": self.etag(current),
                                                  "Content-Type": "text/calendar"})
            if if_none_match == "*" and current is not None:
                return self.answer(412)
            if if_match is not None and (current is None or
                                         if_match != '"%s"' % hashlib.sha1(current).hexdigest()):
                return self.answer(412)
            if self.command == "PUT":
                if os.path.dirname(path) + "/" not in server.collections:
                    return self.answer(409)
                server.resources[path] = body
                server.puts += 1
                return self.answer(204 if current is not None else 201, b"",
                                   {"ETag": self.etag(body)})
            if self.command == "DELETE":
                if current is None:
                    return self.answer(404)
                del server.resources[path]
                return self.answer(204)
            return self.answer(405)

    do_GET = do_HEAD = do_PUT = do_DELETE = do_PROPFIND = do_MKCOL = do_MKCALENDAR = handle_any


# The tests {{{1

class PublishTestCase(vpcli.CliTestCase):
    folder_prefix = "test-publish-"

    def setUp(self):
        super().setUp()
        self.env["VP_PASSWORD"] = PASSWORD
        self.uid = self.import_demo()

    def sql(self, query, *args):
        connection = sqlite3.connect(self.database)
        try:
            return connection.execute(query, args).fetchall()
        finally:
            connection.close()

    def add_target(self, name, kind, url, *options):
        self.run_ok("target", "add", self.uid, name, kind, url, "--user", USER,
                    "--password-env", "VP_PASSWORD", *options)

    def publish(self, *options, status=0):
        result = self.run_cli("publish", self.uid, *options)
        stderr = result.stderr.decode("utf-8", "replace")
        self.assertEqual(result.returncode, status,
                         stderr + result.stdout.decode("utf-8", "replace"))
        return result.stdout.decode("utf-8")

    def summary(self, output, name):
        """(put, updated, deleted, unchanged, conflicts) of @name's last line."""
        line = [line for line in output.splitlines() if line.startswith(name + ": ")][-1]
        numbers = re.fullmatch(r"\S+: (\d+) put, (\d+) updated, (\d+) deleted, (\d+) unchanged, "
                               r"(\d+) conflicts", line)
        self.assertIsNotNone(numbers, line)
        return tuple(int(n) for n in numbers.groups())

    def sessions(self):
        """uid → (title, start_utc, end_utc, revision, status), from the database."""
        rows = self.sql("SELECT uid, title, start_utc, end_utc, revision, status FROM sessions")
        return {row[0]: row[1:] for row in rows}

    def update_programme(self, change):
        """Exports the programme, lets @change edit the document, imports it
        with --update."""
        document = json.loads(self.export(self.uid))
        change(document)
        path = self.write("changed.visit.json", json.dumps(document).encode("utf-8"))
        self.run_ok("import", "--update", path)

    def move_session(self, index=3, hours=1, uid=None):
        """Moves the session @index (or the one of @uid) an hour later;
        returns its uid."""
        moved = {}

        def change(document):
            session = document["sessions"][index]
            if uid is not None:
                session = [s for s in document["sessions"] if s["uid"] == uid][0]
            for member in ("start", "end"):
                value = datetime.strptime(session[member], "%Y-%m-%dT%H:%M")
                session[member] = value.replace(hour=value.hour + hours).strftime(
                    "%Y-%m-%dT%H:%M")
            moved["uid"] = session["uid"]

        self.update_programme(change)
        return moved["uid"]

    def assert_events_match_database(self, events, uids=None):
        """The events hold the database's sessions (all, or @uids): the same
        UIDs, SUMMARYs and UTC instants, SEQUENCE the revision."""
        sessions = self.sessions()
        expected = set(uids if uids is not None else sessions)
        session_uids = set(uid for uid in events if uid in sessions)
        self.assertEqual(session_uids, expected)
        for uid in expected:
            title, start, end, revision, status = sessions[uid]
            _, event = events[uid]
            summary = unescape(event["SUMMARY"][1])
            if status == "cancelled":
                self.assertEqual(event["STATUS"][1], "CANCELLED")
                self.assertTrue(summary.endswith(title), summary)
            else:
                self.assertEqual(summary, title)
            self.assertEqual(instant(event["DTSTART"]), start, uid)
            self.assertEqual(instant(event["DTEND"]), end, uid)
            self.assertEqual(int(event["SEQUENCE"][1]), revision, uid)


def needs(program):
    found = shutil.which(program) or (program == "apache2" and os.path.exists("/usr/sbin/apache2"))
    return unittest.skipUnless(found, "%s is not installed (build-aux/run-tests installs it)"
                               % program)


@needs("radicale")
class TestCalDAV(PublishTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Radicale()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        super().setUp()
        # each test its own calendar home: the programme's uid is the same
        self.user_home = self.server.home
        self.client = Client(self.server.home)

    def tearDown(self):
        # the next test publishes the same programme to the same home
        for url in list(self.client.etags(self.server.home)):
            self.client.request("DELETE", url)

    def collection(self, suffix=""):
        return "%s%s%s/" % (self.server.home, self.uid, suffix)

    def test_publish_demo_and_read_it_back(self):
        self.add_target("cal", "caldav", self.server.home, "--per-participant", "--per-host")
        output = self.publish()
        self.assertEqual(self.summary(output, "cal")[4], 0)

        events = self.client.events(self.collection())
        self.assert_events_match_database(events)
        # each a whole calendar object: its VTIMEZONE, no METHOD
        status, _, data = self.client.get(next(iter(events.values()))[0])
        text = data.decode("utf-8")
        self.assertIn("BEGIN:VTIMEZONE", text)
        self.assertIn("TZID:Europe/Vilnius", text)
        self.assertNotIn("METHOD:", text)

        # a participant's collection: the sessions they attend, their legs
        # and stays; nobody else's
        participant_id, ref = self.sql("SELECT id, ref FROM participants WHERE ref = ?",
                                       "sanna-hoglund")[0]
        attended = set(uid for (uid,) in self.sql(
            "SELECT uid FROM sessions WHERE attendees_all = 1 OR id IN "
            "(SELECT session_id FROM attendances WHERE participant_id = ?)", participant_id))
        own = set(uid for (uid,) in self.sql(
            "SELECT uid FROM travel_legs WHERE participant_id = ? UNION "
            "SELECT uid FROM stays WHERE participant_id = ?", participant_id, participant_id))
        self.assertTrue(own)
        theirs = self.client.events(self.collection("-participant-" + ref))
        self.assertEqual(set(theirs), attended | own)
        self.assert_events_match_database(theirs, attended)

        # a host's collection: the sessions there
        host_id, host_ref = self.sql("SELECT id, ref FROM hosts WHERE ref = ?", "femtolux")[0]
        at_host = set(uid for (uid,) in self.sql("SELECT uid FROM sessions WHERE host_id = ?",
                                                 host_id))
        self.assertTrue(at_host)
        self.assertEqual(set(self.client.events(self.collection("-host-" + host_ref))), at_host)

        # the collection has the programme's title as its name
        status, _, data = self.client.request(
            "PROPFIND", self.collection(),
            b'<D:propfind xmlns:D="DAV:"><D:prop><D:displayname/></D:prop></D:propfind>',
            {"Depth": "0"})
        title = self.sql("SELECT title FROM programmes")[0][0]
        self.assertIn(title, data.decode("utf-8"))

        # the subscription URLs
        listed = json.loads(self.run_ok("target", "list", self.uid, "--json").stdout)
        self.assertEqual(listed[0]["subscriptions"][0]["url"], self.collection())
        self.assertEqual(listed[0]["last_publish"]["result"], "published")

        # published again, nothing changed: nothing sent
        before = self.client.etags(self.collection())
        output = self.publish()
        self.assertEqual(self.summary(output, "cal")[:3], (0, 0, 0))
        self.assertEqual(self.client.etags(self.collection()), before)

    def test_move_one_session(self):
        self.add_target("cal", "caldav", self.server.home)
        self.publish()
        before = self.client.etags(self.collection())
        revision_before = {uid: row[3] for uid, row in self.sessions().items()}

        uid = self.move_session()
        output = self.publish()
        self.assertEqual(self.summary(output, "cal"), (0, 1, 0, len(before) - 1, 0))

        after = self.client.etags(self.collection())
        changed = [href for href in after if after[href] != before.get(href)]
        self.assertEqual(len(after), len(before))
        self.assertEqual(changed, [self.collection() + uid + ".ics"])
        events = self.client.events(self.collection())
        self.assertGreater(int(events[uid][1]["SEQUENCE"][1]), revision_before[uid])
        self.assert_events_match_database(events)

    def test_cancel_and_remove(self):
        self.add_target("cal", "caldav", self.server.home, "--per-participant")
        self.publish()
        sessions = self.sql("SELECT uid FROM sessions WHERE attendees_all = 1 ORDER BY start_utc")
        cancelled, removed = sessions[1][0], sessions[2][0]
        holding = [href for href in self.client.etags(self.server.home)]
        collections = [c for c in holding if c.endswith("/")]

        def change(document):
            for session in document["sessions"]:
                if session["uid"] == cancelled:
                    session["status"] = "cancelled"

        self.update_programme(change)
        # the window deletes a session so; the command line has no command
        self.sql_write("DELETE FROM sessions WHERE uid = ?", removed)

        output = self.publish()
        n_participants = self.sql("SELECT count(*) FROM participants")[0][0]
        put, updated, deleted, _, conflicts = self.summary(output, "cal")
        self.assertEqual((put, conflicts), (0, 0))
        self.assertEqual(updated, 1 + n_participants)
        self.assertEqual(deleted, 1 + n_participants)

        for collection in collections:
            events = self.client.events(collection)
            self.assertNotIn(removed, events)
            self.assertEqual(events[cancelled][1]["STATUS"][1], "CANCELLED")
        self.assert_events_match_database(self.client.events(self.collection()))

    def sql_write(self, query, *args):
        connection = sqlite3.connect(self.database)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute(query, args)
            connection.commit()
        finally:
            connection.close()

    def test_edit_on_the_server_is_a_conflict(self):
        self.add_target("cal", "caldav", self.server.home)
        self.publish()
        uid = self.sessions_in_order()[3]
        href = self.collection() + uid + ".ics"
        status, _, original = self.client.get(href)
        edited = original.replace(b"SUMMARY:", b"SUMMARY:Edited on the server: ")
        self.assertIn(self.client.request("PUT", href, edited,
                                          {"Content-Type": "text/calendar"})[0], (200, 201, 204))
        _, _, on_server = self.client.get(href)
        etags = self.client.etags(self.collection())

        self.move_session(uid=uid)
        output = self.publish(status=1)
        self.assertIn("cal: conflict %s" % href, output)
        self.assertEqual(self.summary(output, "cal")[4], 1)
        self.assertEqual(self.client.get(href)[2], on_server)
        self.assertEqual(self.client.etags(self.collection()), etags)

        # reported again until the coordinator chooses; --force overwrites
        self.publish(status=1)
        self.assertEqual(self.client.get(href)[2], on_server)
        output = self.publish("--force")
        self.assertEqual(self.summary(output, "cal")[1], 1)
        self.assert_events_match_database(self.client.events(self.collection()))
        self.assertEqual(self.summary(self.publish(), "cal")[:3], (0, 0, 0))

    def sessions_in_order(self):
        return [uid for (uid,) in self.sql("SELECT uid FROM sessions ORDER BY start_utc, uid")]

    def test_deleted_on_the_server_then_removed_is_gone(self):
        self.add_target("cal", "caldav", self.server.home)
        self.publish()
        uid = self.sessions_in_order()[0]
        href = self.collection() + uid + ".ics"
        self.assertIn(self.client.request("DELETE", href)[0], (200, 204))
        self.sql_write("DELETE FROM sessions WHERE uid = ?", uid)
        output = self.publish()
        self.assertEqual(self.summary(output, "cal")[2], 1)

    def test_wrong_password_is_401(self):
        self.add_target("cal", "caldav", self.server.home)
        count = len(self.sessions())
        env = dict(self.env, VP_PASSWORD="wrong")
        result = self.run_cli("publish", self.uid, env=env)
        line = self.assert_one_line_error(result, "cal", self.server.home, "401")
        self.assertIn("user name and password", line)
        self.assertEqual(len(self.sessions()), count)
        self.assertEqual(self.sql("SELECT count(*) FROM publish_resources")[0][0], 0)
        self.assertEqual(self.sql("SELECT last_result FROM publish_targets")[0][0], "failed")
        # the right one then publishes everything
        output = self.publish()
        self.assertEqual(self.summary(output, "cal")[0], count)

    def test_password_variable_unset(self):
        self.add_target("cal", "caldav", self.server.home)
        env = dict(self.env)
        env.pop("VP_PASSWORD")
        self.assert_one_line_error(self.run_cli("publish", self.uid, env=env), "VP_PASSWORD",
                                   "cal")


@needs("apache2")
class TestWebDAV(PublishTestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Apache()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        super().setUp()
        self.folder_url = "%sdav/%s/" % (self.server.base, self._testMethodName)
        self.client = Client(self.server.base)

    def test_files_and_one_change(self):
        self.add_target("files", "webdav", self.folder_url, "--per-participant", "--per-host")
        output = self.publish()
        n_participants = self.sql("SELECT count(*) FROM participants")[0][0]
        n_hosts = self.sql("SELECT count(*) FROM hosts")[0][0]
        self.assertEqual(self.summary(output, "files")[0], 1 + n_participants + n_hosts)

        # the programme's file is the ics command's
        status, headers, data = self.client.get(self.folder_url + "programme.ics")
        self.assertEqual(status, 200)
        self.assertFalse(headers["ETag"].startswith("W/"))
        events = {event["UID"][1]: (None, event) for event in parse_events(data.decode())}
        self.assert_events_match_database(events)
        ics = self.run_ok("ics", self.uid).stdout
        strip = lambda text: re.sub(rb"DTSTAMP:\d+T\d+Z\r\n", b"", text)
        self.assertEqual(strip(data), strip(ics))
        status, _, data = self.client.get(self.folder_url + "participant-sanna-hoglund.ics")
        self.assertEqual(status, 200)
        self.assertIn(b"Sanna", data)

        listed = json.loads(self.run_ok("target", "list", self.uid, "--json").stdout)
        webcal = listed[0]["subscriptions"][0]["webcal"]
        self.assertEqual(webcal, "webcal://" + self.folder_url.split("://")[1] + "programme.ics")

        # a session moved: the programme's file, its attendees' and its host's
        before = self.client.etags(self.folder_url)
        uid = self.move_session(3)
        session_id, host_id, everyone = self.sql(
            "SELECT id, host_id, attendees_all FROM sessions WHERE uid = ?", uid)[0]
        attendees = n_participants if everyone else self.sql(
            "SELECT count(*) FROM attendances WHERE session_id = ?", session_id)[0][0]
        output = self.publish()
        put, updated, deleted, _, _ = self.summary(output, "files")
        self.assertEqual((put, deleted), (0, 0))
        self.assertEqual(updated, 1 + attendees + (1 if host_id is not None else 0))
        after = self.client.etags(self.folder_url)
        self.assertEqual(len([h for h in after if after[h] != before[h]]), updated)

    def test_edit_on_the_server_is_a_conflict(self):
        self.add_target("files", "webdav", self.folder_url)
        self.publish()
        url = self.folder_url + "programme.ics"
        edited = self.client.get(url)[2].replace(b"SUMMARY:", b"SUMMARY:Edited: ", 1)
        self.assertIn(self.client.request("PUT", url, edited)[0], (200, 204))
        self.move_session()
        output = self.publish(status=1)
        self.assertIn("files: conflict " + url, output)
        self.assertEqual(self.client.get(url)[2], edited)
        self.publish("--force")
        self.assertNotEqual(self.client.get(url)[2], edited)

    def test_digest_authentication(self):
        url = "%sdigest/%s/" % (self.server.base, self._testMethodName)
        self.add_target("digest", "webdav", url)
        output = self.publish()
        self.assertEqual(self.summary(output, "digest")[0], 1)
        self.move_session()
        self.assertEqual(self.summary(self.publish(), "digest")[1], 1)
        self.move_session()
        result = self.run_cli("publish", self.uid, env=dict(self.env, VP_PASSWORD="wrong"))
        self.assert_one_line_error(result, "digest", "401")


class TestFaults(PublishTestCase):
    def start(self, tls_context=None):
        server = FaultServer(tls_context)
        self.addCleanup(server.stop)
        return server

    def published_count(self):
        return self.sql("SELECT count(*) FROM publish_resources")[0][0]

    def assert_database_kept(self, before):
        self.assertEqual(self.export(self.uid), before)

    def test_server_down(self):
        url = "http://127.0.0.1:%d/cal/" % free_port()
        self.add_target("down", "caldav", url)
        before = self.export(self.uid)
        started = time.monotonic()
        result = self.run_cli("publish", self.uid)
        line = self.assert_one_line_error(result, "down", url)
        self.assertIn("down or refuses connections", line)
        # tried again, with pauses, before giving up
        self.assertGreater(time.monotonic() - started, 3)
        self.assert_database_kept(before)

    def test_no_answer_times_out(self):
        server = self.start()
        server.fault = "hang"
        self.add_target("silent", "caldav", server.base)
        env = dict(self.env, VISIT_PLANNER_HTTP_TIMEOUT="1")
        started = time.monotonic()
        result = self.run_cli("publish", self.uid, env=env)
        line = self.assert_one_line_error(result, "silent", server.base)
        self.assertIn("did not answer in time", line)
        # four tries of a second each, with pauses of 0.5, 1 and 2 seconds
        self.assertGreater(time.monotonic() - started, 7)

    def test_403(self):
        server = self.start()
        server.fault = "403"
        self.add_target("forbidden", "caldav", server.base)
        line = self.assert_one_line_error(self.run_cli("publish", self.uid), "forbidden",
                                          server.base, "403")
        self.assertIn("forbids", line)

    def test_507(self):
        server = self.start()
        server.fault = "507"
        self.add_target("full", "caldav", server.base)
        line = self.assert_one_line_error(self.run_cli("publish", self.uid), "full", "507")
        self.assertIn("no room", line)
        server.fault = None
        output = self.publish()
        self.assertEqual(self.summary(output, "full")[0], len(self.sessions()))

    def test_503_is_tried_again(self):
        server = self.start()
        server.fault = "503-once"
        self.add_target("busy", "caldav", server.base)
        self.publish()
        self.assertEqual(server.requests[0], server.requests[1])

    def test_dropped_halfway_then_completed(self):
        server = self.start()
        server.fault = "drop-after 5"
        self.add_target("flaky", "caldav", server.base)
        before = self.export(self.uid)
        result = self.run_cli("publish", self.uid)
        line = self.assert_one_line_error(result, "flaky", server.base)
        self.assertIn("connection broke", line)
        self.assertEqual(self.published_count(), 5)
        # what was done before is said too
        self.assertEqual(result.stdout.decode().count("flaky: put "), 5)
        self.assert_database_kept(before)

        server.fault = None
        output = self.publish()
        count = len(self.sessions())
        self.assertEqual(self.summary(output, "flaky"), (count - 5, 0, 0, 5, 0))
        self.assertEqual(len(server.resources), count)
        self.assertEqual(self.published_count(), count)

    def test_weak_etags_compare_before_writing(self):
        server = self.start()
        server.fault = "weak"
        self.add_target("weak", "caldav", server.base)
        self.publish()
        self.assertEqual(self.sql("SELECT count(*) FROM publish_resources WHERE etag IS NULL")[0][0],
                         len(self.sessions()))
        uid = self.move_session()
        del server.requests[:]
        output = self.publish()
        self.assertEqual(self.summary(output, "weak")[1], 1)
        path = "/%s/%s.ics" % (self.uid, uid)
        # read first, then written without a weak If-Match
        self.assertEqual(server.requests, [("PROPFIND", "/%s/" % self.uid), ("GET", path),
                                           ("PUT", path), ("HEAD", path)])

        # changed on the server: a conflict, left alone
        server.resources[path] = server.resources[path].replace(b"SUMMARY:", b"SUMMARY:X ")
        kept = server.resources[path]
        self.move_session(uid=uid)
        self.publish(status=1)
        self.assertEqual(server.resources[path], kept)

    def make_certificate(self):
        if shutil.which("openssl") is None:
            self.skipTest("openssl is not installed (build-aux/run-tests installs it)")
        key = self.path("key.pem")
        certificate = self.path("certificate.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-keyout", key, "-out", certificate, "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                       check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate, key)
        return certificate, context

    def test_tls_certificate_that_does_not_verify(self):
        certificate, context = self.make_certificate()
        server = self.start(context)
        self.add_target("tls", "caldav", server.base)
        line = self.assert_one_line_error(self.run_cli("publish", self.uid), "tls", server.base)
        self.assertIn("certificate does not verify", line)
        self.assertEqual(server.resources, {})

        # accepted with the authority given
        self.run_ok("target", "remove", self.uid, "tls")
        self.add_target("tls", "caldav", server.base, "--ca-file", certificate)
        output = self.publish()
        self.assertEqual(self.summary(output, "tls")[0], len(self.sessions()))

    def test_redirect_is_followed(self):
        server = self.start()
        target = FaultServer()
        self.addCleanup(target.stop)
        # a home that moved: every request is sent on
        server.RequestHandlerClass = type("Moved", (FaultHandler,), {
            "handle_any": lambda handler: handler.answer(
                307, b"", {"Location": target.base.rstrip("/") + handler.path})})
        for method in ("GET", "HEAD", "PUT", "DELETE", "PROPFIND", "MKCOL", "MKCALENDAR"):
            setattr(server.RequestHandlerClass, "do_" + method,
                    server.RequestHandlerClass.handle_any)
        self.add_target("moved", "caldav", server.base)
        self.publish()
        self.assertEqual(len(target.resources), len(self.sessions()))


class TestTargets(PublishTestCase):
    quiet_failure = True

    def test_add_list_remove(self):
        self.add_target("one", "caldav", "https://cal.example/dav/alice", "--per-host")
        self.run_ok("target", "add", self.uid, "two", "webdav", "https://files.example/v/")
        listed = json.loads(self.run_ok("target", "list", self.uid, "--json").stdout)
        self.assertEqual([t["name"] for t in listed], ["one", "two"])
        self.assertEqual(listed[0]["url"], "https://cal.example/dav/alice/")
        self.assertEqual(listed[0]["password_env"], "VP_PASSWORD")
        self.assertEqual((listed[0]["per_participant"], listed[0]["per_host"]), (False, True))
        self.assertIsNone(listed[0]["last_publish"])
        n_hosts = self.sql("SELECT count(*) FROM hosts")[0][0]
        self.assertEqual(len(listed[0]["subscriptions"]), 1 + n_hosts)
        self.assertNotIn("user", listed[1])
        text = self.run_ok("target", "list", self.uid).stdout.decode()
        self.assertIn("one\tcaldav\thttps://cal.example/dav/alice/", text)
        self.assertIn("subscribe: ", text)

        # no password in the database, anywhere
        with open(self.database, "rb") as f:
            self.assertNotIn(PASSWORD.encode(), f.read())

        self.assert_one_line_error(self.run_cli("target", "add", self.uid, "one", "caldav",
                                                "https://x.example/"), "one")
        self.run_ok("target", "remove", self.uid, "one")
        listed = json.loads(self.run_ok("target", "list", self.uid, "--json").stdout)
        self.assertEqual([t["name"] for t in listed], ["two"])
        self.assert_one_line_error(self.run_cli("target", "remove", self.uid, "one"), "one")

    def test_refused(self):
        for args, word in (
                (("ftp", "https://x.example/"), "caldav or webdav"),
                (("caldav", "ftp://x.example/"), "https://"),
                (("caldav", "https://bob:pw@x.example/"), "user name or password"),
                (("caldav", "https://x.example/?a=b"), "?"),
                (("caldav", "https://x.example/", "--password-env", "P"), "--user"),
                (("caldav", "https://x.example/", "--ca-file", "missing.pem"), "missing.pem")):
            result = self.run_cli("target", "add", self.uid, "t", *args)
            self.assert_one_line_error(result, word)
        self.assert_usage_error(self.run_cli("target", "frobnicate", self.uid))
        self.assert_usage_error(self.run_cli("target", "list", self.uid, "--per-host"))
        self.assertEqual(self.sql("SELECT count(*) FROM publish_targets")[0][0], 0)

    def test_publish_without_targets(self):
        self.assert_one_line_error(self.run_cli("publish", self.uid), "target add")
        self.add_target("one", "caldav", "https://cal.example/")
        self.assert_one_line_error(self.run_cli("publish", self.uid, "--target", "two"), "two")


if __name__ == "__main__":
    unittest.main(verbosity=2)
