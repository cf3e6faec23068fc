# zfxxgk — the two commands the README opens with:
#   make demo   install what is missing, build, extract the bundled real reports into dataset/
#   make test   install what is missing, build, run every test (plus ASan+UBSan and fuzz smoke builds)
.PHONY: all deps build demo test test-release test-asan fuzz-smoke fuzz bench clean

JOBS ?= $(shell nproc)
BUILD ?= build
CMAKE_FLAGS ?=

all: build

deps:
	@bash scripts/install-deps.sh test

build: deps
	cmake -G Ninja -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash scripts/demo.sh $(BUILD)/cli/zfxxgk

test: build
	$(MAKE) --no-print-directory test-release test-asan fuzz-smoke

test-release:
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests built with AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	cmake -G Ninja -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DZFXXGK_SANITIZE=ON -DZFXXGK_BENCH=OFF >/dev/null
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# Every fuzz target built with clang/libFuzzer and run over its kept corpus (no new inputs).
fuzz-smoke: deps
	CC=clang-14 CXX=clang++-14 cmake -G Ninja -S . -B build-fuzz -DZFXXGK_FUZZ=ON >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	@bash scripts/fuzz.sh build-fuzz 0

# Longer fuzzing: make fuzz SECONDS=600
SECONDS ?= 60
fuzz: deps
	CC=clang-14 CXX=clang++-14 cmake -G Ninja -S . -B build-fuzz -DZFXXGK_FUZZ=ON >/dev/null
	cmake --build build-fuzz -j $(JOBS)
	@bash scripts/fuzz.sh build-fuzz $(SECONDS)

bench: build
	@bash bench/run.sh $(BUILD)

clean:
	rm -rf build build-asan build-fuzz dataset
