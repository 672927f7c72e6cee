#!/usr/bin/env bash
# Re-creates src/main/resources/org/openenvelope/recipient/common-passwords.txt: the common passwords a recipient's
# new password is checked against, from the npm registry's @zxcvbn-ts/language-common (MIT; its list of the most
# used passwords, from breaches). The tarball is pinned by version and sha512 integrity, checked before it is
# unpacked. Only passwords of PasswordPolicy.MIN_LENGTH (12) characters or more are kept, lower case, one a line:
# shorter ones are refused by their length already. Running it again gives the same file.
set -euo pipefail

ejb=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out="$ejb/src/main/resources/org/openenvelope/recipient/common-passwords.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

name=@zxcvbn-ts/language-common
version=4.1.3
integrity='sha512-g2bg4skmlJG9aJqC/nWziZzgYpSe/f3rKeGobrkdFiOrfZVFqqzUgC6BUQWuX54Sua9j0Jxxt+1bf4f/Mal1Kg=='
tarball=$(cd "$work" && npm pack --silent --pack-destination "$work" "$name@$version" | tail -n 1)
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | openssl base64 -A)"
if [[ $actual != "$integrity" ]]; then
    echo "$name@$version: the tarball's integrity is $actual, not the pinned $integrity" >&2
    exit 1
fi
tar -xzf "$work/$tarball" -C "$work"
{
    echo "# Common passwords of 12 characters or more, lower case: $name $version (MIT, see the package's LICENSE.txt)."
    node -e 'for (const p of require(process.argv[1])) if (p.length >= 12) console.log(p.toLowerCase());' \
        "$work/package/src/passwords.json" | LC_ALL=C sort -u
} > "$out"
echo "wrote $(grep -vc '^#' "$out") passwords to $out"
