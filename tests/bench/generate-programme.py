#!/usr/bin/env python3
"""generate-programme.py: writes a large, valid programme document for benchmarks.

Usage: generate-programme.py [--sessions N] [--participants N] [--attendees-per-session N]
                             [--hosts N] [--organisations N] [--overlapping]
                             [--programme-dates FIRST LAST] [--no-travel] [-o FILE]

--organisations is the number of visiting organisations (200 by default), each
participant belonging to one of them in turn.

--overlapping puts every session at the same time (08:00 to 08:45 on the first day);
--programme-dates gives the programme other first and last days (the sessions stay
where they are: "0001-01-01 9999-12-31" makes a programme of all the years a date can
have); --no-travel leaves the participants without journeys and hotels.

The output is deterministic (fixed seed) and follows docs/programme-format.md.
"""
import argparse
import datetime
import json
import random
import sys
import uuid


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--sessions', type=int, default=5000)
    parser.add_argument('--participants', type=int, default=500)
    parser.add_argument('--attendees-per-session', type=int, default=10)
    parser.add_argument('--hosts', type=int, default=50)
    parser.add_argument('--organisations', type=int, default=200)
    parser.add_argument('--overlapping', action='store_true')
    parser.add_argument('--programme-dates', nargs=2, metavar=('FIRST', 'LAST'))
    parser.add_argument('--no-travel', action='store_true')
    parser.add_argument('-o', '--output', default='-')
    args = parser.parse_args()

    rng = random.Random(20270413)
    namespace = uuid.UUID('6f1f4c1e-3f55-4a8e-9a64-1c0de0000000')
    start = datetime.date(2027, 4, 5)
    # ten sessions a day per "track", hours 08:00-18:00 in 50-minute slots
    slots_per_day = 10
    tracks = max(1, args.sessions // (slots_per_day * 28) + 1)
    days = (args.sessions + slots_per_day * tracks - 1) // (slots_per_day * tracks)
    end = start + datetime.timedelta(days=days - 1)

    hosts = []
    for i in range(args.hosts):
        hosts.append({
            'id': f'h{i}',
            'name': f'Host organisation {i} UAB',
            'kind': rng.choice(['company', 'university', 'research', 'cluster']),
            'contact_name': f'Contact {i}',
            'contact_email': f'contact{i}@host{i}.example',
            'address': f'Saulėtekio al. {i + 1}',
            'city': 'Vilnius',
            'country': 'LT',
            'latitude': round(54.6 + rng.random() * 0.2, 5),
            'longitude': round(25.1 + rng.random() * 0.3, 5),
            'max_group_size': 200,
        })

    organisations = []
    for i in range(args.organisations):
        organisations.append({
            'id': f'o{i}',
            'uid': str(uuid.uuid5(namespace, f'organisation-{i}')),
            'name': f'Member company {i} Oy',
            'kind': rng.choice(['sme', 'sme', 'cluster-organisation', 'support-organisation',
                                'research']),
            'country': 'FI',
            'city': 'Helsinki',
            'latitude': round(60.1 + rng.random() * 0.2, 5),
            'longitude': round(24.8 + rng.random() * 0.3, 5),
        })

    participants = []
    for i in range(args.participants):
        participants.append({
            'id': f'p{i}',
            'name': f'Participant Mäkinen {i}',
            'email': f'participant{i}@member{i % 40}.example',
            'organisation_id': f'o{i % args.organisations}',
            'phone': f'+358 40 {i:07d}',
            'country': 'FI',
            'role': 'sme',
            'dietary': 'vegetarian' if i % 7 == 0 else None,
            'emergency_contact': f'Relative {i}, +358 50 {i:07d}',
            'travel': [
                {'kind': 'flight', 'reference': f'AY{1000 + i % 50}', 'from': 'Helsinki',
                 'to': 'Vilnius',
                 'depart': f'{(start - datetime.timedelta(days=1)).isoformat()}T17:40',
                 'depart_timezone': 'Europe/Helsinki',
                 'arrive': f'{(start - datetime.timedelta(days=1)).isoformat()}T18:55',
                 'arrive_timezone': 'Europe/Vilnius'},
                {'kind': 'flight', 'reference': f'AY{2000 + i % 50}', 'from': 'Vilnius',
                 'to': 'Helsinki',
                 'depart': f'{(end + datetime.timedelta(days=1)).isoformat()}T19:30',
                 'depart_timezone': 'Europe/Vilnius',
                 'arrive': f'{(end + datetime.timedelta(days=1)).isoformat()}T20:45',
                 'arrive_timezone': 'Europe/Helsinki'},
            ],
            'accommodation': [
                {'name': 'Hotel Neris', 'address': 'Konstitucijos pr. 1',
                 'check_in': (start - datetime.timedelta(days=1)).isoformat(),
                 'check_out': (end + datetime.timedelta(days=1)).isoformat()},
            ],
        })
        if args.no_travel:
            del participants[-1]['travel'], participants[-1]['accommodation']
        participants[-1] = {k: v for k, v in participants[-1].items() if v is not None}

    sessions = []
    for n in range(args.sessions):
        day, rest = divmod(n, slots_per_day * tracks)
        slot, track = divmod(rest, tracks)
        if args.overlapping:
            day, slot = 0, 0
        date = start + datetime.timedelta(days=day)
        begin = datetime.datetime.combine(date, datetime.time(8, 0)) + \
            datetime.timedelta(minutes=50 * slot)
        finish = begin + datetime.timedelta(minutes=45)
        attendees = rng.sample(range(args.participants),
                               min(args.attendees_per_session, args.participants))
        sessions.append({
            'id': f's{n}',
            'uid': str(uuid.uuid5(namespace, f'session-{n}')),
            'title': f'Session {n}: laser systems, track {track}',
            'kind': rng.choice(['visit', 'meeting', 'b2b', 'workshop']),
            'start': begin.strftime('%Y-%m-%dT%H:%M'),
            'end': finish.strftime('%Y-%m-%dT%H:%M'),
            'host': f'h{n % args.hosts}',
            'description': 'Presentation, lab tour and questions.\nBring your badge.',
            'attendees': [f'p{a}' for a in attendees],
            'capacity': 60,
        })

    document = {
        'format': 'visit-planner-programme',
        'version': 2,
        'programme': {
            'uid': str(uuid.uuid5(namespace, 'programme')),
            'title': f'Benchmark programme: {args.sessions} sessions',
            'status': 'draft',
            'visiting_cluster': 'Photonics Finland',
            'host_cluster': 'Lithuanian Laser Cluster',
            'host_country': 'LT',
            'timezone': 'Europe/Vilnius',
            'start_date': args.programme_dates[0] if args.programme_dates else start.isoformat(),
            'end_date': args.programme_dates[1] if args.programme_dates else end.isoformat(),
            'coordinator': {'name': 'Aino Mäkelä', 'email': 'aino@example.org'},
            'lump_sum_eur': 1100,
        },
        'hosts': hosts,
        'organisations': organisations,
        'participants': participants,
        'sessions': sessions,
    }

    out = sys.stdout if args.output == '-' else open(args.output, 'w', encoding='utf-8')
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write('\n')


if __name__ == '__main__':
    main()
