#!/usr/bin/env python3
"""How often the common-password ranking uses each candidate substitution character next to a
letter (leetspeak), as quoted in docs/banned-terms.md. Reads the list that common-passwords.sh
writes (zxcvbn's lists, one password a line, most common first).

Usage: sh password-engine/tools/common-passwords.sh /tmp/common-passwords.txt
       python3 password-engine/tools/substitution-evidence.py /tmp/common-passwords.txt [TOP]
TOP limits the count to the TOP most common (default: the whole list).
"""
import re
import sys

with open(sys.argv[1], encoding='utf-8') as f:
    pw = [line.rstrip('\n').lower() for line in f]
if len(sys.argv) > 2:
    pw = pw[:int(sys.argv[2])]
print(f'{len(pw)} entries')
for c in ['0', '1', '$', '@', '3', '4', '5', '7', '+', '!', '|', '8', '9', '6', '2']:
    near_letter = re.compile('[a-z]' + re.escape(c) + '|' + re.escape(c) + '[a-z]')
    between = re.compile('[a-z]' + re.escape(c) + '[a-z]')
    beside = [p for p in pw if near_letter.search(p)]
    inside = [p for p in pw if between.search(p)]
    print(f'{c!r}: next to a letter in {len(beside)}, between letters in {len(inside)}: {inside[:6]}')
