#!/usr/bin/env python3
"""check-capitalization.py: the window's headings and controls in header capitalization.

GNOME's interface guidelines: header capitalization for headings (windows,
dialogs, empty states, groups, pages) and for short control labels (buttons,
menu items, dialog responses); sentence capitalization for what reads as a
sentence (descriptions, subtitles, toasts, placeholders, values).  This test
checks the first kind, where the widget says which it is:

* in ui/*.ui: the titles of windows, dialogs, status pages, preference pages
  and groups, view stack pages and window titles; the labels of buttons; the
  labels of menu items;
* in src/gui: the titles given by gtk_window_set_title() and
  adw_status_page_set_title(), the heading of adw_message_dialog_new(), the
  responses of message dialogs and the labels of buttons.

Usage: check-capitalization.py SOURCE_ROOT
"""

import html
import pathlib
import re
import sys

# Articles, coordinating conjunctions and prepositions of up to four letters:
# lower case inside a heading.
MINOR = {'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'on', 'in', 'to', 'at',
         'by', 'per', 'as', 'via', 'from', 'with', 'into', 'onto', 'off', 'up', 'out'}

UI_TITLED = {'AdwWindow', 'GtkWindow', 'AdwPreferencesWindow', 'AdwStatusPage',
             'AdwPreferencesPage', 'AdwPreferencesGroup', 'AdwViewStackPage', 'AdwWindowTitle',
             'GtkDialog', 'AdwMessageDialog'}
UI_LABELLED = {'GtkButton', 'GtkToggleButton', 'GtkMenuButton', 'AdwSplitButton',
               'AdwButtonContent', 'GtkLinkButton'}

C_CALLS = [
    re.compile(r'gtk_window_set_title\s*\([^;]*?,\s*(?:[^;]*?\?\s*)?_\("([^"]+)"\)', re.S),
    re.compile(r'adw_status_page_set_title\s*\([^;]*?_\("([^"]+)"\)', re.S),
    re.compile(r'adw_message_dialog_new\s*\([^,;]*,\s*_\("([^"]+)"\)', re.S),
    re.compile(r'gtk_button_set_label\s*\([^;]*?_\("([^"]+)"\)', re.S),
    re.compile(r'gtk_button_new_with_(?:mnemonic|label)\s*\(\s*_\("([^"]+)"\)', re.S),
    re.compile(r'adw_message_dialog_add_response\s*\([^;]*?,\s*"[^"]*",\s*_\("([^"]+)"\)', re.S),
]
CHECKED = []

RESPONSES = re.compile(r'adw_message_dialog_add_responses\s*\(([^;]*)\);', re.S)


def lower_words(text):
    """The words of @text that header capitalization would capitalize."""
    text = text.replace('_', '')
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return [w for i, w in enumerate(words)
            if w[0].islower() and (i == 0 or i == len(words) - 1 or w.lower() not in MINOR)]


def is_heading_text(text):
    """Whether @text is short enough to be a heading or a label, not a sentence."""
    return not text.rstrip().endswith(('.', ':')) and len(text.split()) <= 8


def check_ui(path, relative, problems):
    source = path.read_text(encoding='utf-8')
    classes = []
    for match in re.finditer(r'<object class="(\w+)"[^>]*?(/?)>|</object>|'
                             r'<(property|attribute) name="([\w-]+)"([^>]*)>([^<]*)(?=<)', source):
        if match.group(1):
            if not match.group(2):
                classes.append(match.group(1))
            continue
        if match.group(0) == '</object>':
            if classes:
                classes.pop()
            continue
        kind, name, attributes, text = match.group(3, 4, 5, 6)
        if 'translatable="yes"' not in attributes:
            continue
        text = html.unescape(text)
        owner = classes[-1] if classes else ''
        inside_accessibility = source.rfind('<accessibility>', 0, match.start()) > \
            source.rfind('</accessibility>', 0, match.start())
        wanted = ((kind == 'attribute' and name == 'label') or
                  (not inside_accessibility and
                   ((name in ('title', 'heading') and owner in UI_TITLED) or
                    (name == 'label' and owner in UI_LABELLED))))
        if wanted and is_heading_text(text):
            CHECKED.append(text)
            line = source.count('\n', 0, match.start()) + 1
            words = lower_words(text)
            if words:
                problems.append(f'{relative}:{line}: “{text}” ({owner or "menu"} {name}): '
                                f'header capitalization wants {", ".join(words)} capitalized')


def check_c(path, relative, problems):
    source = path.read_text(encoding='utf-8')
    found = []
    for pattern in C_CALLS:
        for match in pattern.finditer(source):
            found.append((match.start(1), match.group(1)))
    for match in RESPONSES.finditer(source):
        for label in re.finditer(r'"[^"]*",\s*_\("([^"]+)"\)', match.group(1)):
            found.append((match.start(1) + label.start(1), label.group(1)))
    for offset, text in sorted(found):
        if not is_heading_text(text):
            continue
        CHECKED.append(text)
        words = lower_words(text)
        if words:
            line = source.count('\n', 0, offset) + 1
            problems.append(f'{relative}:{line}: “{text}”: header capitalization wants '
                            f'{", ".join(words)} capitalized')


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []
    checked = 0
    for path in sorted((root / 'ui').glob('*.ui')):
        check_ui(path, path.relative_to(root).as_posix(), problems)
        checked += 1
    for path in sorted((root / 'src' / 'gui').rglob('*.c')):
        check_c(path, path.relative_to(root).as_posix(), problems)
        checked += 1
    for problem in problems:
        print(problem)
    print(f'{checked} files, {len(CHECKED)} headings and labels, {len(problems)} problems')
    # a pattern that stopped matching must not pass for a clean tree
    if len(CHECKED) < 100:
        print('too few headings and labels found: the patterns no longer match the code')
        return 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
