# Sounding Board. `make run` installs what is missing, builds and opens the
# window; `make test` runs everything CI runs.

SHELL      := /bin/bash
BIN        := build/bin/soundingboard
VERSION    ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo 0.1.0)
COMMIT     ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null)
DATE       ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS    := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
BUILD_DEBS := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
TEST_DEBS  := xvfb xauth chromium poppler-utils qpdf imagemagick python3-icalendar
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build deps test-deps test test-go test-frontend e2e window-test fuzz bench clean

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
build:
	go tool wails build -tags webkit2_41 -m -nosyncgomod -trimpath -ldflags "$(LDFLAGS)"
	@ls -l $(BIN)

test: test-deps test-go test-frontend build e2e window-test
	@echo "make test: all green"

test-go:
	go vet ./...
	go test -race -count=1 ./...
	go test -run='^$$' -fuzz=FuzzCSV -fuzztime=10s ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzVCard -fuzztime=10s ./backend/board/contacts

test-frontend:
	cd frontend && npm run typecheck && npm test

e2e:
	cd frontend && SB_BIN=$(CURDIR)/$(BIN) node --test --test-concurrency=1 e2e/

window-test:
	scripts/window-test.sh $(BIN)

fuzz:
	go test -run='^$$' -fuzz=FuzzCSV -fuzztime=2m ./backend/board/contacts
	go test -run='^$$' -fuzz=FuzzVCard -fuzztime=2m ./backend/board/contacts

bench: deps build
	go test -run='^$$' -bench=. -benchmem ./backend/...
	scripts/bench.sh $(BIN)

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html artifacts
