# Frontline Atlas — build, run, test and package.
#   make run      install missing build packages (Debian/Ubuntu), build, open the app
#   make test     install what the tests need, check gofmt, go vet, go test ./... (app and geo
#                 with the race detector)
#   make package  build the Linux package with `fyne package` ("Frontline Atlas.tar.xz")
#   make release VERSION=x.y.z   tests, Linux archive, Windows .exe, checks, SHA256SUMS in dist/x.y.z/
# Other targets: build, bench, snapshot (README screenshot), geodata (regenerate map layers),
# fonts (supplement fonts), package-windows, check-windows (the .exe under Wine), clean.

SHELL := /bin/bash
# No locale is exported: the machine's own is used (a C or C.UTF-8 locale reads as English).
export CGO_ENABLED := 1
BIN := frontline-atlas
FYNE_CLI := fyne.io/tools/cmd/fyne@v1.7.4
# Debian packages: the C toolchain and headers for Fyne's GLFW driver (cgo, OpenGL, X11).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev
# Only where the app is looked at headless (screenshots under Xvfb).
LOOK_PKGS := xvfb xdotool imagemagick xauth

.PHONY: run build test vet fmt-check deps deps-look deps-test deps-windows bench snapshot geodata fonts package package-windows release check-windows clean

# deps installs BUILD_PKGS that are missing, on Debian or Ubuntu; elsewhere it says what to do.
deps:
	@missing=$$(for p in $(BUILD_PKGS); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null; then \
	    echo "installing: $$missing"; \
	    SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "not Debian/Ubuntu: install a C compiler and the OpenGL/X11 headers yourself (see README)"; \
	  fi; \
	fi

deps-look:
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v import >/dev/null || { \
	  SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(LOOK_PKGS) >/dev/null; }

# Only for the tests of the touch layer (internal/touch starts an Xvfb of its own and changes its
# input devices with xinput); those tests skip without them, so a failed install is not fatal.
TEST_PKGS := xvfb xinput

deps-test:
	@command -v Xvfb >/dev/null && command -v xinput >/dev/null || { \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(TEST_PKGS) >/dev/null \
	      || echo "could not install $(TEST_PKGS): the touch layer's X11 tests will be skipped"; \
	  fi; }

# migrated_fynedo: every background call into Fyne goes through fyne.Do (FyneApp.toml says so),
# so Fyne skips its thread checks, which cost a runtime.Stack per canvas refresh.
# no_emoji: Fyne leaves out its 4 MB emoji font, which it would parse once per text style and
# keep (15–20 MB of resident memory, docs/performance.md); no string of the app or the
# embedded pack needs it (TestEmbeddedFontsCoverEveryString runs with the tag in make test).
FONT_TAGS := no_emoji
GOTAGS := migrated_fynedo,$(FONT_TAGS)

build: deps
	go build -tags $(GOTAGS) -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet: deps
	go vet ./...

# The packages that start goroutines (tile and overlay workers, playback, timers) run under the
# race detector; the others as they are.
RACE_PKGS := ./app ./geo

# The race detector makes the app's tests several times slower (about 4 minutes alone on 2
# cores, far more on a loaded machine): the timeout is Go's default of 10 minutes raised, so a
# busy machine does not fail a run that is merely slow.
test: deps deps-test fmt-check vet
	go test -tags $(FONT_TAGS) -count=1 -timeout 30m $$(go list ./... | grep -v -x -e frontline-atlas/app -e frontline-atlas/geo)
	go test -tags $(FONT_TAGS) -race -count=1 -timeout 45m $(RACE_PKGS)

bench:
	go test -run '^$$' -bench . -benchmem ./timeline ./geo ./app

snapshot: build
	./$(BIN) snapshot --date 1942-11-19 --event operation-uranus --size 1920x1080 -o docs/screenshot.png

geodata:
	go run ./tools/geodata -src ../shared/data -out assets/map

# fonts rebuilds app/fonts/supplement-*.ttf for the strings of today (docs/fonts.md): the runes
# Fyne's fonts lack, taken from Debian's Noto packages. The packages are unpacked into .cache/
# (git-ignored), not installed: installed, they would change what Fyne's system-font fallback
# draws on this machine. Needs apt-get (Debian/Ubuntu) and python3-fonttools.
FONT_DEBS := fonts-noto-core fonts-noto-cjk
FONT_CACHE := .cache/fonts
PYTHON3 := /usr/bin/python3

fonts:
	@$(PYTHON3) -c 'import fontTools' 2>/dev/null || { SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends python3-fonttools >/dev/null; }
	@mkdir -p $(FONT_CACHE) && cd $(FONT_CACHE) && for p in $(FONT_DEBS); do \
	  ls $${p}_*.deb >/dev/null 2>&1 || apt-get download $$p || exit 1; \
	  [ -d x/.$$p ] || { dpkg -x $${p}_*.deb x && touch x/.$$p; }; done
	go test -tags $(FONT_TAGS) ./app -run '^TestEmbeddedFontsCoverEveryString$$' -count=1 -args -fonts.needed=$(CURDIR)/app/fonts/needed.txt
	$(PYTHON3) tools/fonts/build.py --needed app/fonts/needed.txt --src $(FONT_CACHE)/x \
	  --fyne "$$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font" --out app/fonts
	go test -tags $(FONT_TAGS) ./app -run 'TestEmbeddedFontsCoverEveryString|TestSupplementFonts|TestMixedScripts' -count=1

# The fyne tool is built for this machine into .bin/ (git-ignored); it cross-builds the app itself.
FYNE := .bin/fyne

$(FYNE):
	GOBIN=$(CURDIR)/.bin go install $(FYNE_CLI)

# The build number (--app-build; the Windows version resource's fourth field, macOS's
# CFBundleVersion) is the number of commits, so it grows with every commit on the main line.
# fyne package also adds 1 to Build in FyneApp.toml and saves the file; KEEP_TOML puts the file
# back as it was, even when the build fails, so a package build never changes tracked files.
BUILD ?= $(shell git rev-list --count HEAD 2>/dev/null || echo 1)
KEEP_TOML = mkdir -p .bin && cp FyneApp.toml .bin/FyneApp.toml.keep && trap 'cp .bin/FyneApp.toml.keep FyneApp.toml' EXIT &&

package: deps $(FYNE)
	@$(KEEP_TOML) set -x && $(FYNE) package -os linux -release --app-build $(BUILD) -tags $(FONT_TAGS)

deps-windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null; }

package-windows: deps deps-windows $(FYNE)
	@$(KEEP_TOML) set -x && CC=x86_64-w64-mingw32-gcc $(FYNE) package -os windows -release --app-build $(BUILD) -tags $(FONT_TAGS)

# release builds, checks and sums a release into dist/VERSION/ (git-ignored): docs/release.md.
# It sets Version in FyneApp.toml and adds the CHANGELOG.md entry (both left for you to review
# and commit), runs the tests (NOTEST=1 skips them), builds the Linux archive and the Windows
# .exe one after the other, checks both with tools/release, and writes SHA256SUMS.
DIST = dist/$(VERSION)
LINUX_PKG = $(DIST)/$(BIN)-$(VERSION)-linux-amd64.tar.xz
WINDOWS_EXE = $(DIST)/$(BIN)-$(VERSION)-windows-amd64.exe

release:
	@[[ "$(VERSION)" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$$ ]] || { echo "usage: make release VERSION=x.y.z"; exit 2; }
	sed -i -E '/^\[Details\]/,/^\[/ s/^Version = ".*"/Version = "$(VERSION)"/' FyneApp.toml
	go run ./tools/release changelog -version $(VERSION)
	@[ -n "$(NOTEST)" ] || $(MAKE) --no-print-directory test
	rm -rf $(DIST) && mkdir -p $(DIST)
	@SECONDS=0; $(MAKE) --no-print-directory package && mv "Frontline Atlas.tar.xz" $(LINUX_PKG) && echo "Linux archive built in $$SECONDS s"
	@SECONDS=0; $(MAKE) --no-print-directory package-windows && mv "Frontline Atlas.exe" $(WINDOWS_EXE) && echo "Windows .exe built in $$SECONDS s"
	go run ./tools/release check-linux -version $(VERSION) $(LINUX_PKG)
	go run ./tools/release check-windows -version $(VERSION) $(WINDOWS_EXE)
	go run ./tools/release sums $(DIST)
	@git status --short FyneApp.toml CHANGELOG.md; \
	echo "Release $(VERSION) is in $(DIST)/. Review FyneApp.toml and CHANGELOG.md, then:"; \
	echo "  git commit -m 'Release $(VERSION)' FyneApp.toml CHANGELOG.md && git tag v$(VERSION)"; \
	echo "The macOS app is built on a Mac: see docs/release.md."

# check-windows runs the Windows .exe's command-line verbs under Wine (where Wine is installed;
# not part of make test) and compares their output with a Linux build's: docs/release.md.
# EXE defaults to the newest release in dist/, else the .exe make package-windows made.
EXE ?= $(shell ls -t dist/*/$(BIN)-*-windows-amd64.exe 2>/dev/null | head -1)
check-windows: build deps-windows
	@exe="$(EXE)"; [ -n "$$exe" ] || exe="Frontline Atlas.exe"; \
	[ -f "$$exe" ] || { echo "no Windows .exe: run make package-windows or make release VERSION=x.y.z first"; exit 2; }; \
	set -x; go run ./tools/release wine -exe "$$exe" -linux ./$(BIN)

clean:
	rm -rf $(BIN) $(BIN).exe "Frontline Atlas.exe" *.tar.xz .bin
