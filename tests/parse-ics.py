#!/usr/bin/python3
"""parse-ics.py: reads a calendar file with python3-icalendar and prints its events
as JSON: uid, summary, sequence, status, and start and end as Unix seconds (or as
YYYY-MM-DD for all-day events).

Usage: /usr/bin/python3 parse-ics.py FILE.ics   (Debian's python3-icalendar)
Exit status: 0 parsed; 1 unparsable; 2 parsed, but an event is broken.
"""
import datetime
import json
import sys

import icalendar


def instant(event, name, problems):
    if name not in event:
        problems.append(f'{event.get("UID")}: no {name}')
        return None
    value = event.decoded(name)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            problems.append(f'{event.get("UID")}: {name} is a floating time')
            return None
        return int(value.timestamp())
    return value.isoformat()


def main():
    with open(sys.argv[1], 'rb') as f:
        data = f.read()
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # the library raises plain ValueErrors
        print(f'unparsable: {error}', file=sys.stderr)
        return 1

    problems = []
    events = []
    for event in calendar.walk('VEVENT'):
        events.append({
            'uid': str(event.get('UID')),
            'summary': str(event.get('SUMMARY')) if 'SUMMARY' in event else None,
            'description': str(event.get('DESCRIPTION')) if 'DESCRIPTION' in event else None,
            'location': str(event.get('LOCATION')) if 'LOCATION' in event else None,
            'sequence': int(event.get('SEQUENCE', 0)),
            'status': str(event.get('STATUS')) if 'STATUS' in event else None,
            'start': instant(event, 'DTSTART', problems),
            'end': instant(event, 'DTEND', problems),
        })

    print(json.dumps({
        'name': str(calendar.get('NAME')) if 'NAME' in calendar else None,
        'method': str(calendar.get('METHOD')) if 'METHOD' in calendar else None,
        'timezones': [str(z.get('TZID')) for z in calendar.walk('VTIMEZONE')],
        'events': events,
    }, ensure_ascii=False))

    if problems:
        print('\n'.join(problems), file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main())
