#!/usr/bin/env python3
"""check-field-plumbing.py: the code that carries fields names none of them.

A new field of a record (programme, host, participant, session, and any class
made with vp_record_param_*()) touches four places: its model class, its line
in the store's column table (src/core/store/vp-store-columns.c; the schema's
CREATE TABLE and numbered steps in vp-store-schema.c when it needs one), the
programme format, and its editor.  The plumbing between them copies,
compares, stores and diffs records property by property, so it must not name
a field.  This check reads the plumbing's C sources and fails on code there
that handles one named field:

  * the same getter called twice in one statement (a per-field comparison);
  * a getter's value bound to a statement (a per-field bind);
  * a setter fed from a result column (a per-field row read);
  * SQL that names a field's column of a record's table (per-field SQL);
  * a property's name as a string ("max-group-size");
  * a label in the context "changed field" (the model class carries them).

The plumbing is: the store (src/core/store/*.c) but for the column tables
and the schema, the snapshot diff (src/core/model/vp-snapshot-diff.c) and
the record helpers (src/core/model/vp-record.c).  Only fields that a change
names are checked: the properties made with a NULL label (a row's id, ref and
uid, which say which row it is, and the revisions and instants the store
works out) are the store's own bookkeeping.  Code that uses a field for what
it means is not plumbing and stays out of this check: the checks of values,
the CSV importer's column names, the pages that show a column, the calendar.
The few such uses inside the plumbing are listed in SEMANTIC below, each with
its reason; anything else fails.

Usage: check-field-plumbing.py SOURCE_ROOT
"""
import pathlib
import re
import sys

# (file, function) -> (the fields it may use by name, why): rules about
# what a field means, not the carrying of every field.
WRITE = 'src/core/store/vp-store-write.c'
STORE = 'src/core/store/vp-store.c'
PRIVACY = 'src/core/store/vp-store-privacy.c'
SEMANTIC = {
    (WRITE, 'session_changed'): (
        {'start', 'end', 'timezone', 'end-timezone', 'title', 'location', 'host-ref',
         'description', 'status'},
        'the changes that raise a session\'s revision: those its calendar event shows '
        '(programme-format.md)'),
    (WRITE, 'same_attendees'): (
        {'attendees-all'}, 'whom the calendar event invites, for the same rule'),
    (WRITE, 'same_attendee_list'): (
        {'attendees-all'}, 'whether a save would write the session\'s attendance rows again '
        'as they are (a session for everyone has none)'),
    (WRITE, 'host_shown_differently'): (
        {'name', 'address', 'city', 'contact-name', 'contact-email', 'phone', 'notes',
         'latitude', 'longitude'},
        'the changes of a host that its sessions\' calendar events show'),
    (WRITE, 'record_withdrawal'): (
        {'title', 'kind', 'location', 'start', 'timezone', 'end', 'end-timezone'},
        'a withdrawn event keeps what its cancellation shows in a calendar, in the '
        'withdrawals table (not a record\'s table)'),
    (STORE, 'load_withdrawals'): (
        {'title', 'kind', 'location', 'start', 'timezone', 'end', 'end-timezone'},
        'reads that back into the event that the next calendar cancels'),
    (WRITE, 'cancel_missing_sessions'): (
        {'status'}, 'a session missing from an update is cancelled'),
    (WRITE, 'row_display_name'): (
        {'title', 'name'}, 'what a row is called in a message'),
    (WRITE, 'stored_timezone'): (
        {'timezone'}, 'the zone the programme\'s local times are resolved in'),
    (STORE, 'row_to_object'): (
        {'host-ref', 'organisation-ref', 'organisation'},
        'a session\'s host and a participant\'s organisation are rows of their own: stored as '
        'host_id and organisation_id (which the writer binds), read as their ref (and the '
        'organisation\'s name) by a join'),
    (STORE, 'rows_sql'): (
        {'name'}, 'the join that reads a participant\'s organisation\'s name'),
    (STORE, 'vp_store_collect_organisation_visits'): (
        {'name', 'country', 'title', 'start-date', 'status'},
        'which organisations visit in other programmes (not cancelled): by name and '
        'registered country, named by the programme\'s title, ordered by its first day'),
    (WRITE, 'write_organisation'): (
        {'name'}, 'an organisation\'s name is shown by its people: their rows change with it'),
    (STORE, 'refresh_programmes'): (
        {'start-date'}, 'the programmes, latest first'),
    (STORE, 'vp_store_collect_other_visits'): (
        {'email', 'title', 'start-date'},
        'who visits in other programmes: by email, named by the programme\'s title'),
    (PRIVACY, 'purge_steps'): (
        {'email', 'phone', 'dietary', 'accessibility', 'emergency-contact', 'notes'},
        'what a purge erases after the retention date (docs/programme-format.md, Retention): '
        'the personal fields, by what they mean, not every field'),
    (PRIVACY, 'erase_person_steps'): (
        {'email', 'coordinator-name', 'coordinator-email', 'contact-name', 'contact-email'},
        'a person is found by their email wherever it is held, and their name and email taken '
        'out where they are a contact (docs/cli.md, person erase)'),
    ('src/core/model/vp-snapshot-diff.c', 'diff_sessions'): (
        {'status'}, 'a session whose status becomes cancelled is a cancellation'),
    ('src/core/model/vp-snapshot-diff.c', 'vp_snapshot_change_get_field_values'): (
        {'country'}, 'the import preview shows a country (any member ending in "country") '
        'by its name, not its code'),
}

PLUMBING_FOLDERS = ['src/core/store']
PLUMBING_EXCEPT = {'src/core/store/vp-store-columns.c', 'src/core/store/vp-store-schema.c'}
PLUMBING_FILES = ['src/core/model/vp-snapshot-diff.c', 'src/core/model/vp-record.c']

SQL = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|WHERE|ORDER BY|SET)\b')


def strip_comments(text):
    """The text with comments blanked, lines kept."""
    def blank(match):
        return re.sub(r'[^\n]', ' ', match.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*', blank, text, flags=re.S)


def record_classes(root):
    """{prefix: {'labelled': {property}, 'table': sql table, 'alias': a,
    'columns': {property: sql column}}} for every class made with
    vp_record_param_*()."""
    classes = {}
    for path in sorted((root / 'src').rglob('*.c')):
        text = strip_comments(path.read_text(encoding='utf-8'))
        kind = re.search(r'G_DEFINE_(?:FINAL_)?TYPE\s*\(\s*\w+\s*,\s*(\w+)\s*,', text)
        params = re.findall(r'vp_record_param_\w+\s*\(\s*"([a-z0-9-]+)"\s*,\s*FIELD\s*\(\s*\w+\s*\)'
                            r'\s*,\s*(NULL|NC_)', text)
        if kind is None or not params:
            continue
        classes[kind.group(1)] = {
            'file': path.relative_to(root).as_posix(),
            'labelled': {name for name, label in params if label != 'NULL'},
            'columns': {},
        }

    columns = strip_comments((root / 'src/core/store/vp-store-columns.c')
                             .read_text(encoding='utf-8'))
    arrays = {}
    for match in re.finditer(r'static const VpColumn (\w+)\[\]\s*=\s*\{(.*?)\n\};', columns,
                             re.S):
        arrays[match.group(1)] = dict(
            (prop, sql) for sql, prop in re.findall(r'\{\s*"(\w+)"\s*,\s*"([a-z0-9-]+)"',
                                                    match.group(2)))
    for match in re.finditer(r'"(\w+)"\s*,\s*"(\w+)"\s*,\s*(\w+)_get_type\s*,\s*NULL\s*,'
                             r'\s*(\w+)\s*,', columns):
        table, alias, prefix, array = match.groups()
        if prefix in classes:
            classes[prefix].update(table=table, alias=alias, columns=arrays.get(array, {}))
    return classes


def statements(text):
    """(line, statement) for each statement or block opening of @text."""
    line = 1
    start_line = 1
    current = []
    for char in text:
        if char in ';{}':
            current.append(char)
            yield start_line, ''.join(current)
            current = []
            start_line = line
        else:
            if not current and char.isspace():
                if char == '\n':
                    line += 1
                start_line = line
                continue
            current.append(char)
        if char == '\n':
            line += 1


def functions(text):
    """The name of the function each line is in (GNU style: the name at the
    start of a line, then its parameters)."""
    names = []
    name = None
    for line in text.splitlines():
        match = re.match(r'([a-z_][a-z0-9_]*) \(', line)
        if match:
            name = match.group(1)
        names.append(name)
    return names


def literals(statement):
    """The string literals of @statement, adjacent ones joined."""
    joined = re.sub(r'"\s*\n?\s*"', '', statement)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', joined)


def check_file(root, relative, classes):
    text = strip_comments((root / relative).read_text(encoding='utf-8'))
    owners = functions(text)
    problems = []

    getter = {}
    setter = {}
    names = {}
    for prefix, info in classes.items():
        for prop in info['labelled']:
            member = prop.replace('-', '_')
            getter[f'{prefix}_get_{member}'] = (prefix, prop)
            setter[f'{prefix}_set_{member}'] = (prefix, prop)
            names[prop] = prefix

    for line, statement in statements(text):
        function = owners[line - 1] if line - 1 < len(owners) else None
        allowed = SEMANTIC.get((relative, function), (set(), None))[0]
        where = f'{relative}:{line}: {function or "(file scope)"}'
        calls = re.findall(r'\b(vp_\w+_[gs]et_\w+)\s*\(', statement)

        arguments = {}
        for call, argument in re.findall(r'\b(vp_\w+_get_\w+)\s*\(\s*([^()]*?)\s*\)',
                                         statement):
            arguments.setdefault(call, set()).add(argument)
        for call, seen in arguments.items():
            if call in getter and len(seen) > 1 and getter[call][1] not in allowed:
                problems.append(f'{where}: compares the field {getter[call][1]} of '
                                f'{getter[call][0]} ({call} of {", ".join(sorted(seen))})')
        if re.search(r'\bbind\w*\s*\(', statement):
            for call in calls:
                if call in getter and getter[call][1] not in allowed:
                    problems.append(f'{where}: binds the field {getter[call][1]} of '
                                    f'{getter[call][0]} ({call})')
        if re.search(r'\b(sqlite3_)?column_\w+\s*\(', statement):
            for call in calls:
                if call in setter and setter[call][1] not in allowed:
                    problems.append(f'{where}: reads the field {setter[call][1]} of '
                                    f'{setter[call][0]} from a column ({call})')

        for literal in literals(statement):
            if literal in names and literal not in allowed:
                problems.append(f'{where}: names the property "{literal}" of {names[literal]}')
            if not SQL.search(literal):
                continue
            for prefix, info in classes.items():
                table = info.get('table')
                if table is None:
                    continue
                qualified = re.findall(rf'\b{info["alias"]}\.(\w+)', literal)
                plain = (re.findall(r'\b(\w+)\b', literal)
                         if re.search(rf'\b{table}\b', literal) else [])
                for prop in sorted(info['labelled']):
                    column = info['columns'].get(prop)
                    if prop in allowed:
                        continue
                    if column is not None and (column in qualified or column in plain):
                        problems.append(f'{where}: SQL names the column {column} of {table} '
                                        f'(the field {prop})')

        if 'NC_' in statement and '"changed field"' in statement:
            problems.append(f'{where}: labels a changed field (the model class names its '
                            f'fields: vp_record_param_*())')
    return problems


def main():
    root = pathlib.Path(sys.argv[1])
    classes = record_classes(root)
    problems = []

    # not vacuous: the classes, their labelled fields and their column tables were found
    for prefix in ('vp_programme', 'vp_host', 'vp_participant', 'vp_session'):
        info = classes.get(prefix)
        if info is None or len(info['labelled']) < 5 or len(info['columns']) < 5:
            problems.append(f'{prefix}: its properties or its column table were not found')

    files = [p.relative_to(root).as_posix()
             for folder in PLUMBING_FOLDERS for p in sorted((root / folder).glob('*.c'))]
    files = [f for f in files if f not in PLUMBING_EXCEPT] + PLUMBING_FILES
    for relative in files:
        problems += check_file(root, relative, classes)

    for (relative, function) in SEMANTIC:
        text = (root / relative).read_text(encoding='utf-8')
        if not re.search(rf'^{function} \(', text, re.M):
            problems.append(f'{relative}: {function}: listed in SEMANTIC, but no such function')

    for problem in problems:
        print(problem)
    print(f'{len(classes)} record classes, {len(files)} files of plumbing, '
          f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
