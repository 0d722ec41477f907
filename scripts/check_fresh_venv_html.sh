#!/bin/sh
# Case 02 (issue 11): the HTML path works in a fresh venv made with the interpreter's own pip
# (python -m venv brings a pip that does not resolve lxml[html_clean] through trafilatura's
# extra; kclmap declares lxml_html_clean itself). Needs the package index; takes minutes.
#   sh scripts/check_fresh_venv_html.sh [python3.11]
set -eu
PY=${1:-python3.11}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=$(mktemp -d)/venv
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q "$ROOT"
CASE="$ROOT/tests/data/cases/02-html-import-lxml-clean/articles"
OUT=$("$VENV/bin/kclmap" extract "$CASE" --json)
echo "$OUT" | grep -q '"type": "airstrike", .*"event_date": "2022-06-13"'
echo "$OUT" | grep -q '"type": "arrest", .*"event_date": "2022-06-12"'
echo "$OUT" | grep -q '"source": ".*brief.txt"'
echo "fresh venv ($("$VENV/bin/pip" --version | cut -d' ' -f1-2)): HTML page and .txt article read, events found"
rm -rf "$(dirname "$VENV")"
