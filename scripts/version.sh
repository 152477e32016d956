#!/usr/bin/env bash
# Prints the version every build is stamped with. It is a valid Debian
# version, so the .deb, `soundingboard version`, the window title and the
# About panel all say the same thing:
#   HEAD tagged v0.2.0, clean tree     0.2.0
#   3 commits after tag v0.2.0         0.2.0+3.gabc1234     (sorts after 0.2.0)
#   no tag yet                         0.1.0~gabc1234       (before 0.1.0, the
#                                      productVersion in wails.json)
#   uncommitted changes                … .dirty appended
#   not a git checkout                 the productVersion in wails.json
# wails.json's info.productVersion is the numeric release number Windows
# needs for its file version; bump it together with the tag.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's/.*"productVersion": *"\([0-9][0-9.]*\)".*/\1/p' wails.json)
base=${base:-0.0.0}
if ! git rev-parse --git-dir >/dev/null 2>&1; then
	echo "$base"
	exit 0
fi
sha=$(git rev-parse --short=7 HEAD)
dirty=
git diff --quiet HEAD -- 2>/dev/null || dirty=.dirty
if desc=$(git describe --tags --match 'v[0-9]*' --long 2>/dev/null); then
	# v0.2.0-3-gabc1234
	tag=${desc%-*-g*}
	n=${desc#"$tag"-}
	n=${n%%-*}
	tag=${tag#v}
	if [ "$n" = 0 ] && [ -z "$dirty" ]; then
		echo "$tag"
	else
		echo "$tag+$n.g$sha$dirty"
	fi
else
	echo "$base~g$sha$dirty"
fi
