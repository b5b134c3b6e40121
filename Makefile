# Frontline Atlas — build, run, test and package.
#   make run      install missing build packages (Debian/Ubuntu), build, open the app
#   make test     install what the tests need, check gofmt, go vet, go test ./... (app and geo
#                 with the race detector)
#   make package  build the Linux package with `fyne package` (frontline-atlas.tar.xz)
# Other targets: build, bench, snapshot (README screenshot), geodata (regenerate map layers), clean.

SHELL := /bin/bash
export LANG := en_US.UTF-8
export CGO_ENABLED := 1
BIN := frontline-atlas
FYNE_CLI := fyne.io/tools/cmd/fyne@v1.7.4
# Debian packages: the C toolchain and headers for Fyne's GLFW driver (cgo, OpenGL, X11).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev
# Only where the app is looked at headless (screenshots under Xvfb).
LOOK_PKGS := xvfb xdotool imagemagick xauth

.PHONY: run build test vet fmt-check deps deps-look bench snapshot geodata package package-windows clean

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

# migrated_fynedo: every background call into Fyne goes through fyne.Do (FyneApp.toml says so),
# so Fyne skips its thread checks, which cost a runtime.Stack per canvas refresh.
GOTAGS := migrated_fynedo

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

test: deps fmt-check vet
	go test -count=1 $$(go list ./... | grep -v -x -e frontline-atlas/app -e frontline-atlas/geo)
	go test -race -count=1 $(RACE_PKGS)

bench:
	go test -run '^$$' -bench . -benchmem ./timeline ./geo ./app

snapshot: build
	./$(BIN) snapshot --date 1942-11-19 --event operation-uranus --size 1920x1080 -o docs/screenshot.png

geodata:
	go run ./tools/geodata -src ../shared/data -out assets/map

# The fyne tool is built for this machine into .bin/ (git-ignored); it cross-builds the app itself.
FYNE := .bin/fyne

$(FYNE):
	GOBIN=$(CURDIR)/.bin go install $(FYNE_CLI)

package: deps $(FYNE)
	$(FYNE) package -os linux -release

package-windows: deps $(FYNE)
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 >/dev/null; }
	CC=x86_64-w64-mingw32-gcc $(FYNE) package -os windows -release

clean:
	rm -rf $(BIN) $(BIN).exe *.tar.xz .bin
