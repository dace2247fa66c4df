#!/bin/sh
# Rebuilds the shipped breached-password corpus from the committed word list.
# The list is /usr/share/john/password.lst of Debian's john-data package (public domain, see
# ../README-breached.md). ShippedCorpusTests fails if the committed .bin and this script disagree.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$root" && ./mvnw -B -q -o compile -pl password-engine)
java -cp "$here/../target/classes" "$here/MakeShippedCorpus.java" \
    "$here/john-password.lst" \
    "$here/../src/main/resources/org/opensspr/passwordpolicy/breached-shipped.bin"
