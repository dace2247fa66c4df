#!/usr/bin/env python3
"""How often John the Ripper's password.lst uses each candidate substitution character next to a
letter (leetspeak), as quoted in README-banned-terms.md. Needs the Debian package john-data.

Usage: python3 password-engine/tools/substitution-evidence.py
"""
import re

with open('/usr/share/john/password.lst', encoding='latin-1') as f:
    pw = [line.rstrip('\n').lower() for line in f if not line.startswith('#!comment')]
print(f'{len(pw)} entries')
for c in ['0', '1', '$', '@', '3', '4', '5', '7', '+', '!', '|', '8', '9', '6', '2']:
    near_letter = re.compile('[a-z]' + re.escape(c) + '|' + re.escape(c) + '[a-z]')
    between = re.compile('[a-z]' + re.escape(c) + '[a-z]')
    beside = [p for p in pw if near_letter.search(p)]
    inside = [p for p in pw if between.search(p)]
    print(f'{c!r}: next to a letter in {len(beside)}, between letters in {len(inside)}: {inside[:6]}')
