#!/usr/bin/env python3
"""stress-programme.py: a programme that strains the printed layouts, as a version-2 exchange
document (docs/programme-format.md).

Usage: stress-programme.py [--participants N] [--days N] [--seed N] [-o FILE]

Its people (200 by default) have names in Lithuanian, Finnish, Greek and
Arabic, a quarter of them exactly 80 characters long; each has an email
address, a phone, an emergency contact, most a dietary need or an access
need (the personal data a layout must or must not print), consent to keep
and share all of it, a journey there and back and hotel stays that begin before the programme's first day and
end after its last. They belong to organisations of several countries and
scripts. Every weekday has a coach (a transfer), site visits for two groups,
a lunch and a dinner (meals and social), a workshop for everyone and B2B
meetings for a few; one session has a description of 5,000 characters,
one is cancelled, one is tentative, one has no host, one has a title of
150 characters.

stress_programme() returns the document as a dict, for tests that change it
before they import it; the output is the same for the same arguments.
"""
import argparse
import datetime
import json
import random
import sys

LITHUANIAN = (["Rūta", "Žydrūnas", "Gintarė", "Vytautas", "Aušra", "Šarūnas", "Dalia", "Jūratė"],
              ["Kazlauskienė", "Šimkus", "Čepulytė", "Žukauskas", "Jankauskaitė", "Mačiulis",
               "Butkevičienė", "Paškevičius"])
FINNISH = (["Aino", "Jukka", "Päivi", "Ville", "Sanna", "Mikko", "Liisa", "Tuomas"],
           ["Mäkelä", "Räsänen", "Hämäläinen", "Kärkkäinen", "Höglund", "Väänänen", "Öhman",
            "Järvinen"])
GREEK = (["Αικατερίνη", "Γεώργιος", "Δημήτρης", "Ελένη", "Νικόλαος", "Σοφία", "Ιωάννης",
          "Μαρία"],
         ["Παπαδοπούλου", "Οικονόμου", "Κωνσταντινίδης", "Γεωργίου", "Αθανασίου", "Νικολάου",
          "Δημητρίου", "Βασιλείου"])
ARABIC = (["محمد", "فاطمة", "عبد الله", "ليلى", "يوسف", "مريم", "خالد", "نور"],
          ["العبدالله", "الزهراني", "بن عمر", "الحسيني", "المصري", "الخطيب", "السعدي",
           "القحطاني"])
# (given and family names, country, phone prefix)
PEOPLE = [(LITHUANIAN, "LT", "+370 6"), (FINNISH, "FI", "+358 40"), (GREEK, "GR", "+30 69"),
          (ARABIC, "SE", "+46 70")]

ORGANISATIONS = [
    ("Lietuvos lazerių ir šviesos technologijų mokslinių tyrimų centras UAB", "LT", "research"),
    ("Šiaurės Fotonikos Klasteris", "LT", "cluster-organisation"),
    ("Pohjois-Karjalan Fotoniikan ja Optoelektroniikan Kehittämiskeskus Oy", "FI", "sme"),
    ("Jyväskylän Valoteknologia Oy", "FI", "sme"),
    ("Κέντρο Φωτονικής Έρευνας και Τεχνολογίας Θεσσαλονίκης Α.Ε.", "GR", "research"),
    ("Ελληνική Ένωση Εταιρειών Οπτικής", "GR", "support-organisation"),
    ("شركة البصريات المتقدمة للتقنية", "SE", "sme"),
    ("Nordic Precision Optics AB", "SE", "sme"),
    ("Tartu Photonics Accelerator OÜ", "EE", "cluster-organisation"),
    ("Kauno technologijų parkas VšĮ", "LT", "support-organisation"),
]

DIETARY = ["vegetarian", "vegan", "halal", "gluten-free", "no pork", "nut allergy",
           "lactose intolerance", "kosher", "pescatarian", None, None]
ACCESS = ["wheelchair user", "step-free access needed", "hearing loop", "guide dog", None, None,
          None, None]


def person_name(index, length=None):
    """The name of person @index, in the script of its place in PEOPLE; of
    exactly @length characters when given (more given and family names,
    cut)."""
    (given, family), _, _ = PEOPLE[index % len(PEOPLE)]
    first = given[(index // len(PEOPLE)) % len(given)]
    last = family[(index // (len(PEOPLE) * len(given))) % len(family)]
    if length is None:
        # the same pair comes back after 256 people: a number tells them apart
        return f"{first} {last}" + ("" if index < 256 else f" {index // 256 + 1}")
    words = [first]
    k = index
    while len(" ".join(words)) < length:
        k += 5
        words.append(family[k % len(family)] if len(words) % 2 else given[k % len(given)])
    head = " ".join(words)[:length - len(last) - 1]
    if head.endswith(" "):
        head = head[:-1] + first[0]
    return f"{head} {last}"


def long_text(length):
    """Words and paragraphs of @length characters."""
    words = ["šviesolaidžių", "gamyba", "yhteistyö", "tutkimus", "φωτονική", "έρευνα",
             "البصريات", "laser", "optics", "precision", "cleanroom", "measurement"]
    out = []
    size = 0
    n = 0
    while size < length:
        word = f"{words[n % len(words)]}{n:04d}"
        out.append(word + ("\n\n" if n % 40 == 39 else " "))
        size += len(out[-1])
        n += 1
    text = "".join(out)[:length]
    # as long as asked: no white space at the cut
    return text[:-1] + "x" if text[-1:].isspace() else text


def stress_programme(participants=200, days=5, seed=20270510, uid="stress-programme",
                     description_length=5000, name_length=80):
    """The document, as a dict (see the module's description)."""
    rng = random.Random(seed)  # the people's roles
    first = datetime.date(2027, 5, 10)  # a Monday
    dates = [first + datetime.timedelta(days=d) for d in range(days)]
    last = dates[-1]

    hosts = [
        {"id": "h-cluster", "name": "Lietuvos lazerių asociacija", "kind": "cluster",
         "address": "Saulėtekio al. 15", "city": "Vilnius", "country": "LT",
         "contact_name": "Rūta Kazlauskienė", "contact_email": "ruta@lazeriai.example",
         "phone": "+370 5 210 4410", "latitude": 54.7226, "longitude": 25.3378},
        {"id": "h-lab", "name": "Fizinių ir technologijos mokslų centras", "kind": "research",
         "address": "Saulėtekio al. 3", "city": "Vilnius", "country": "LT",
         "latitude": 54.7237, "longitude": 25.3372, "notes": "Cleanroom: shoe covers."},
        {"id": "h-factory", "name": "Šviesos Technologijos UAB", "kind": "company",
         "address": "Mokslininkų g. 11", "city": "Vilnius", "country": "LT",
         "latitude": 54.7300, "longitude": 25.2600},
        {"id": "h-park", "name": "Santaros slėnis", "kind": "public",
         "address": "Santariškių g. 5", "city": "Vilnius", "country": "LT",
         "latitude": 54.7300, "longitude": 25.2600},
        {"id": "h-hotel", "name": "Hotel Neris Riverside", "kind": "other",
         "address": "Konstitucijos pr. 1", "city": "Vilnius", "country": "LT"},
    ]

    organisations = []
    for n, (name, country, kind) in enumerate(ORGANISATIONS):
        organisations.append({"id": f"o{n}", "uid": f"{uid}-org-{n}", "name": name,
                              "kind": kind, "country": country,
                              "latitude": round(55 + n * 0.7, 4), "longitude": 24.0 + n})

    people = []
    for i in range(participants):
        _, country, prefix = PEOPLE[i % len(PEOPLE)]
        # a quarter of each script's names as long as @name_length
        name = person_name(i, name_length if (i // len(PEOPLE)) % 4 == 1 else None)
        arrive = first - datetime.timedelta(days=1 + i % 2)
        leave = last + datetime.timedelta(days=1 + (i // 2) % 2)
        person = {
            "id": f"p{i:03d}",
            "name": name,
            "email": f"person{i:03d}@stress.example",
            "organisation_id": f"o{i % len(ORGANISATIONS)}",
            "phone": f"{prefix} {100 + i:03d} {1000 + i * 7 % 9000:04d}",
            "country": country,
            "role": rng.choice(["sme", "researcher", "cluster-manager", "support-organisation"]),
            "dietary": DIETARY[i % len(DIETARY)],
            "accessibility": ACCESS[i % len(ACCESS)],
            "emergency_contact": f"Kin of person {i:03d}, {prefix} 999 {i:04d}",
            # all they could agree to, so that every need and contact is kept
            "consent": {"fields": ["dietary", "accessibility", "emergency-contact",
                                   "share-with-hosts", "share-with-participants"],
                        "given": "2027-03-01", "wording": "Stress registration form"},
            "travel": [
                {"kind": "flight", "reference": f"XS{1000 + i}", "from": "Helsinki",
                 "to": "Vilnius", "depart": f"{arrive}T17:40",
                 "depart_timezone": "Europe/Helsinki", "arrive": f"{arrive}T18:55"},
                {"kind": "flight", "reference": f"XS{5000 + i}", "from": "Vilnius",
                 "to": "Helsinki", "depart": f"{leave}T19:30", "arrive": f"{leave}T20:45",
                 "arrive_timezone": "Europe/Helsinki"},
            ],
            # the nights before and after the programme too; every third
            # person moves hotel half way
            "accommodation": [
                {"name": "Hotel Neris Riverside", "address": "Konstitucijos pr. 1",
                 "check_in": str(arrive), "check_out": str(leave)}
                if i % 3 else
                {"name": "Hotel Neris Riverside", "address": "Konstitucijos pr. 1",
                 "check_in": str(arrive), "check_out": str(dates[len(dates) // 2])},
            ] + ([] if i % 3 else [
                {"name": "Senamiesčio svečių namai", "address": "Pilies g. 8",
                 "check_in": str(dates[len(dates) // 2]), "check_out": str(leave)}]),
        }
        people.append({k: v for k, v in person.items() if v is not None})

    group_a = [p["id"] for n, p in enumerate(people) if n % 2 == 0]
    group_b = [p["id"] for n, p in enumerate(people) if n % 2 == 1]
    sessions = []

    def add(day, ident, title, kind, start, end, host=None, attendees="all", **extra):
        session = {"id": f"{ident}-{day}", "uid": f"{uid}-{ident}-{day}", "title": title,
                   "kind": kind, "start": f"{day}T{start}", "end": f"{day}T{end}",
                   "attendees": attendees}
        if host:
            session["host"] = host
        session.update(extra)
        sessions.append(session)

    for n, day in enumerate(dates):
        add(day, "coach", "Coach from the hotel", "transfer", "08:30", "08:55")
        add(day, "visit-a", f"Site visit, group A: laboratories and cleanroom ({n + 1})", "visit",
            "09:15", "11:15", "h-lab", group_a)
        add(day, "visit-b", f"Site visit, group B: production lines ({n + 1})", "visit",
            "09:15", "11:15", "h-factory", group_b)
        add(day, "lunch", "Lunch with the hosts", "meal", "11:45", "12:45", "h-cluster")
        add(day, "workshop", f"Workshop {n + 1}: šviesolaidžiai, φωτονική, البصريات", "workshop",
            "13:00", "15:30", "h-cluster")
        add(day, "b2b", f"B2B meetings, round {n + 1}", "b2b", "15:45", "17:15", "h-park",
            [p["id"] for k, p in enumerate(people) if k % 7 == n % 7])
        add(day, "dinner", "Dinner in the Old Town", "social", "19:00", "21:30",
            location="Pilies g. 8, Vilnius")

    # the strains: a long description, a long title, a cancelled, a tentative and a
    # hostless session
    sessions[4]["description"] = long_text(description_length)
    sessions[1]["title"] = ("Site visit with a very long title: " +
                            "Šviesolaidžių gamybos linija, tyrimų laboratorijos ir "
                            "švarios patalpos; yhteistyö ja tutkimus; φωτονική έρευνα "
                            "και τεχνολογία; البصريات الدقيقة")[:150]
    b2b = [s for s in sessions if s["kind"] == "b2b"]
    b2b[0]["status"] = "tentative"
    if len(b2b) > 1:
        b2b[1].update({"status": "cancelled", "title": "Cancelled B2B round"})
    if len(b2b) > 2:
        # and one without a host
        del b2b[-1]["host"]

    return {
        "format": "visit-planner-programme",
        "version": 2,
        "programme": {
            "uid": uid,
            "title": "Stress programme: šviesa, valo, φως, ضوء",
            "description": "Printed layouts under strain.",
            "status": "confirmed",
            "visiting_cluster": "Nordic–Hellenic Photonics Alliance",
            "host_cluster": "Lietuvos lazerių asociacija",
            "host_country": "LT",
            "timezone": "Europe/Vilnius",
            "start_date": str(first),
            "end_date": str(last),
            "coordinator": {"name": "Aino Mäkelä", "email": "aino@stress.example"},
            "lump_sum_eur": 1100,
        },
        "hosts": hosts,
        "organisations": organisations,
        "participants": people,
        "sessions": sessions,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20270510)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()

    document = stress_programme(participants=args.participants, days=args.days, seed=args.seed)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
