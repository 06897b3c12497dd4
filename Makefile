# Cunxiao: the two commands a newcomer needs are `make run` and `make test`.
# Every target installs what is missing from Debian's apt first.

BUILD      ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc)
# ctest runs two more tests than cores: the kill and village tests mostly wait
# (on processes and on the emulated link) and start first (COST), so the
# CPU-bound tests run beside them instead of after them.
CTEST_JOBS ?= $(shell echo $$(( $(JOBS) + 2 )))
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export CCACHE_BASEDIR ?= $(CURDIR)/..
export CCACHE_NOHASHDIR ?= 1

# Every Debian package the build, the tests and `make run` use.
PACKAGES := cmake g++ make ninja-build ccache pkg-config git ca-certificates openssl \
  sqlite3 libargon2-dev libicu-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev \
  libzstd-dev zlib1g-dev libcpp-httplib-dev libboost1.81-dev haproxy libzip-dev libexpat1-dev libxlsxwriter-dev \
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools \
  qt6-positioning-dev qt6-multimedia-dev qml6-module-qtmultimedia qml6-module-qtquick qml6-module-qtquick-controls \
  qml6-module-qtquick-window qml6-module-qtquick-layouts qml6-module-qtquick-templates \
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qttest qml6-module-qtquick-dialogs \
  qml6-module-qtpositioning qml6-module-qtquick-shapes qml6-module-qt-labs-settings \
  libpq-dev postgresql-15 libqrencode-dev libzxing-dev libpng-dev \
  qtkeychain-qt6-dev libsecret-1-0 gnome-keyring dbus \
  fonts-noto-cjk iproute2 procps

FUZZ_PACKAGES := clang libclang-rt-14-dev
FORMAT_PACKAGES := clang-format
LINT_PACKAGES := clang-tidy python3
PACKAGE_PACKAGES := dpkg-dev file debootstrap

.PHONY: all deps build test run bench soak fuzz asan tsan package package-test clean format format-check lint

all: build

deps:
	@scripts/install-deps.sh $(PACKAGES)

# CMakePresets.json holds the configurations (release, debug, asan, tsan) an
# IDE opens too; `make` uses "release" in $(BUILD).
$(BUILD)/build.ninja: CMakeLists.txt CMakePresets.json | deps
	cmake --preset release -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(CTEST_JOBS) --timeout 900 -LE soak

run: build
	scripts/run-demo.sh $(BUILD)

bench: build
	scripts/bench.sh $(BUILD)

soak: build
	cd $(BUILD) && ctest --output-on-failure -L soak

fuzz:
	@scripts/install-deps.sh $(PACKAGES) $(FUZZ_PACKAGES)
	scripts/fuzz.sh

# Sanitizers (scripts/sanitize.sh): exit non-zero on a failing test or on any
# sanitizer report, in the test or in a server/cli process it started.
asan:
	@scripts/install-deps.sh $(PACKAGES)
	JOBS=$(JOBS) scripts/sanitize.sh asan

tsan:
	@scripts/install-deps.sh $(PACKAGES)
	JOBS=$(JOBS) scripts/sanitize.sh tsan

# clang-format over the C++ (.clang-format); see scripts/format.sh for why QML is
# checked by qmllint rather than rewritten.
format:
	@scripts/install-deps.sh $(FORMAT_PACKAGES)
	scripts/format.sh fix

format-check:
	@scripts/install-deps.sh $(FORMAT_PACKAGES)
	scripts/format.sh check

# scripts/lint.sh: no colour outside Theme.qml, qmllint over every QML file
# (.qmllint.ini), clang-tidy over the project's own C++ (.clang-tidy), using
# $(BUILD)/compile_commands.json; fails on any finding.
lint: build
	@scripts/install-deps.sh $(LINT_PACKAGES)
	JOBS=$(JOBS) scripts/lint.sh $(BUILD)

package: build
	@scripts/install-deps.sh $(PACKAGE_PACKAGES)
	cd $(BUILD) && cpack -G DEB

package-test: package
	scripts/package-test.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-tsan
