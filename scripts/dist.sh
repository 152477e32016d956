#!/usr/bin/env bash
# Builds the installers into dist/. Run by `make dist`, which first builds
# and stamps the Linux binary (make build) and passes VERSION and LDFLAGS.
#
# On Linux:  dist/soundingboard_<v>_amd64.deb               (nfpm)
#            dist/soundingboard_<v>_linux_amd64.tar.gz
#            dist/soundingboard_<v>_windows_amd64.exe        (cross-compiled, no cgo)
#            dist/soundingboard_<v>_windows_amd64_setup.exe  (NSIS; WebView2 bootstrapper inside)
# On macOS:  dist/SoundingBoard_<v>_macos_universal.zip and .dmg
#            (UNTESTED: this path has never run on a Mac; see the README)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${VERSION:-$(scripts/version.sh)}
LDFLAGS=${LDFLAGS:-"-X main.version=$VERSION"}
export VERSION
base=$(sed -n 's/.*"productVersion": *"\([0-9][0-9.]*\)".*/\1/p' wails.json)
case "$VERSION" in
"$base" | "$base"[~+]*) ;;
*) echo "dist: note: version $VERSION, but wails.json productVersion (the Windows and macOS file version) is $base" >&2 ;;
esac

rm -rf dist
mkdir -p dist

size() { wc -c <"$1" | awk -v f="$(basename "$1")" '{ printf "  %-56s %6.1f MB\n", f, $1 / 1048576 }'; }

if [ "$(uname -s)" = Darwin ]; then
	# UNTESTED here (no Mac): wails builds the .app (universal: arm64 +
	# amd64, cgo with the Xcode command line tools), ditto zips it the way
	# Finder does, hdiutil makes the disk image. The app is not signed or
	# notarised: first start with right-click > Open.
	go tool wails build -platform darwin/universal -m -nosyncgomod -trimpath -ldflags "$LDFLAGS"
	app="build/bin/Sounding Board.app"
	"$app/Contents/MacOS/soundingboard" version
	ditto -c -k --sequesterRsrc --keepParent "$app" "dist/SoundingBoard_${VERSION}_macos_universal.zip"
	hdiutil create -volname "Sounding Board" -srcfolder "$app" -ov -format UDZO \
		"dist/SoundingBoard_${VERSION}_macos_universal.dmg"
	(cd dist && shasum -a 256 ./*.zip ./*.dmg >SHA256SUMS)
	echo "dist (macOS):"
	for f in dist/*.zip dist/*.dmg; do size "$f"; done
	exit 0
fi

bin=build/bin/soundingboard
[ -x "$bin" ] || { echo "dist: $bin is missing; run make dist (it builds it first)" >&2; exit 1; }
"$bin" version | grep -qF "$VERSION" || {
	echo "dist: $bin says '$("$bin" version)', not $VERSION; run make dist" >&2
	exit 1
}

# Linux: the stamped binary and the icon at the sizes the hicolor theme
# uses, staged where build/linux/nfpm.yaml expects them.
stage=dist/.stage
# (wails writes the Windows resources to Sounding_Board-res.syso while it
# builds; never leave it behind, or Linux builds would try to link it)
trap 'rm -rf dist/.stage; rm -f ./*-res.syso' EXIT
mkdir -p "$stage"
cp "$bin" "$stage/soundingboard"
for px in 512 256 128; do
	mkdir -p "$stage/icons/$px"
	convert build/appicon.png -resize "${px}x$px" -strip "PNG32:$stage/icons/$px/soundingboard.png"
done
go tool nfpm package --config build/linux/nfpm.yaml --packager deb \
	--target "dist/soundingboard_${VERSION}_amd64.deb"

# A plain archive for other distributions: binary, desktop entry, icon, README.
tardir=soundingboard_${VERSION}_linux_amd64
mkdir -p "$stage/$tardir"
cp "$bin" "$stage/$tardir/soundingboard"
cp build/linux/soundingboard.desktop README.md "$stage/$tardir/"
cp "$stage/icons/512/soundingboard.png" "$stage/$tardir/"
tar -C "$stage" --owner=0 --group=0 --numeric-owner --sort=name \
	-czf "dist/$tardir.tar.gz" "$tardir"

# Windows: the same frontend (built by make build, so -s) and bindings;
# Wails links the icon, manifest and version resource (build/windows) and
# runs makensis on build/windows/installer, which embeds Microsoft's WebView2
# bootstrapper (shipped inside the Wails module: no network needed here).
# The installer runs it only when WebView2 is missing (Windows 10 before
# 2021); Windows 11 has it.
rm -f build/bin/soundingboard.exe build/bin/*-installer.exe
go tool wails build -platform windows/amd64 -nsis -s -skipbindings -m -nosyncgomod -trimpath \
	-ldflags "$LDFLAGS"
cp build/bin/soundingboard.exe "dist/soundingboard_${VERSION}_windows_amd64.exe"
cp build/bin/*-amd64-installer.exe "dist/soundingboard_${VERSION}_windows_amd64_setup.exe"

(cd dist && sha256sum ./*.deb ./*.tar.gz ./*.exe >SHA256SUMS)
echo "dist $VERSION (target: binary <= 25 MB):"
size "$bin"
for f in dist/*.deb dist/*.tar.gz dist/*.exe; do size "$f"; done
