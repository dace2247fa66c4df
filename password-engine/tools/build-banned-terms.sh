#!/bin/sh
# Builds password-engine/src/main/resources/org/opensspr/passwordpolicy/banned-terms.txt, the global
# banned list, from Debian packages and tools/extra-terms.txt. Reproducible: the same package
# versions give the same file. Sources, selection and licences: password-engine/README-banned-terms.md.
#
#   apt-get install -y john-data wamerican wbritish wdutch python3
#   sh password-engine/tools/build-banned-terms.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/org/opensspr/passwordpolicy/banned-terms.txt"
for f in /usr/share/john/password.lst /usr/share/dict/american-english /usr/share/dict/british-english /usr/share/dict/dutch; do
    [ -r "$f" ] || { echo "missing $f: apt-get install -y john-data wamerican wbritish wdutch" >&2; exit 1; }
done
python3 - "$here/extra-terms.txt" "$out" <<'PY'
import re, sys, unicodedata

extra_file, out_file = sys.argv[1], sys.argv[2]

def norm(s):
    return unicodedata.normalize('NFKC', s.strip()).lower()

def fits(t):
    return 4 <= len(t) <= 16 and not t.startswith('#') and all(c.isprintable() for c in t)

def read(path, encoding='utf-8'):
    with open(path, encoding=encoding) as f:
        return [l.rstrip('\n') for l in f]

# 1. John the Ripper's password.lst, most common first.
john = [norm(l) for l in read('/usr/share/john/password.lst', 'latin-1') if not l.startswith('#!comment')]
# 2. Dictionary words (English SCOWL, Dutch OpenTaal) that people build passwords from: the runs of
#    4+ letters in John's entries ("monkey1" -> "monkey", "iloveyou" -> no word, "dragon69" -> "dragon").
dictionary = set()
for path in ('/usr/share/dict/american-english', '/usr/share/dict/british-english', '/usr/share/dict/dutch'):
    dictionary.update(norm(w) for w in read(path) if w and w[0].islower())
stems = sorted({run for p in john for run in re.findall(r'[a-z]{4,}', p) if run in dictionary})
# 3. Our own terms; 4. years, which people append ("summer2024") or use alone.
extra = [norm(l) for l in read(extra_file) if l.strip() and not l.startswith('#')]
years = [str(y) for y in range(1940, 2040)]

seen, sections = set(), []
for title, terms in (('common passwords: John the Ripper password.lst (john-data), most common first', john),
                     ('English (SCOWL: wamerican, wbritish) and Dutch (OpenTaal: wdutch) words found in those passwords', stems),
                     ('OpenSSPR tools/extra-terms.txt', extra),
                     ('years 1940-2039', years)):
    kept = []
    for t in terms:
        if fits(t) and t not in seen:
            seen.add(t)
            kept.append(t)
    sections.append((title, kept))

with open(out_file, 'w', encoding='utf-8', newline='\n') as f:
    f.write('# OpenSSPR global banned terms, built by password-engine/tools/build-banned-terms.sh; do not edit.\n')
    f.write('# Lower case, NFKC, 4-16 characters, no duplicates; substitutions are applied when loaded.\n')
    for title, kept in sections:
        f.write(f'# {len(kept)} {title}\n')
        f.writelines(t + '\n' for t in kept)
print(f'{len(seen)} terms -> {out_file}')
PY
