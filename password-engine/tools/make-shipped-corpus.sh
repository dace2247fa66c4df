#!/bin/sh
# Rebuilds the shipped breached-password corpus: writes tools/breached-shipped.txt, the 3,500 most
# common passwords of 8 or more characters from zxcvbn's frequency lists (MIT; fetched, pinned and
# ranked by common-passwords.sh), then breached-shipped.bin from it with MakeShippedCorpus.java.
# Shorter passwords are left out because the length rule (at least 8, never less) refuses them
# before the breached check is asked. Sources and licences: docs/breached-passwords.md and
# NOTICE. ShippedCorpusTests fails if the committed .bin and the committed list disagree.
#
#   sh password-engine/tools/make-shipped-corpus.sh        (needs npm, node, tar, python3, a JDK)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
count=3500
list="$here/breached-shipped.txt"
common=$(mktemp)
trap 'rm -f "$common"' EXIT
sh "$here/common-passwords.sh" "$common"
{
    echo "#!comment: The $count most common passwords of 8 or more characters, most common first, from the"
    echo "#!comment: frequency lists of zxcvbn 4.4.2 and @zxcvbn-ts/language-common 4.1.3 (npm), MIT licence:"
    echo "#!comment: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; Copyright (c) 2021 @zxcvbn-ts."
    echo "#!comment: Built by password-engine/tools/make-shipped-corpus.sh; do not edit. Notices: NOTICE."
    awk 'length($0) >= 8' "$common" | head -n "$count"
} > "$list"
(cd "$root" && ./mvnw -B -q -o compile -pl password-engine)
java -cp "$here/../target/classes" "$here/MakeShippedCorpus.java" \
    "$list" "$here/../src/main/resources/org/opensspr/passwordpolicy/breached-shipped.bin"
