"""vptranslations.py: what the tests of the translations share.

A fresh template (.pot) made from po/POTFILES.in as meson's i18n module
makes it (the 'glib' preset's keywords and flags), a small reader and writer
of PO files, and pseudo-translations: every message written with marked
letters, its printf and date conversions kept, so that a test can tell the
words of one language from another's without a real translation.

Meson runs every test file as a script, which puts this folder first on
sys.path: `import vptranslations` finds this module.
"""

import os
import re
import subprocess

# meson's i18n module, preset 'glib' (mesonbuild/modules/i18n.py), and the
# arguments its gettext script adds (mesonbuild/scripts/gettext.py).
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# The Plural-Forms of each language of the project.
PLURAL_FORMS = {
    'en': 'nplurals=2; plural=(n != 1);',
    'de': 'nplurals=2; plural=(n != 1);',
    'fr': 'nplurals=2; plural=(n > 1);',
    'fi': 'nplurals=2; plural=(n != 1);',
    'sv': 'nplurals=2; plural=(n != 1);',
    'lt': 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : '
          'n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);',
}


def make_pot(source_root, output):
    """Writes the template of every message in @source_root's po/POTFILES.in
    to @output, as `meson compile visit-planner-pot` would."""
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    subprocess.run(['xgettext', '--package-name=visit-planner',
                    '-f', os.path.join(source_root, 'po', 'POTFILES.in'),
                    '-D', source_root, '-k_', '-o', os.path.abspath(output)] + XGETTEXT_ARGS,
                   check=True, capture_output=True, env=env, cwd=source_root)


def _unquote(text):
    """The value of a PO string literal (without its quotes)."""
    escapes = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(1)), text)


def _quote(text):
    return '"' + (text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
                  .replace('\t', '\\t').replace('\r', '\\r')) + '"'


def read_po(path):
    """The messages of a PO file, the header first: dicts with 'msgctxt'
    (or None), 'msgid', 'msgid_plural' (or None), 'msgstr' (a list: one, or
    one per plural form), 'flags' (a set) and 'obsolete'."""
    entries = []
    entry = None
    field = None
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line.strip():
                entry = None
                continue
            if line.startswith('#,'):
                if entry is None or 'msgid' in entry:
                    entry = {'msgctxt': None, 'msgid_plural': None, 'msgstr': [],
                             'flags': set(), 'obsolete': obsolete}
                    entries.append(entry)
                entry['flags'].update(flag.strip() for flag in line[2:].split(','))
                continue
            if line.startswith('#'):
                continue
            match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if match:
                keyword, value = match.group(1), _unquote(match.group(2))
                if entry is None or (keyword in ('msgctxt', 'msgid') and 'msgid' in entry):
                    entry = {'msgctxt': None, 'msgid_plural': None, 'msgstr': [],
                             'flags': set(), 'obsolete': obsolete}
                    entries.append(entry)
                if keyword.startswith('msgstr'):
                    entry['msgstr'].append(value)
                    field = ('msgstr', len(entry['msgstr']) - 1)
                else:
                    entry[keyword] = value
                    field = (keyword, None)
                continue
            match = re.match(r'"(.*)"$', line.strip())
            if match and entry is not None and field is not None:
                name, index = field
                if index is None:
                    entry[name] += _unquote(match.group(1))
                else:
                    entry['msgstr'][index] += _unquote(match.group(1))
    return entries


def write_po(entries, path, language):
    """Writes @entries (as read_po gives them, the header left out: this
    writes its own) as a PO file in @language."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write('msgid ""\nmsgstr ""\n'
                '"Project-Id-Version: visit-planner\\n"\n'
                '"PO-Revision-Date: 2027-01-01 00:00+0000\\n"\n'
                '"Last-Translator: Visit Planner tests\\n"\n'
                '"Language-Team: none\\n"\n'
                '"Language: %s\\n"\n'
                '"MIME-Version: 1.0\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Content-Transfer-Encoding: 8bit\\n"\n'
                '"Plural-Forms: %s\\n"\n\n' % (language, PLURAL_FORMS[language]))
        for entry in entries:
            if entry['msgid'] == '' or entry.get('obsolete'):
                continue
            flags = sorted(entry['flags'])
            if flags:
                f.write('#, %s\n' % ', '.join(flags))
            if entry['msgctxt'] is not None:
                f.write('msgctxt %s\n' % _quote(entry['msgctxt']))
            f.write('msgid %s\n' % _quote(entry['msgid']))
            if entry['msgid_plural'] is not None:
                f.write('msgid_plural %s\n' % _quote(entry['msgid_plural']))
                for i, text in enumerate(entry['msgstr']):
                    f.write('msgstr[%d] %s\n' % (i, _quote(text)))
            else:
                f.write('msgstr %s\n' % _quote(entry['msgstr'][0] if entry['msgstr'] else ''))
            f.write('\n')


# A printf conversion ("%s", "%1$s", "%'.2f", "%u"), a date one ("%A",
# "%-d", "%OB") or "%%": kept as they are.
CONVERSION = re.compile(r"%(?:\d+\$)?[-_0^#' +]*\d*(?:\.\d+)?(?:l|ll|h|z|O|E|G_GINT64_FORMAT)?"
                        r"[a-zA-Z%]")

# Marked vowels of pseudo-languages, one set each, none shared.
MARKS = {
    'grave': str.maketrans('aeiouyAEIOUY', 'àèìòùỳÀÈÌÒÙỲ'),
    'circumflex': str.maketrans('aeiouyAEIOUY', 'âêîôûŷÂÊÎÔÛŶ'),
    'diaeresis': str.maketrans('aeiouyAEIOUY', 'äëïöüÿÄËÏÖÜŸ'),
    'acute': str.maketrans('aeiouyAEIOUY', 'áéíóúýÁÉÍÓÚÝ'),
    'tilde': str.maketrans('aeiouyAEIOUY', 'ãẽĩõũỹÃẼĨÕŨỸ'),
}


def pseudo(text, mark):
    """@text with its vowels marked (MARKS[@mark]), its conversions kept."""
    table = MARKS[mark]
    parts = []
    last = 0
    for match in CONVERSION.finditer(text):
        parts.append(text[last:match.start()].translate(table))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(table))
    return ''.join(parts)


def pseudo_catalog(pot, language, mark, output_dir):
    """Compiles a pseudo-translation of every message of @pot into
    @output_dir/LANGUAGE/LC_MESSAGES/visit-planner.mo; returns its path."""
    entries = read_po(pot)
    nplurals = int(re.search(r'nplurals=(\d+)', PLURAL_FORMS[language]).group(1))
    for entry in entries:
        if entry['msgid_plural'] is not None:
            entry['msgstr'] = ([pseudo(entry['msgid'], mark)]
                               + [pseudo(entry['msgid_plural'], mark)] * (nplurals - 1))
        else:
            entry['msgstr'] = [pseudo(entry['msgid'], mark)]
    folder = os.path.join(output_dir, language, 'LC_MESSAGES')
    os.makedirs(folder, exist_ok=True)
    po = os.path.join(output_dir, language + '.po')
    write_po(entries, po, language)
    mo = os.path.join(folder, 'visit-planner.mo')
    subprocess.run(['msgfmt', '-o', mo, po], check=True, capture_output=True)
    return mo


def words_of(entries):
    """The words (3 letters or more, lower case) of @entries' English
    messages, their conversions left out."""
    words = set()
    for entry in entries:
        for text in (entry['msgid'], entry['msgid_plural'] or ''):
            for word in re.findall(r'[A-Za-z]{3,}', CONVERSION.sub(' ', text)):
                words.add(word.lower())
    return words
