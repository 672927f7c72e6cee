#!/usr/bin/env bash
# Re-creates src/main/webapp/envelope/vendor/ (the envelope viewer's third-party modules) from the npm registry.
# Each package is pinned by version and by the sha512 integrity of its tarball, checked before anything is
# unpacked, so a changed or substituted tarball stops the script. Only the files the browser loads are kept, plus
# the licences: no source maps (they name sources that are not shipped) and no type declarations. Running it again
# gives identical files. To update a package, change its pin below (integrity: `npm view name@version dist.integrity`).
set -euo pipefail

web=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
vendor="$web/src/main/webapp/envelope/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fetches name@version into $work/name/package after checking the tarball against the pinned integrity.
unpack() {
    local name=$1 version=$2 integrity=$3 tarball actual
    tarball=$(cd "$work" && npm pack --silent --pack-destination "$work" "$name@$version" | tail -n 1)
    actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | openssl base64 -A)"
    if [[ $actual != "$integrity" ]]; then
        echo "$name@$version: the tarball's integrity is $actual, not the pinned $integrity" >&2
        exit 1
    fi
    mkdir "$work/$name"
    tar -xzf "$work/$tarball" -C "$work/$name"
}

# Copies one module without its source-map comment.
module() {
    sed '/^\/\/# sourceMappingURL=/d' "$1" > "$2"
}

POSTAL_MIME=(postal-mime 4.0.0 'MIT-0'
    'sha512-pmAD50GSuJ6Njf7oa4bleSsYrPy8UYxTRmxVFFwysOm2p8t4C3DFEmP+j7tkvQzPdFUT0X1PuzJvrnb2Sx40BA==')
DOMPURIFY=(dompurify 3.5.0 '(MPL-2.0 OR Apache-2.0)'
    'sha512-LYC0ZkE8P1V42JsRYTwMdme/2ET8SpOc5AA2eOFjP/IadvRd2fwiT4TVz5vkfy0XUx12aS2UaRkTnfVPNOv9vw==')

unpack "${POSTAL_MIME[0]}" "${POSTAL_MIME[1]}" "${POSTAL_MIME[3]}"
unpack "${DOMPURIFY[0]}" "${DOMPURIFY[1]}" "${DOMPURIFY[3]}"

rm -rf "$vendor/postal-mime" "$vendor/dompurify"
mkdir -p "$vendor/postal-mime" "$vendor/dompurify"

from="$work/postal-mime/package"
for js in "$from"/dist/esm/*.js; do
    module "$js" "$vendor/postal-mime/$(basename "$js")"
done
cp "$from/LICENSE.txt" "$vendor/postal-mime/"

# Dual-licensed: both licence texts go along.
from="$work/dompurify/package"
module "$from/dist/purify.es.mjs" "$vendor/dompurify/purify.es.mjs"
cp "$from/LICENSE" "$from/LICENSE-MPL" "$vendor/dompurify/"

{
    echo "# Written by web/vendor-js.sh, which fetches exactly these and checks each tarball's integrity."
    echo "# name	version	licence	integrity"
    printf '%s\t%s\t%s\t%s\n' "${POSTAL_MIME[@]}" "${DOMPURIFY[@]}"
} > "$vendor/VERSIONS"
