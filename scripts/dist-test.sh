#!/usr/bin/env bash
# Tests what `make dist` built, as a user would get it:
#  - the .deb: its metadata, `apt-get install ./….deb`, the installed binary's
#    stamped version, the installed binary in a real window under Xvfb on a
#    temp DB (artifacts/deb-window.png), then `dpkg -r` leaves nothing behind;
#  - the .tar.gz: its contents, and the binary in it runs;
#  - Windows: the .exe is a PE32+ GUI program whose version resource and
#    stamped version are right; the NSIS installer is a GUI PE with the same
#    version and has the app inside.
# Installs and removes the package system-wide: root, or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${VERSION:-$(scripts/version.sh)}
base=$(sed -n 's/.*"productVersion": *"\([0-9][0-9.]*\)".*/\1/p' wails.json)
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
pass=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok: $*"; pass=$((pass + 1)); }
fail() { echo "FAIL: $*" >&2; exit 1; }

deb=dist/soundingboard_${VERSION}_amd64.deb
tgz=dist/soundingboard_${VERSION}_linux_amd64.tar.gz
exe=dist/soundingboard_${VERSION}_windows_amd64.exe
setup=dist/soundingboard_${VERSION}_windows_amd64_setup.exe
for f in "$deb" "$tgz" "$exe" "$setup"; do [ -s "$f" ] || fail "$f is missing; run make dist"; done

# --- .deb metadata
[ "$(dpkg-deb -f "$deb" Version)" = "$VERSION" ] || fail "deb version $(dpkg-deb -f "$deb" Version), want $VERSION"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0; do
	grep -q "$d" <<<"$depends" || fail "deb Depends ($depends) lacks $d"
done
ok "deb $VERSION depends on: $depends"
contents=$(dpkg-deb -c "$deb" | awk '{ print $1, $6 }')
for want in "-rwxr-xr-x ./usr/bin/soundingboard" \
	"-rw-r--r-- ./usr/share/applications/soundingboard.desktop" \
	"-rw-r--r-- ./usr/share/icons/hicolor/512x512/apps/soundingboard.png" \
	"-rw-r--r-- ./usr/share/icons/hicolor/256x256/apps/soundingboard.png" \
	"-rw-r--r-- ./usr/share/icons/hicolor/128x128/apps/soundingboard.png"; do
	grep -qxF -- "$want" <<<"$contents" || fail "deb lacks '$want'; it has:"$'\n'"$contents"
done
ok "deb contents: binary, desktop entry, icons (512, 256, 128)"
if command -v desktop-file-validate >/dev/null; then
	desktop-file-validate build/linux/soundingboard.desktop || fail "desktop entry does not validate"
	ok "desktop entry validates"
fi

# --- install with apt (pulls missing WebKitGTK/GTK runtime packages)
if dpkg-query -W -f='${Status}' soundingboard 2>/dev/null | grep -q 'ok installed'; then
	echo "removing an earlier soundingboard package first"
	$SUDO dpkg -r soundingboard >/dev/null
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb"
dpkg-query -W -f='${Status} ${Version}\n' soundingboard | grep -qx "install ok installed $VERSION" ||
	fail "soundingboard $VERSION is not installed"
ok "apt-get install ./$deb"
[ "$(command -v soundingboard)" = /usr/bin/soundingboard ] || fail "soundingboard is not /usr/bin/soundingboard on PATH"
out=$(/usr/bin/soundingboard version)
echo "  /usr/bin/soundingboard version: $out"
grep -qF "$VERSION (" <<<"$out" || fail "installed binary says '$out', want version $VERSION with commit and date"
grep -qE '\([0-9a-f]{7,12}, [0-9]{4}-[0-9]{2}-[0-9]{2}T' <<<"$out" || fail "no commit and build date in '$out'"
ok "installed binary is stamped"

# --- the installed binary in a real window (demo data, temp DB)
scripts/window-test.sh /usr/bin/soundingboard artifacts/deb-window.png | tee "$tmp/window.out" | sed 's/^/  /'
win=$(cat "$tmp/window.out")
grep -q '^window test: 1 passed' <<<"$win" || fail "the installed binary did not render"
if grep -q '^window: ' <<<"$win"; then
	grep -qF "\"Sounding Board $VERSION\"" <<<"$win" || fail "window title does not carry version $VERSION"
	grep -qF '("soundingboard" ' <<<"$win" || fail "WM_CLASS is not soundingboard (StartupWMClass in the desktop entry)"
	ok "window title carries $VERSION; WM_CLASS matches StartupWMClass=soundingboard"
fi
ok "installed binary renders under Xvfb (artifacts/deb-window.png)"

# --- remove cleanly
$SUDO dpkg -r soundingboard >/dev/null
for f in /usr/bin/soundingboard /usr/share/applications/soundingboard.desktop \
	/usr/share/icons/hicolor/512x512/apps/soundingboard.png /usr/share/doc/soundingboard; do
	[ ! -e "$f" ] || fail "$f is still there after dpkg -r"
done
status=$(dpkg-query -W -f='${Status}' soundingboard 2>/dev/null || true)
case "$status" in "" | *not-installed) ;; *) fail "package status after dpkg -r: $status" ;; esac
ok "dpkg -r soundingboard removed it cleanly"

# --- .tar.gz
list=$(tar -tzf "$tgz" | sort)
want=$(for n in "" README.md soundingboard soundingboard.desktop soundingboard.png; do
	echo "soundingboard_${VERSION}_linux_amd64/$n"
done | sort)
[ "$list" = "$want" ] || fail "tar.gz holds:"$'\n'"$list"$'\n'"want:"$'\n'"$want"
tar -C "$tmp" -xzf "$tgz"
"$tmp/soundingboard_${VERSION}_linux_amd64/soundingboard" version | grep -qF "$VERSION (" || fail "tar.gz binary is not stamped $VERSION"
ok "tar.gz: binary, desktop entry, icon, README; binary stamped"

# --- Windows
go run ./scripts/pecheck -machine amd64 -version "$base" -stamp "$VERSION" "$exe" | sed 's/^/  /'
ok "Windows .exe: PE32+ GUI, file version $base, stamped $VERSION"
go run ./scripts/pecheck -machine 386 -version "$base" "$setup" | sed 's/^/  /'
file -b "$setup" | grep -q 'Nullsoft Installer' || fail "$setup is not an NSIS installer: $(file -b "$setup")"
# The installer holds the app (compressed) and the WebView2 bootstrapper.
[ "$(wc -c <"$setup")" -gt $(($(wc -c <"$exe") / 4)) ] || fail "$setup is too small to hold the app"
ok "Windows installer: NSIS, GUI, version $base"

echo "dist test: $pass passed, 0 failed"
