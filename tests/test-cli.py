#!/usr/bin/env python3
# test-cli.py: drives the real visit-planner-cli (docs/cli.md) in temporary folders.
#
# VISIT_PLANNER_CLI is the program to test; DEMO_PROGRAMME the demo document.

import copy
import datetime
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import unittest

from vpcli import DEMO, CliTestCase, load_demo, run, sha256

# The smallest interesting valid document; each malformed case changes one
# thing in it (the same document as tests/test-format.c).
BASE_DOCUMENT = {
    "format": "visit-planner-programme",
    "version": 1,
    "programme": {
        "title": "Visit",
        "host_country": "LT",
        "timezone": "Europe/Vilnius",
        "start_date": "2027-04-13",
        "end_date": "2027-04-16",
    },
    "hosts": [
        {"id": "h1", "name": "Host one", "latitude": 54.7, "longitude": 25.3},
        {"id": "h2", "name": "Host two"},
    ],
    "participants": [
        {
            "id": "p1",
            "name": "Aino",
            "travel": [
                {
                    "kind": "flight",
                    "depart": "2027-04-13T07:30",
                    "depart_timezone": "Europe/Helsinki",
                    "arrive": "2027-04-13T08:40",
                }
            ],
            "accommodation": [
                {"name": "Hotel", "check_in": "2027-04-13", "check_out": "2027-04-16"}
            ],
        },
        {"id": "p2", "name": "Jukka"},
    ],
    "sessions": [
        {
            "id": "s1",
            "uid": "uid-1",
            "title": "Visit one",
            "start": "2027-04-13T10:00",
            "end": "2027-04-13T12:00",
            "host": "h1",
            "attendees": ["p1", "p2"],
        },
        {
            "id": "s2",
            "uid": "uid-2",
            "title": "Visit two",
            "start": "2027-04-14T10:00",
            "end": "2027-04-14T12:00",
        },
    ],
}

REMOVE = object()


def split_path(path):
    """'a.b[1].c' -> ['a', 'b', 1, 'c']"""
    parts = []
    for name in path.split("."):
        while "[" in name:
            head, _, rest = name.partition("[")
            if head:
                parts.append(head)
            index, _, name = rest.partition("]")
            parts.append(int(index))
        if name:
            parts.append(name)
    return parts


def patched(patches):
    document = copy.deepcopy(BASE_DOCUMENT)
    for path, value in patches:
        parts = split_path(path)
        node = document
        for part in parts[:-1]:
            node = node[part]
        if value is REMOVE:
            del node[parts[-1]]
        else:
            node[parts[-1]] = value
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def base_text():
    return patched([])


def replace_once(data, old, new):
    assert data.count(old) == 1, old
    return data.replace(old, new)


# name: (document bytes, what the one-line message must name)
def malformed_cases():
    cases = {
        "format_wrong": ([("format", "visit-planner-agenda")], "format"),
        "format_missing": ([("format", REMOVE)], "format"),
        "version_3": ([("version", 3)], "version"),
        "programme_missing": ([("programme", REMOVE)], "programme"),
        "programme_title_missing": ([("programme.title", REMOVE)], "programme.title"),
        "programme_host_country_missing": ([("programme.host_country", REMOVE)],
                                           "programme.host_country"),
        "programme_timezone_missing": ([("programme.timezone", REMOVE)], "programme.timezone"),
        "programme_start_date_missing": ([("programme.start_date", REMOVE)],
                                         "programme.start_date"),
        "host_id_missing": ([("hosts[0].id", REMOVE)], "hosts[0].id"),
        "host_name_missing": ([("hosts[0].name", REMOVE)], "hosts[0].name"),
        "participant_name_missing": ([("participants[0].name", REMOVE)], "participants[0].name"),
        "session_start_missing": ([("sessions[0].start", REMOVE)], "sessions[0].start"),
        "session_title_missing": ([("sessions[0].title", REMOVE)], "sessions[0].title"),
        "type_programme_not_object": ([("programme", [])], "programme"),
        "type_title_number": ([("programme.title", 42)], "programme.title"),
        "type_hosts_object": ([("hosts", {})], "hosts"),
        "type_latitude_string": ([("hosts[0].latitude", "54.7")], "hosts[0].latitude"),
        "type_capacity_string": ([("sessions[0].capacity", "10")], "sessions[0].capacity"),
        "type_version_string": ([("version", "1")], "version"),
        "zone_unknown": ([("sessions[1].timezone", "Europe/Atlantis")], "sessions[1].timezone"),
        "time_skipped": ([("sessions[0].timezone", "Europe/Helsinki"),
                          ("sessions[0].start", "2027-03-28T03:30"),
                          ("sessions[0].end", "2027-03-28T05:00")], "sessions[0].start"),
        "end_before_start": ([("sessions[0].end", "2027-04-13T09:00")], "sessions[0].end"),
        "end_equals_start": ([("sessions[0].end", "2027-04-13T10:00")], "sessions[0].end"),
        "host_undefined": ([("sessions[0].host", "nowhere")], "sessions[0].host"),
        "attendee_undefined": ([("sessions[0].attendees", ["p1", "ghost"])],
                               "sessions[0].attendees[1]"),
        "duplicate_host_id": ([("hosts[1].id", "h1")], "hosts[1].id"),
        "duplicate_participant_id": ([("participants[1].id", "p1")], "participants[1].id"),
        "duplicate_session_id": ([("sessions[1].id", "s1")], "sessions[1].id"),
        "duplicate_session_uid": ([("sessions[1].uid", "uid-1")], "sessions[1].uid"),
        "date_february_30": ([("programme.start_date", "2027-02-30")], "programme.start_date"),
        "date_month_13": ([("programme.end_date", "2027-13-01")], "programme.end_date"),
        "end_date_before_start_date": ([("programme.end_date", "2027-04-12")],
                                       "programme.end_date"),
        "latitude_without_longitude": ([("hosts[1].latitude", 54.7)], "hosts[1].longitude"),
        "country_lower_case": ([("programme.host_country", "lt")], "programme.host_country"),
        "travel_arrive_before_depart": ([("participants[0].travel[0].arrive", "2027-04-13T07:00")],
                                        "participants[0].travel[0].arrive"),
        "stay_check_out_not_after_check_in": (
            [("participants[0].accommodation[0].check_out", "2027-04-13")],
            "participants[0].accommodation[0].check_out"),
        "attendees_some": ([("sessions[0].attendees", "some")], "sessions[0].attendees"),
        "capacity_zero": ([("sessions[0].capacity", 0)], "sessions[0].capacity"),
        "uid_newline": ([("sessions[0].uid", "uid-1\r\nX-INJECTED:1")], "sessions[0].uid"),
    }
    result = {name: (patched(patches), member) for name, (patches, member) in cases.items()}

    bad_json = (b'{\n  "format": "visit-planner-programme",\n  "version": 1,\n'
                b'  "programme": {,}\n}\n')
    result["bad_json"] = (bad_json, "4:")
    result["not_an_object"] = (b'[{"format": "visit-planner-programme"}]\n', "object")

    text = base_text()
    bad_utf8 = replace_once(text, b'"Visit one"', b'"Visit \xc3\x28 one"')
    offset = bad_utf8.index(b"\xc3")
    line = bad_utf8.count(b"\n", 0, offset) + 1
    column = offset - (bad_utf8.rfind(b"\n", 0, offset) + 1) + 1
    result["invalid_utf8"] = (bad_utf8, "line %d, column %d" % (line, column))

    # an unpaired surrogate escape decodes to bytes that are not UTF-8
    result["lone_surrogate"] = (replace_once(text, b'"Visit one"', b'"Visit \\ud800x one"'),
                                "sessions[0].title")

    huge = b'"' + b"a" * (30 * 1024 * 1024) + b'"'
    result["string_30_mb"] = (
        replace_once(text, b'"title": "Visit one",', b'"title": "Visit one", "description": '
                     + huge + b","),
        "sessions[0].description")

    depth = 100000
    deep = (b'{"format": "visit-planner-programme", "version": 1, "x": '
            + b"[" * depth + b"]" * depth + b"}")
    result["nesting_100000"] = (deep, "line 1")
    return result


class TestUsage(CliTestCase):
    def test_help(self):
        result = self.run_cli("--help", database=False)
        self.assertEqual(result.returncode, 0)
        out = result.stdout.decode("utf-8")
        for command in ("list", "import", "export"):
            self.assertIn(command, out)

    def test_unknown_command(self):
        self.assert_usage_error(self.run_cli("frobnicate"))

    def test_no_command(self):
        self.assert_usage_error(self.run_cli())

    def test_unknown_option(self):
        self.assert_usage_error(self.run_cli("--frobnicate", "list"))

    def test_unknown_command_option(self):
        self.assert_usage_error(self.run_cli("list", "--frobnicate"))


class TestCommands(CliTestCase):
    def test_list_empty(self):
        result = self.run_ok("list")
        self.assertEqual(result.stdout, b"")
        self.assertEqual(result.stderr, b"")

    def test_list_json_empty(self):
        result = self.run_ok("list", "--json")
        self.assertEqual(json.loads(result.stdout), [])

    def test_database_created_private(self):
        self.run_ok("list")
        self.assertEqual(stat.S_IMODE(os.stat(self.database).st_mode), 0o600)

    def test_import_prints_uid(self):
        result = self.run_ok("import", DEMO)
        self.assertEqual(result.stdout.decode("utf-8"), self.demo_uid() + "\n")

    def test_list_after_import(self):
        uid = self.import_demo()
        programme = load_demo()["programme"]
        lines = self.run_ok("list").stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), 1)
        fields = lines[0].split("\t")
        self.assertEqual(len(fields), 5)
        self.assertTrue(fields[0].isdigit())
        self.assertEqual(fields[1:], [uid, programme["start_date"], programme["end_date"],
                                      programme["title"]])

    def test_list_json(self):
        uid = self.import_demo()
        programme = load_demo()["programme"]
        items = json.loads(self.run_ok("list", "--json").stdout)
        self.assertEqual(len(items), 1)
        item = items[0]
        self.assertEqual(set(item), {"id", "uid", "title", "start_date", "end_date", "status"})
        self.assertIsInstance(item["id"], int)
        self.assertEqual(item["uid"], uid)
        self.assertEqual(item["title"], programme["title"])
        self.assertEqual(item["start_date"], programme["start_date"])
        self.assertEqual(item["end_date"], programme["end_date"])
        self.assertEqual(item["status"], programme.get("status", "draft"))

    def test_export_stdout_and_file_identical(self):
        uid = self.import_demo()
        to_stdout = self.export(uid)
        output = self.path("out.visit.json")
        result = self.run_ok("export", uid, "-o", output)
        self.assertEqual(result.stdout, b"")
        with open(output, "rb") as f:
            self.assertEqual(f.read(), to_stdout)

    def test_export_by_id(self):
        uid = self.import_demo()
        programme_id = self.run_ok("list").stdout.decode("utf-8").split("\t")[0]
        self.assertEqual(self.export(programme_id), self.export(uid))

    def test_export_import_export_identical(self):
        uid = self.import_demo()
        first = self.export(uid)
        exported = self.write("exported.visit.json", first)

        self.database = self.path("second.db")
        self.assertEqual(self.run_ok("import", exported).stdout.decode("utf-8").strip(), uid)
        second = self.export(uid)
        self.assertEqual(first, second)

    def test_version_1_exports_as_version_2(self):
        """A version-1 document (organisations as text, a lump sum per
        visitor) imports unchanged and exports as version 2 with nothing
        lost: every member it had, its names now organisations."""
        old = copy.deepcopy(BASE_DOCUMENT)
        old["programme"]["uid"] = "v1-programme"
        old["programme"]["origin"] = {"city": "Helsinki", "latitude": 60.17, "longitude": 24.94}
        old["programme"]["lump_sum_eur"] = 1500
        old["participants"][0].update(organisation="Lumiray Oy", country="FI", role="sme",
                                      email="aino@lumiray.example")
        old["participants"][1].update(organisation="LUMIRAY  OY ", country="SE")
        old["participants"].append({"id": "p3", "name": "Sanna", "organisation": "Photon Lab",
                                    "role": "researcher"})
        path = self.write("old.visit.json", json.dumps(old).encode("utf-8"))
        self.run_ok("import", path)
        new = json.loads(self.export("v1-programme"))

        self.assertEqual(new["version"], 2)
        # per visiting organisation now, within the scheme's cap
        self.assertEqual(new["programme"]["lump_sum_eur"], 1100)
        organisations = {o["id"]: o for o in new["organisations"]}
        self.assertEqual(sorted(o["name"] for o in organisations.values()),
                         ["Lumiray Oy", "Photon Lab"])
        lumiray = next(o for o in organisations.values() if o["name"] == "Lumiray Oy")
        self.assertEqual((lumiray["country"], lumiray["kind"], lumiray["city"]),
                         ("FI", "sme", "Helsinki"))
        self.assertTrue(lumiray["uid"])
        people = {p["id"]: p for p in new["participants"]}
        self.assertEqual(people["p1"]["organisation_id"], lumiray["id"])
        self.assertEqual(people["p2"]["organisation_id"], lumiray["id"])
        self.assertEqual(organisations[people["p3"]["organisation_id"]]["kind"], "research")

        # every other member as it was
        for kind in ("hosts", "participants", "sessions"):
            for before in old[kind]:
                after = next(item for item in new[kind] if item["id"] == before["id"])
                for member, value in before.items():
                    if member == "organisation":
                        continue
                    if member in ("travel", "accommodation"):
                        for i, item in enumerate(value):
                            for key, got in item.items():
                                self.assertEqual(after[member][i][key], got, (kind, member, key))
                        continue
                    self.assertEqual(after[member], value, (kind, before["id"], member))
        for member, value in old["programme"].items():
            if member != "lump_sum_eur":
                self.assertEqual(new["programme"][member], value, member)

        # and version 2 goes round unchanged
        exported = self.write("new.visit.json", json.dumps(new).encode("utf-8"))
        self.database = self.path("second.db")
        self.run_ok("import", exported)
        self.assertEqual(json.loads(self.export("v1-programme")), new)

    def test_update_raises_one_revision(self):
        uid = self.import_demo()
        document = json.loads(self.export(uid))
        sessions = document["sessions"]
        before = {s["uid"]: s["revision"] for s in sessions}
        changed = sessions[len(sessions) // 2]
        start = datetime.datetime.strptime(changed["start"], "%Y-%m-%dT%H:%M")
        changed["start"] = (start - datetime.timedelta(minutes=15)).strftime("%Y-%m-%dT%H:%M")
        edited = self.write("edited.visit.json",
                            json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8"))

        self.assertEqual(self.run_ok("import", edited, "--update").stdout.decode("utf-8").strip(),
                         uid)
        after = {s["uid"]: s["revision"] for s in json.loads(self.export(uid))["sessions"]}

        self.assertEqual(set(after), set(before))
        for session_uid, revision in before.items():
            if session_uid == changed["uid"]:
                self.assertEqual(after[session_uid], revision + 1, session_uid)
            else:
                self.assertEqual(after[session_uid], revision, session_uid)

    def test_import_twice_refused(self):
        self.import_demo()
        before = sha256(self.database)
        result = self.run_cli("import", DEMO)
        self.assert_one_line_error(result, DEMO, "--update")
        self.assertEqual(sha256(self.database), before)

    def test_environment_database(self):
        env = dict(self.env)
        env["VISIT_PLANNER_DATABASE"] = self.path("from-environment.db")
        result = self.run_cli("import", DEMO, database=False, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(env["VISIT_PLANNER_DATABASE"]))
        self.assertFalse(os.path.exists(self.database))
        self.assertFalse(os.path.exists(os.path.join(self.env["XDG_DATA_HOME"], "visit-planner")))
        listed = self.run_cli("list", database=False, env=env)
        self.assertIn(self.demo_uid(), listed.stdout.decode("utf-8"))

    def test_default_database(self):
        self.run_ok("import", DEMO, database=False)
        path = os.path.join(self.env["XDG_DATA_HOME"], "visit-planner", "visits.db")
        self.assertTrue(os.path.isfile(path))
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)

    def test_export_unknown_programme(self):
        self.import_demo()
        before = sha256(self.database)
        self.assert_one_line_error(self.run_cli("export", "no-such-programme"), "no-such-programme")
        self.assert_one_line_error(self.run_cli("export", "999"), "999")
        self.assertEqual(sha256(self.database), before)

    def test_import_missing_file(self):
        self.run_ok("list")
        before = sha256(self.database)
        missing = self.path("missing.visit.json")
        self.assert_one_line_error(self.run_cli("import", missing), missing)
        self.assertEqual(sha256(self.database), before)

    def test_export_write_failure(self):
        uid = self.import_demo()
        with open("/dev/full", "wb") as full:
            result = self.run_cli("export", uid, stdout=full, stderr=subprocess.PIPE,
                                  capture_output=False)
        self.assert_one_line_error(result)

    def test_newer_database(self):
        self.import_demo()
        connection = sqlite3.connect(self.database)
        connection.execute("PRAGMA user_version = 999")
        connection.commit()
        connection.close()
        before = sha256(self.database)

        for args in (("list",), ("export", self.demo_uid()), ("import", DEMO, "--update")):
            with self.subTest(command=args[0]):
                stderr = self.assert_one_line_error(self.run_cli(*args), self.database)
                self.assertIn("newer", stderr)
                self.assertEqual(sha256(self.database), before)

    def test_bom_accepted(self):
        with open(DEMO, "rb") as f:
            path = self.write("bom.visit.json", b"\xef\xbb\xbf" + f.read())
        self.run_ok("import", path)

    def test_unknown_and_null_members_accepted(self):
        document = json.loads(base_text())
        document["x-extension"] = {"deep": [1, {"a": None}]}
        document["programme"]["x-future"] = [1, 2]
        document["programme"]["description"] = None
        document["hosts"][0]["colour"] = "red"
        document["sessions"][1]["capacity"] = None
        document["sessions"][1]["x-note"] = {"nested": True}
        path = self.write("extended.visit.json", json.dumps(document).encode("utf-8"))
        uid = self.run_ok("import", path).stdout.decode("utf-8").strip()
        exported = json.loads(self.export(uid))
        self.assertNotIn("x-extension", exported)
        self.assertNotIn("description", exported["programme"])


class TestImportIcs(CliTestCase):
    """import-ics from the command line: the importer's own cases are in
    test-ical-import.c; these check the command's contract."""

    def empty_copy(self):
        """A programme like the demo but without sessions, with another uid."""
        document = load_demo()
        document["programme"]["uid"] = "ics-target"
        document["sessions"] = []
        return self.write("empty.visit.json", json.dumps(document).encode("utf-8"))

    def test_own_calendar_imports(self):
        self.import_demo()
        self.run_ok("import", self.empty_copy())
        calendar = self.path("demo.ics")
        self.run_ok("ics", self.demo_uid(), "-o", calendar)
        result = self.run_ok("import-ics", "ics-target", calendar)
        report = result.stdout.decode("utf-8").splitlines()[0]
        self.assertIn("27 added, 0 updated, 0 unchanged, 0 skipped", report)
        again = self.run_ok("import-ics", "ics-target", calendar)
        self.assertIn("0 added, 0 updated, 27 unchanged, 0 skipped",
                      again.stdout.decode("utf-8").splitlines()[0])

    def test_broken_calendar_changes_nothing(self):
        self.import_demo()
        broken = self.write("broken.ics", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                            b"BEGIN:VEVENT\r\nUID:x\r\n")
        before = sha256(self.database)
        result = self.run_cli("import-ics", self.demo_uid(), broken)
        self.assert_one_line_error(result, "broken.ics")
        self.assertEqual(sha256(self.database), before)

    def test_skipped_event_exit_status(self):
        self.import_demo()
        calendar = self.write("repeat.ics", (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
            "BEGIN:VEVENT\r\nUID:weekly@example.org\r\nDTSTAMP:20270101T000000Z\r\n"
            "DTSTART;TZID=Europe/Vilnius:20270414T100000\r\n"
            "DTEND;TZID=Europe/Vilnius:20270414T110000\r\n"
            "RRULE:FREQ=WEEKLY;COUNT=1000000\r\nSUMMARY:Weekly call\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode("utf-8"))
        result = self.run_cli("import-ics", self.demo_uid(), calendar)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("1 skipped", result.stdout.decode("utf-8"))

    def test_usage(self):
        self.assert_usage_error(self.run_cli("import-ics", "1"))


def calendar_events(data):
    """The VEVENTs of an iCalendar file: a list of {NAME: value}, unfolded,
    parameters dropped."""
    text = data.decode("utf-8").replace("\r\n ", "")
    events = []
    event = None
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT":
            events.append(event)
            event = None
        elif event is not None and ":" in line:
            name, _, value = line.partition(":")
            event[name.split(";")[0]] = value
    return events


class TestCalendarIdentity(CliTestCase):
    """Issue 17, C1 and C2: legs and stays carry their own uid in the
    exchange format; a re-issued calendar updates them, and cancels what
    left it."""

    def document(self, uid):
        return json.loads(self.export(uid))

    def update(self, document):
        path = self.write("update.visit.json",
                          json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8"))
        self.run_ok("import", path, "--update")

    def participant_calendar(self, uid, ref):
        return calendar_events(self.run_ok("ics", uid, "--participant", ref).stdout)

    def test_export_carries_uids(self):
        uid = self.import_demo()
        first = self.export(uid)
        self.assertEqual(self.export(uid), first)
        demo = load_demo()
        for exported, given in zip(json.loads(first)["participants"], demo["participants"]):
            for member in ("travel", "accommodation"):
                self.assertEqual([item["uid"] for item in exported[member]],
                                 [item["uid"] for item in given[member]])
                self.assertEqual({item["revision"] for item in exported[member]}, {0})

    def test_reordered_legs_keep_uids(self):
        uid = self.import_demo()
        document = self.document(uid)
        ref = document["participants"][0]["id"]
        before = {e["SUMMARY"]: e["UID"] for e in self.participant_calendar(uid, ref)}
        document["participants"][0]["travel"].reverse()
        self.update(document)
        after = {e["SUMMARY"]: e["UID"] for e in self.participant_calendar(uid, ref)}
        self.assertEqual(after, before)

    def test_update_without_uids_matches_by_route(self):
        uid = self.import_demo()
        document = self.document(uid)
        stored = copy.deepcopy(document["participants"][0])
        for participant in document["participants"]:
            for item in participant.get("travel", []) + participant.get("accommodation", []):
                del item["uid"]
                del item["revision"]
        travel = document["participants"][0]["travel"]
        travel.reverse()
        travel[0]["arrive"] = travel[0]["arrive"][:11] + "23:59"
        self.update(document)

        legs = {(leg["reference"], leg["from"], leg["to"]): leg
                for leg in self.document(uid)["participants"][0]["travel"]}
        for leg in stored["travel"]:
            now = legs[(leg["reference"], leg["from"], leg["to"])]
            self.assertEqual(now["uid"], leg["uid"])
            changed = now["arrive"] != leg["arrive"]
            self.assertEqual(now["revision"], 1 if changed else 0)
        self.assertEqual(sum(1 for leg in legs.values() if leg["revision"] == 1), 1)
        self.assertEqual(self.document(uid)["participants"][0]["accommodation"],
                         stored["accommodation"])

    def test_removed_leg_cancelled(self):
        uid = self.import_demo()
        document = self.document(uid)
        ref = document["participants"][0]["id"]
        removed = document["participants"][0]["travel"].pop(0)
        before = {e["UID"]: e for e in self.participant_calendar(uid, ref)}
        self.update(document)
        after = {e["UID"]: e for e in self.participant_calendar(uid, ref)}

        self.assertEqual(set(after), set(before))
        event = after[removed["uid"]]
        self.assertEqual(event["STATUS"], "CANCELLED")
        self.assertTrue(event["SUMMARY"].startswith("Cancelled: "))
        self.assertGreater(int(event["SEQUENCE"]), int(before[removed["uid"]]["SEQUENCE"]))
        self.assertEqual((event["DTSTART"], event["DTEND"]),
                         (before[removed["uid"]]["DTSTART"], before[removed["uid"]]["DTEND"]))
        # the export of the programme itself is unchanged by it: still stable
        self.assertEqual(self.export(uid), self.export(uid))


class TestMalformed(CliTestCase):
    """Every malformed document: exit 2, one line naming the file and the
    member, and the database untouched."""

    seeded = None

    @classmethod
    def setUpClass(cls):
        cls.seed_folder = tempfile.mkdtemp(prefix="test-cli-seed-")
        cls.seeded = os.path.join(cls.seed_folder, "seeded.db")
        run("--database", cls.seeded, "import", DEMO, check=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.seed_folder, ignore_errors=True)

    def setUp(self):
        super().setUp()
        shutil.copyfile(self.seeded, self.database)
        os.chmod(self.database, 0o600)

    def check_refused(self, data, member):
        path = self.write("bad.visit.json", data)
        before = sha256(self.database)
        result = self.run_cli("import", path)
        self.assert_one_line_error(result, path, member)
        self.assertEqual(sha256(self.database), before)
        self.assertEqual(self.run_ok("list").stdout.count(b"\n"), 1)

    def check_refused_update(self, data, member):
        path = self.write("bad.visit.json", data)
        before = sha256(self.database)
        self.assert_one_line_error(self.run_cli("import", "--update", path), path, member)
        self.assertEqual(sha256(self.database), before)


def add_malformed_tests():
    for name, (data, member) in malformed_cases().items():
        def test(self, data=data, member=member):
            self.check_refused(data, member)
        test.__name__ = "test_" + name
        setattr(TestMalformed, test.__name__, test)

    # --update reads the document just as strictly
    data, member = malformed_cases()["end_before_start"]

    def test_update(self, data=data, member=member):
        self.check_refused_update(data, member)
    setattr(TestMalformed, "test_update_end_before_start", test_update)


add_malformed_tests()

if __name__ == "__main__":
    unittest.main()
