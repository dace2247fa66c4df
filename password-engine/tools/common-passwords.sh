#!/bin/sh
# Writes OUT: common passwords, most common first, one a line, from the MIT-licensed frequency lists
# of zxcvbn (Dropbox) as published on the npm registry. Both packages are pinned by version and by
# the sha512 of their tarball (the registry's dist.integrity), so the same OUT comes out every time.
# build-banned-terms.sh and make-shipped-corpus.sh take their passwords from here. Sources, ranking
# and licences: docs/banned-terms.md; the notices: NOTICE.
#
#   sh password-engine/tools/common-passwords.sh OUT        (needs npm, node, tar, python3)
#
# The ranking. Both lists count the passwords of Mark Burnett's ten million passwords (2015, public
# domain) and sort them by count. @zxcvbn-ts/language-common keeps names and words (michael,
# jennifer, summer) that zxcvbn 4.4.2 moved to its name and English-word lists, so its order is the
# backbone; it drops 30 keyboard walks and reversed runs (654321, qwertz, ytrewq) that zxcvbn
# matches by pattern, and those come from zxcvbn 4.4.2, each placed right after the entry that
# precedes it in zxcvbn's list. Nothing is executed from the packages: the files are parsed as text.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
out=$1

ZXCVBN=zxcvbn@4.4.2
ZXCVBN_TGZ=zxcvbn-4.4.2.tgz
ZXCVBN_SHA512='sha512-Bq0B+ixT/DMyG8kgX2xWcI5jUvCwqrMxSFam7m0lAf78nf04hv6lNCsyLYdyYTrCVMqNDY/206K7eExYCeSyUQ=='
COMMON=@zxcvbn-ts/language-common@4.1.3
COMMON_TGZ=zxcvbn-ts-language-common-4.1.3.tgz
COMMON_SHA512='sha512-g2bg4skmlJG9aJqC/nWziZzgYpSe/f3rKeGobrkdFiOrfZVFqqzUgC6BUQWuX54Sua9j0Jxxt+1bf4f/Mal1Kg=='

for tool in npm node tar python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fetch() { # SPEC TARBALL SHA512
    (cd "$tmp" && npm pack --silent --ignore-scripts "$1" >/dev/null)
    actual=$(node -e 'const c=require("crypto"),f=require("fs");
        process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tmp/$2")
    [ "$actual" = "$3" ] || { echo "$1: tarball is $actual, expected $3" >&2; exit 1; }
}
fetch "$ZXCVBN" "$ZXCVBN_TGZ" "$ZXCVBN_SHA512"
fetch "$COMMON" "$COMMON_TGZ" "$COMMON_SHA512"
mkdir "$tmp/zxcvbn" "$tmp/common"
tar -xzf "$tmp/$ZXCVBN_TGZ" -C "$tmp/zxcvbn" package/lib/frequency_lists.js package/LICENSE.txt
tar -xzf "$tmp/$COMMON_TGZ" -C "$tmp/common" package/src/passwords.json package/LICENSE.txt
grep -q 'Permission is hereby granted, free of charge' "$tmp/zxcvbn/package/LICENSE.txt"
grep -q 'Permission is hereby granted, free of charge' "$tmp/common/package/LICENSE.txt"

python3 - "$tmp/zxcvbn/package/lib/frequency_lists.js" "$tmp/common/package/src/passwords.json" "$out" <<'PY'
import json, re, sys

zxcvbn_js, common_json, out_file = sys.argv[1:]
with open(zxcvbn_js, encoding='utf-8') as f:
    source = f.read()
# lib/frequency_lists.js: passwords: "123456,password,...".split(","); the only escape used is \'.
literal = re.search(r'^  passwords: "((?:[^"\\]|\\.)*)"\.split\(","\)', source, re.M).group(1)
zxcvbn = re.sub(r'\\(.)', r'\1', literal).split(',')
with open(common_json, encoding='utf-8') as f:
    common = json.load(f)
if len(zxcvbn) != 30000 or len(common) != 49233:
    sys.exit(f'unexpected list sizes: zxcvbn {len(zxcvbn)}, language-common {len(common)}')

position = {p: i for i, p in enumerate(common)}
after = {}  # position in common -> zxcvbn entries that follow it
anchor = -1
for p in zxcvbn:
    if p in position:
        anchor = position[p]
    else:
        after.setdefault(anchor, []).append(p)
ranked, seen = [], set()
for p in after.get(-1, []) + [q for i, p in enumerate(common) for q in [p] + after.get(i, [])]:
    if p not in seen:
        seen.add(p)
        ranked.append(p)
with open(out_file, 'w', encoding='utf-8', newline='\n') as f:
    f.writelines(p + '\n' for p in ranked)
print(f'{len(ranked)} passwords ({len(common)} from language-common, '
      f'{len(ranked) - len(common)} from zxcvbn only) -> {out_file}', file=sys.stderr)
PY
