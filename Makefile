# Sounding Board. `make run` installs what is missing, builds and opens the
# window; `make test` runs everything CI runs.

SHELL      := /bin/bash
BIN        := build/bin/soundingboard
# Evaluated once, so every artifact of one run carries the same stamp.
VERSION    := $(or $(VERSION),$(shell scripts/version.sh))
COMMIT     := $(or $(COMMIT),$(shell git rev-parse --short=12 HEAD 2>/dev/null))
DATE       := $(or $(DATE),$(shell date -u +%Y-%m-%dT%H:%M:%SZ))
LDFLAGS    := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
BUILD_DEBS := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
TEST_DEBS  := xvfb xauth chromium poppler-utils qpdf imagemagick python3-icalendar \
              fonts-noto-core fonts-wqy-microhei fonts-noto-color-emoji syncthing zbar-tools
DIST_DEBS  := nsis imagemagick file desktop-file-utils x11-utils
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build deps test-deps test lint-go test-go test-frontend e2e window-test fuzz crash bench screenshots clean \
	dist dist-deps dist-test

run: deps build
	./$(BIN)

# Debian packages are installed only when missing, so a second run is quick.
define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_DEBS))
	go mod download
	cd frontend && npm ci --no-audit --no-fund

test-deps: deps
	$(call apt_install,$(TEST_DEBS))

# wails build regenerates frontend/wailsjs, runs `npm ci` and `npm run build`,
# then links the production binary against WebKitGTK 4.1.
# Binding generation runs the app once; a throwaway database, removed
# afterwards, keeps it off the user's own file (which may belong to another
# version).
build:
	gen=$$(mktemp -d); \
	SOUNDINGBOARD_DB=$$gen/bindings.db go tool wails build -tags webkit2_41 -m -nosyncgomod -trimpath -ldflags "$(LDFLAGS)"; \
	rc=$$?; rm -rf "$$gen"; exit $$rc
	@ls -l $(BIN)

test: test-deps test-go test-frontend build e2e window-test dist-test
	@echo "make test: all green"

# golangci-lint is built from its own module, tools/go.mod, so its many
# dependencies stay out of the app's go.mod; .golangci.yml says why each
# linter is on. The first run compiles it (minutes), later runs take seconds.
# The race detector runs where goroutines meet: the server and its RPC,
# team sync and its read-ahead, the background loops and backups, the
# room, concurrent PDF typesetting, the window's app. The other packages
# run without it (five to ten times faster), so that make test stays
# under 30 minutes on 2 cores: domain logic with no goroutines of its own
# (the board, reports, services, the change log, the folder's files), the
# command line's tests (one command after another, each a process of its
# own; the server they start is raced in rpc) and the
# store's, but for its tests where goroutines share a database at once
# (STORE_RACE).
RACE_PKGS  := . ./backend/report/typeset/... ./backend/rpc/... ./backend/badinput/... ./backend/team \
              ./backend/periodic/... ./backend/backup/... ./backend/room/...
STORE_RACE := ^(TestConcurrentWritersNeverGetBusy|TestRestoreWhileWriting|TestWriterLock.*|TestReadSeesOneSnapshot|TestWriterOpensBesideALongRead)$$

lint-go:
	go tool -modfile=tools/go.mod golangci-lint run ./...

test-go: lint-go
	go vet ./...
	# SB_REQUIRE_SYNCTHING=1: the team test through two syncthing daemons
	# fails, rather than skips, without syncthing (installed by test-deps);
	# SB_REQUIRE_ZBAR=1: room open's QR code is read back with zbarimg.
	SB_REQUIRE_SYNCTHING=1 SB_REQUIRE_ZBAR=1 go test -race -count=1 -timeout=20m $(RACE_PKGS)
	go test -race -count=1 -run='$(STORE_RACE)' ./backend/store
	# Everything else without it: the upgrade and restore tests from every
	# earlier schema version, the team's property test with 6 random seeds
	# (SB_SEED=N replays one). The crash tests run on their own below, with
	# their counts of kills.
	SB_REQUIRE_ZBAR=1 go test -count=1 -skip='^TestCrash' $$(go list ./... | grep -v -x -F -f <(go list $(RACE_PKGS)))
	# Fuzz budgets are counts (about 10 s each on 2 cores), not durations: with
	# a duration, Go 1.26's fuzz coordinator can report its own deadline as a
	# failure ("context deadline exceeded", no crasher; golang/go#75804).
	go test -run='^$$' -fuzz=FuzzCSV -fuzztime=150000x ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzVCard -fuzztime=100000x ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzRPCCall -fuzztime=12000x ./backend/rpc
	# 30 kills per scenario; the two team sync scenarios, whose passes are
	# longer, 12 each (make crash runs 300 of every one).
	SB_CRASH_KILLS=30 go test -count=1 -v -run='^TestCrash(Import|LiveSession|ReminderSweep)$$' ./cli
	SB_CRASH_KILLS=12 go test -count=1 -v -run='^TestCrashTeamSync' ./cli

# lint: ESLint (eslint.config.js) and Prettier's check (prettier.config.js).
test-frontend:
	cd frontend && npm run lint && npm run typecheck && npm test

e2e:
	cd frontend && SB_BIN=$(CURDIR)/$(BIN) node --test --test-concurrency=1 e2e/

window-test:
	scripts/window-test.sh $(BIN)

fuzz:
	go test -run='^$$' -fuzz=FuzzCSV -fuzztime=2m ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzVCard -fuzztime=2m ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzRPCCall -fuzztime=2m ./backend/rpc

# SIGKILL soundingboard 300 times per scenario (import of 10,000 rows, live
# typing, reminder sweep, team sync writing and applying segments);
# SB_CRASH_SEED=N replays a run. The two team sync scenarios take some
# 20 minutes each on 2 cores.
crash:
	SB_CRASH_KILLS=300 SB_CRASH_ROWS=10000 go test -count=1 -v -timeout=150m -run='^TestCrash' ./cli

bench: deps build
	go test -run='^$$' -bench=. -benchmem ./backend/...
	scripts/bench.sh $(BIN)

# Installers into dist/ (scripts/dist.sh): on Linux the .deb, a .tar.gz and
# the Windows .exe and NSIS installer; on a Mac the .app as .zip and .dmg.
dist-deps: deps
	$(call apt_install,$(DIST_DEBS))

ifeq ($(shell uname -s),Darwin)
# UNTESTED (no Mac here): needs Go, Node/npm and the Xcode command line tools.
dist:
	VERSION='$(VERSION)' LDFLAGS='$(LDFLAGS)' scripts/dist.sh
else
dist: dist-deps build
	VERSION='$(VERSION)' LDFLAGS='$(LDFLAGS)' scripts/dist.sh
endif

# Installs the .deb with apt, runs the installed binary in a window under
# Xvfb (artifacts/deb-window.png), removes it with dpkg -r; checks the
# Windows .exe and installer.
dist-test: test-deps dist
	VERSION='$(VERSION)' scripts/dist-test.sh

# The README's tour pictures (docs/*.png), retaken from the sample board.
screenshots: test-deps build
	scripts/screenshots.sh $(BIN)

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html artifacts dist
