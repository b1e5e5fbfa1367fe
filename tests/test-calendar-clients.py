#!/usr/bin/env python3
"""test-calendar-clients.py: exported calendars read by two independent parsers.

Drives the built visit-planner-cli: imports programmes, exports every kind of
calendar, and reads each file with Mozilla ical.js (Thunderbird's parser, from
tests/js) and with python3-icalendar (Debian's); every event's UID, summary and
UTC start and end must match what the database holds.

Environment: VISIT_PLANNER_CLI (the program), DEMO_PROGRAMME (the demo document),
ICALJS_DIR (tests/js, where `npm ci` has installed ical.js), SYSTEM_PYTHON (the
interpreter that has python3-icalendar; /usr/bin/python3 by default).
"""
import datetime
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

import vpcli
from vpcli import DEMO

HERE = pathlib.Path(__file__).resolve().parent
ICALJS_DIR = pathlib.Path(os.environ.get('ICALJS_DIR', HERE / 'js'))
SYSTEM_PYTHON = os.environ.get('SYSTEM_PYTHON', '/usr/bin/python3')

SECRETS = ['PHONE-SECRET-555', 'DIET-SECRET-vegan', 'ACCESS-SECRET-ramp',
           'EMERGENCY-SECRET-mum', 'NOTES-SECRET-x']

# A programme whose sessions sit on the DST weekends of 2027 in Helsinki and
# Paris, with text that needs escaping and folding, and personal data that must
# never reach a calendar.
DST_DOCUMENT = {
    'format': 'visit-planner-programme',
    'version': 1,
    'programme': {
        'uid': 'dst-test-programme',
        'title': 'DST, commas; semicolons\\ and backslashes',
        'host_country': 'FI',
        'timezone': 'Europe/Helsinki',
        'start_date': '2027-03-26',
        'end_date': '2027-11-01',
        'coordinator': {'name': 'Aino Mäkelä', 'email': 'aino@example.org'},
    },
    'hosts': [
        {'id': 'h1', 'name': 'Optoelectronics Oy, Espoo', 'address': 'Tietotie 3',
         'city': 'Espoo', 'latitude': 60.18, 'longitude': 24.83},
    ],
    'participants': [
        {'id': 'p1', 'name': 'Élodie Dupont', 'email': 'elodie@example.org',
         'phone': SECRETS[0], 'dietary': SECRETS[1], 'accessibility': SECRETS[2],
         'emergency_contact': SECRETS[3], 'notes': SECRETS[4], 'country': 'FR',
         'travel': [{'kind': 'flight', 'reference': 'AY1572', 'from': 'Paris',
                     'to': 'Helsinki', 'depart': '2027-03-27T10:20',
                     'depart_timezone': 'Europe/Paris', 'arrive': '2027-03-27T14:30',
                     'arrive_timezone': 'Europe/Helsinki'}],
         'accommodation': [{'name': 'Hotel Kämp', 'address': 'Pohjoisesplanadi 29',
                            'check_in': '2027-03-27', 'check_out': '2027-03-29'}]},
        {'id': 'p2', 'name': 'Jūratė Žukauskienė', 'email': 'jurate@example.org'},
    ],
    'sessions': [
        # spring: Helsinki skips 03:00-04:00 on 28 March; Paris skips 02:00-03:00
        {'id': 's1', 'title': 'Before the spring change, Helsinki', 'start': '2027-03-28T01:30',
         'end': '2027-03-28T02:59', 'host': 'h1'},
        {'id': 's2', 'title': 'Across the spring change; Helsinki', 'start': '2027-03-28T02:30',
         'end': '2027-03-28T04:30', 'host': 'h1', 'attendees': ['p2']},
        {'id': 's3', 'title': 'Paris spring change', 'timezone': 'Europe/Paris',
         'start': '2027-03-28T01:45', 'end': '2027-03-28T03:15', 'attendees': ['p1']},
        # autumn: Helsinki repeats 03:00-04:00 on 31 October; Paris 02:00-03:00
        {'id': 's4', 'title': 'In the repeated hour, Helsinki', 'start': '2027-10-31T03:30',
         'end': '2027-10-31T05:00'},
        {'id': 's5', 'title': 'Paris repeated hour', 'timezone': 'Europe/Paris',
         'start': '2027-10-31T02:15', 'end': '2027-10-31T02:45'},
        {'id': 's6', 'title': 'Sunday noon after the autumn change', 'start': '2027-10-31T12:00',
         'end': '2027-10-31T13:00', 'status': 'tentative'},
        {'id': 's7', 'title': 'Escapes: a, b; c\\d\nsecond line',
         'description': 'Line one\nLine two, with commas; semicolons\\ and ' + 'ąčęėįšųū' * 20,
         'start': '2027-03-26T10:00', 'end': '2027-03-26T11:00', 'status': 'cancelled'},
        {'id': 's8', 'title': 'Paris to Helsinki video call', 'timezone': 'Europe/Paris',
         'end_timezone': 'Europe/Helsinki', 'start': '2027-03-26T09:00',
         'end': '2027-03-26T11:00'},
    ],
}


def utc(*fields):
    """Unix seconds of a UTC date and time."""
    return int(datetime.datetime(*fields, tzinfo=datetime.timezone.utc).timestamp())


def run(*args, check=True):
    result = vpcli.run(*args, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f'{" ".join(args)} failed ({result.returncode}): {result.stderr}')
    return result


def parse_with_icaljs(path):
    result = subprocess.run(['node', str(ICALJS_DIR / 'parse-ics.mjs'), str(path)],
                            capture_output=True, text=True, cwd=ICALJS_DIR)
    if result.returncode != 0:
        raise AssertionError(f'ical.js: {path}: {result.stderr.strip()}')
    return json.loads(result.stdout)


def parse_with_python_icalendar(path):
    result = subprocess.run([SYSTEM_PYTHON, str(HERE / 'parse-ics.py'), str(path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f'python3-icalendar: {path}: {result.stderr.strip()}')
    return json.loads(result.stdout)


PARSERS = {'ical.js': parse_with_icaljs, 'python3-icalendar': parse_with_python_icalendar}


def expected_sessions(database, programme_id, where='', params=()):
    """uid → (summary, start, end) straight from the database."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            'SELECT uid, title, status, start_utc, end_utc, revision FROM sessions '
            f'WHERE programme_id = ? {where}', (programme_id, *params)).fetchall()
    finally:
        connection.close()
    return {uid: (('Cancelled: ' + title) if status == 'cancelled' else title, start, end, revision)
            for uid, title, status, start, end, revision in rows}


class CalendarClientsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not (ICALJS_DIR / 'node_modules' / 'ical.js').is_dir():
            raise RuntimeError(f'ical.js is not installed: run `npm ci` in {ICALJS_DIR}')
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix='vp-ics-'))
        cls.database = str(cls.tmp / 'visits.db')
        document = cls.tmp / 'dst.visit.json'
        document.write_text(json.dumps(DST_DOCUMENT, ensure_ascii=False), encoding='utf-8')
        run('--database', cls.database, 'import', DEMO)
        run('--database', cls.database, 'import', str(document))
        cls.demo_id = 1
        cls.dst_id = 2

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def export(self, name, *args):
        path = self.tmp / name
        run('--database', self.database, 'ics', *args, '-o', str(path))
        return path

    def check_events_match(self, path, expected):
        for parser, parse in PARSERS.items():
            with self.subTest(parser=parser, file=path.name):
                calendar = parse(path)
                self.assertEqual(calendar['method'], 'PUBLISH')
                got = {e['uid']: (e['summary'], e['start'], e['end'], e['sequence'])
                       for e in calendar['events'] if e['uid'] in expected}
                self.assertEqual(len(got), len(expected))
                for uid, (summary, start, end, revision) in expected.items():
                    self.assertEqual(got[uid], (summary, start, end, revision), uid)

    def test_programme_calendar_matches_database(self):
        for programme_id in (self.demo_id, self.dst_id):
            path = self.export(f'programme-{programme_id}.ics', str(programme_id))
            expected = expected_sessions(self.database, programme_id)
            self.check_events_match(path, expected)
            for parser, parse in PARSERS.items():
                self.assertEqual(len(parse(path)['events']), len(expected), parser)

    def test_dst_sessions_at_the_right_instants(self):
        path = self.export('dst.ics', str(self.dst_id))
        # The UTC times worked out by hand from the offsets in force (Helsinki
        # EET +2 / EEST +3, Paris CET +1 / CEST +2); a repeated hour means its
        # first occurrence.
        expected = {
            'Before the spring change, Helsinki': (utc(2027, 3, 27, 23, 30), utc(2027, 3, 28, 0, 59)),
            'Across the spring change; Helsinki': (utc(2027, 3, 28, 0, 30), utc(2027, 3, 28, 1, 30)),
            'Paris spring change': (utc(2027, 3, 28, 0, 45), utc(2027, 3, 28, 1, 15)),
            'In the repeated hour, Helsinki': (utc(2027, 10, 31, 0, 30), utc(2027, 10, 31, 3, 0)),
            'Paris repeated hour': (utc(2027, 10, 31, 0, 15), utc(2027, 10, 31, 0, 45)),
            'Sunday noon after the autumn change': (utc(2027, 10, 31, 10, 0),
                                                    utc(2027, 10, 31, 11, 0)),
        }
        for parser, parse in PARSERS.items():
            events = {e['summary']: (e['start'], e['end']) for e in parse(path)['events']}
            for title, instants in expected.items():
                with self.subTest(parser=parser, session=title):
                    self.assertEqual(events[title], instants)

    def test_repeated_hour_written_in_utc(self):
        text = self.export('dst-raw.ics', str(self.dst_id)).read_bytes().decode('utf-8')
        unfolded = text.replace('\r\n ', '')
        self.assertIn('DTSTART:20271031T003000Z', unfolded)
        self.assertIn('DTSTART:20271031T001500Z', unfolded)
        self.assertIn('DTSTART;TZID=Europe/Helsinki:20271031T120000', unfolded)

    def test_participant_calendar(self):
        path = self.export('elodie.ics', str(self.dst_id), '--participant', 'ELODIE@example.org')
        expected = expected_sessions(
            self.database, self.dst_id,
            'AND (attendees_all = 1 OR id IN (SELECT session_id FROM attendances a '
            'JOIN participants p ON p.id = a.participant_id WHERE p.ref = ?))', ('p1',))
        self.check_events_match(path, expected)
        for parser, parse in PARSERS.items():
            with self.subTest(parser=parser):
                events = parse(path)['events']
                self.assertNotIn('Across the spring change; Helsinki', [e['summary'] for e in events])
                flight = [e for e in events if 'AY1572' in (e['summary'] or '')]
                self.assertEqual(len(flight), 1)
                # 10:20 in Paris (CET, +1) and 14:30 in Helsinki (EET, +2)
                self.assertEqual((flight[0]['start'], flight[0]['end']),
                                 (utc(2027, 3, 27, 9, 20), utc(2027, 3, 27, 12, 30)))
                hotel = [e for e in events if e['start'] == '2027-03-27']
                self.assertEqual(len(hotel), 1)
                self.assertEqual(hotel[0]['end'], '2027-03-30')
        text = path.read_text(encoding='utf-8').replace('\r\n ', '')
        self.assertIn('DTSTART;TZID=Europe/Paris:20270327T102000', text)
        self.assertIn('DTEND;TZID=Europe/Helsinki:20270327T143000', text)

    def test_host_calendar(self):
        path = self.export('host.ics', str(self.dst_id), '--host', 'h1')
        expected = expected_sessions(
            self.database, self.dst_id,
            'AND host_id = (SELECT id FROM hosts WHERE ref = ? AND programme_id = ?)',
            ('h1', self.dst_id))
        self.assertEqual(len(expected), 2)
        self.check_events_match(path, expected)
        self.assertIn('Group size', path.read_text(encoding='utf-8').replace('\r\n ', ''))

    def test_each_participant_folder(self):
        folder = self.tmp / 'each'
        result = run('--database', self.database, 'ics', str(self.demo_id),
                     '--each-participant', str(folder))
        paths = result.stdout.split('\n')[:-1]
        self.assertEqual(len(paths), 12)
        self.assertEqual(len(set(p.lower() for p in paths)), 12)
        for line in paths:
            path = pathlib.Path(line)
            self.assertTrue(path.is_file(), line)
            self.assertRegex(path.name, r'^[\w.-]+\.ics$')
            for parser, parse in PARSERS.items():
                with self.subTest(parser=parser, file=path.name):
                    self.assertTrue(parse(path)['events'])

    def test_text_escaping_round_trip(self):
        path = self.export('escape.ics', str(self.dst_id))
        title = 'Escapes: a, b; c\\d\nsecond line'
        description = 'Line one\nLine two, with commas; semicolons\\ and ' + 'ąčęėįšųū' * 20
        for parser, parse in PARSERS.items():
            with self.subTest(parser=parser):
                events = {e['uid']: e for e in parse(path)['events']}
                escaped = [e for e in events.values() if e['summary'] == 'Cancelled: ' + title]
                self.assertEqual(len(escaped), 1)
                self.assertTrue(escaped[0]['description'].startswith(description))
                self.assertEqual(escaped[0]['status'], 'CANCELLED')
                tentative = [e for e in events.values()
                             if e['summary'] == 'Sunday noon after the autumn change']
                self.assertEqual(tentative[0]['status'], 'TENTATIVE')

    def test_lines_crlf_and_folded(self):
        for args in ((str(self.demo_id),), (str(self.dst_id),),
                     (str(self.dst_id), '--participant', 'p1')):
            data = self.export('lines.ics', *args).read_bytes()
            self.assertFalse(data.startswith(b'\xef\xbb\xbf'))
            self.assertNotIn(b'\r\r', data)
            self.assertEqual(data.count(b'\n'), data.count(b'\r\n'))
            self.assertTrue(data.endswith(b'END:VCALENDAR\r\n'))
            for line in data.split(b'\r\n'):
                self.assertLessEqual(len(line), 75, line)
                line.decode('utf-8')  # a fold never splits a character

    def test_no_personal_data(self):
        files = [self.export('p.ics', str(self.dst_id)),
                 self.export('p1.ics', str(self.dst_id), '--participant', 'p1'),
                 self.export('h.ics', str(self.dst_id), '--host', 'h1')]
        folder = self.tmp / 'each-dst'
        run('--database', self.database, 'ics', str(self.dst_id), '--each-participant', str(folder))
        files += list(folder.iterdir())
        for path in files:
            text = path.read_text(encoding='utf-8').replace('\r\n ', '')
            for secret in SECRETS:
                self.assertNotIn(secret, text, f'{secret} leaked into {path.name}')

    def test_reissue_updates_instead_of_duplicating(self):
        database = str(self.tmp / 'reissue.db')
        document = self.tmp / 'reissue.visit.json'
        run('--database', database, 'import', DEMO)
        before = parse_with_icaljs(self.export_to(database, 'before.ics'))
        exported = json.loads(run('--database', database, 'export', '1').stdout)
        changed = exported['sessions'][5]
        changed['start'] = changed['start'][:11] + '07:05'
        document.write_text(json.dumps(exported, ensure_ascii=False), encoding='utf-8')
        run('--database', database, 'import', '--update', str(document))
        after = parse_with_icaljs(self.export_to(database, 'after.ics'))
        seq_before = {e['uid']: e['sequence'] for e in before['events']}
        seq_after = {e['uid']: e['sequence'] for e in after['events']}
        self.assertEqual(set(seq_before), set(seq_after))
        for uid in seq_before:
            if uid == changed['uid']:
                self.assertGreater(seq_after[uid], seq_before[uid])
            else:
                self.assertEqual(seq_after[uid], seq_before[uid], uid)

    def test_reissue_cancels_a_removed_leg(self):
        """A re-issued participant calendar: the flight removed comes back
        with its UID, STATUS:CANCELLED and a higher SEQUENCE; the one kept
        keeps its UID and SEQUENCE (issue 17, C1 and C2)."""
        database = str(self.tmp / 'cancel-leg.db')
        document = self.tmp / 'cancel-leg.visit.json'
        run('--database', database, 'import', DEMO)
        exported = json.loads(run('--database', database, 'export', '1').stdout)
        person = exported['participants'][0]
        removed, kept = person['travel']
        before_path = self.tmp / 'cancel-leg-before.ics'
        after_path = self.tmp / 'cancel-leg-after.ics'
        run('--database', database, 'ics', '1', '--participant', person['id'],
            '-o', str(before_path))
        person['travel'] = [kept]
        document.write_text(json.dumps(exported, ensure_ascii=False), encoding='utf-8')
        run('--database', database, 'import', '--update', str(document))
        run('--database', database, 'ics', '1', '--participant', person['id'],
            '-o', str(after_path))
        for parser, parse in PARSERS.items():
            with self.subTest(parser=parser):
                before = {e['uid']: e for e in parse(before_path)['events']}
                after = {e['uid']: e for e in parse(after_path)['events']}
                self.assertEqual(set(after), set(before))
                gone = after[removed['uid']]
                self.assertEqual(gone['status'], 'CANCELLED')
                self.assertTrue(gone['summary'].startswith('Cancelled: '))
                self.assertGreater(gone['sequence'], before[removed['uid']]['sequence'])
                self.assertEqual((gone['start'], gone['end']),
                                 (before[removed['uid']]['start'], before[removed['uid']]['end']))
                self.assertEqual(after[kept['uid']]['status'], 'CONFIRMED')
                self.assertEqual(after[kept['uid']]['sequence'],
                                 before[kept['uid']]['sequence'])

    def export_to(self, database, name):
        path = self.tmp / name
        run('--database', database, 'ics', '1', '-o', str(path))
        return path

    def test_unknown_participant_and_host(self):
        for args in (('--participant', 'nobody@example.org'), ('--host', 'nowhere')):
            result = run('--database', self.database, 'ics', str(self.dst_id), *args, check=False)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(len(result.stderr.strip().split('\n')), 1)

    def test_bad_usage(self):
        result = run('--database', self.database, 'ics', str(self.dst_id), '--host', 'h1',
                     '--participant', 'p1', check=False)
        self.assertEqual(result.returncode, 2)
        self.assertIn('Usage:', result.stderr)


if __name__ == '__main__':
    unittest.main(verbosity=2)
