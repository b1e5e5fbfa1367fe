#!/usr/bin/env bash
# check-po.sh: every translation listed in po/LINGUAS compiles cleanly and is complete.
#
# Usage: check-po.sh PO_DIR
#
# For each language in PO_DIR/LINGUAS, runs
#   msgfmt --check --check-format --statistics -o /dev/null PO_DIR/LANG.po
# and fails when msgfmt reports a problem or when any message is fuzzy or
# untranslated.  Prints one summary line per language.

set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 PO_DIR" >&2
  exit 2
fi

po_dir=$1
linguas="$po_dir/LINGUAS"

if [ ! -f "$linguas" ]; then
  echo "$linguas: no such file" >&2
  exit 1
fi

# The statistics line is in English whatever the caller's locale.
export LC_ALL=C LANGUAGE=

status=0
count=0

# LINGUAS: language codes separated by white space; '#' starts a comment.
languages=$(sed -e 's/#.*//' "$linguas" | tr -s ' \t' '\n\n')

for lang in $languages; do
  count=$((count + 1))
  po="$po_dir/$lang.po"

  if [ ! -f "$po" ]; then
    echo "$lang: FAIL: $po: no such file"
    status=1
    continue
  fi

  # msgfmt prints its statistics (and any problems) on standard error.
  if ! output=$(msgfmt --check --check-format --statistics -o /dev/null "$po" 2>&1); then
    printf '%s\n' "$output" >&2
    echo "$lang: FAIL: msgfmt --check --check-format reported errors"
    status=1
    continue
  fi

  # e.g. "218 translated messages, 1 fuzzy translation, 2 untranslated messages."
  stats=$(printf '%s\n' "$output" | grep -E '^[0-9]+ translated message' | tail -n 1)
  if [ -z "$stats" ]; then
    printf '%s\n' "$output" >&2
    echo "$lang: FAIL: no statistics from msgfmt"
    status=1
    continue
  fi

  translated=$(printf '%s\n' "$stats" | sed -n -E 's/^([0-9]+) translated message.*/\1/p')
  fuzzy=$(printf '%s\n' "$stats" | sed -n -E 's/.* ([0-9]+) fuzzy translation.*/\1/p')
  untranslated=$(printf '%s\n' "$stats" | sed -n -E 's/.* ([0-9]+) untranslated message.*/\1/p')
  fuzzy=${fuzzy:-0}
  untranslated=${untranslated:-0}

  # Warnings (msgfmt exits 0) are shown, but only errors fail the check.
  warnings=$(printf '%s\n' "$output" | grep -v -E '^[0-9]+ translated message')
  if [ -n "$warnings" ]; then
    printf '%s\n' "$warnings" >&2
  fi

  if [ "$fuzzy" -ne 0 ] || [ "$untranslated" -ne 0 ] || [ "$translated" -eq 0 ]; then
    echo "$lang: FAIL: $translated translated, $fuzzy fuzzy, $untranslated untranslated"
    status=1
  else
    echo "$lang: OK: $translated translated, 0 fuzzy, 0 untranslated"
  fi
done

if [ "$count" -eq 0 ]; then
  echo "$linguas lists no language"
fi

exit $status
