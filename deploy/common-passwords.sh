#!/usr/bin/env bash
# Refreshes the list of common passwords the service refuses (command-side resource passwords/common-passwords.txt)
# from the npm package @zxcvbn-ts/language-common. Needs Node.js and npm.
#   deploy/common-passwords.sh [version]     (default 4.1.3)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-4.1.3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent "@zxcvbn-ts/language-common@$version" >/dev/null)
out=command-side/src/main/resources/passwords/common-passwords.txt
{
  echo "# The most common passwords of eight characters or more, one per line, lower case: the list of"
  echo "# @zxcvbn-ts/language-common $version (npm, MIT licence, (c) 2012-2016 Dan Wheeler and Dropbox, Inc., (c) 2021"
  echo "# @zxcvbn-ts), shorter entries left out since no password here is shorter. Refreshed with"
  echo "# deploy/common-passwords.sh (docs/operations.md, \"Passwords\")."
  (cd "$work" && node -e "
    const list = require('@zxcvbn-ts/language-common').dictionary['passwords-common'];
    process.stdout.write(list.filter(p => p.length >= 8).join('\n') + '\n');")
} > "$out"
echo "$(grep -vc '^#' "$out") passwords in $out"
