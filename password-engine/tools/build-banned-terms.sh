#!/bin/sh
# Builds password-engine/src/main/resources/org/opensspr/passwordpolicy/banned-terms.txt, the global
# banned list: the most common passwords of zxcvbn's frequency lists (MIT, fetched by
# common-passwords.sh, pinned by version and sha512), tools/extra-terms.txt, years, and repeats and
# runs of four characters. Reproducible: the same pinned packages give the same file. Sources, the
# cut and licences: docs/banned-terms.md; notices: NOTICE.
#
#   apt-get install -y python3 nodejs npm     (npm downloads the pinned packages)
#   sh password-engine/tools/build-banned-terms.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/org/opensspr/passwordpolicy/banned-terms.txt"
# How many of the ranked passwords to keep; docs/banned-terms.md says why this many.
top=${BANNED_TOP:-3300}
common=$(mktemp)
trap 'rm -f "$common"' EXIT
sh "$here/common-passwords.sh" "$common"
python3 - "$common" "$top" "$here/extra-terms.txt" "$out" <<'PY'
import sys, unicodedata

common_file, top, extra_file, out_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def norm(s):
    return unicodedata.normalize('NFKC', s.strip()).lower()

def fits(t):
    return 4 <= len(t) <= 16 and not t.startswith('#') and all(c.isprintable() for c in t)

def read(path, encoding='utf-8'):
    with open(path, encoding=encoding) as f:
        return [l.rstrip('\n') for l in f]

# 1. The most common passwords of 4-12 characters, most common first. Longer ones are rare at the top
#    of the ranking and look machine-made (mailcreated5240, polniypizdec0211), and the longest term
#    sets how long a window of every password is looked up: those two alone made one evaluation about
#    20 % slower. Longer passwords still match the shorter terms inside them.
passwords = []
for p in map(norm, read(common_file)):
    if len(passwords) == top:
        break
    if fits(p) and len(p) <= 12 and p not in passwords:
        passwords.append(p)
# 2. Our own terms; 3. years, which people append ("summer2024") or use alone.
extra = [norm(l) for l in read(extra_file) if l.strip() and not l.startswith('#')]
years = [str(y) for y in range(1940, 2040)]
# 4. What zxcvbn finds by pattern and so leaves out of its lists (as it does years): one character
#    four times ("aaaa", "0000") and runs of four letters or digits, up and down ("abcd", "9876").
repeats = [c * 4 for c in '0123456789abcdefghijklmnopqrstuvwxyz']
runs = [s[i:i + 4] for s in ('0123456789', '9876543210', 'abcdefghijklmnopqrstuvwxyz', 'zyxwvutsrqponmlkjihgfedcba')
        for i in range(len(s) - 3)]

seen, sections = set(), []
for title, terms in ((f'common passwords: the {top} most common of 4-12 characters in zxcvbn 4.4.2 and @zxcvbn-ts/language-common 4.1.3'
                      ' (MIT), most common first', passwords),
                     ('OpenSSPR tools/extra-terms.txt', extra),
                     ('years 1940-2039', years),
                     ('repeats and runs of four characters (aaaa, 0000, abcd, 9876)', repeats + runs)):
    kept = []
    for t in terms:
        if fits(t) and t not in seen:
            seen.add(t)
            kept.append(t)
    sections.append((title, kept))

with open(out_file, 'w', encoding='utf-8', newline='\n') as f:
    f.write('# OpenSSPR global banned terms, built by password-engine/tools/build-banned-terms.sh; do not edit.\n')
    f.write('# Lower case, NFKC, 4-16 characters, no duplicates; substitutions are applied when loaded.\n')
    f.write('# Sources and licences: docs/banned-terms.md and NOTICE.\n')
    for title, kept in sections:
        f.write(f'# {len(kept)} {title}\n')
        f.writelines(t + '\n' for t in kept)
print(f'{len(seen)} terms -> {out_file}')
PY
