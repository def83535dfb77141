# Fuzzing the readers with cargo-fuzz (libFuzzer): `make fuzz` runs every target FUZZ_SECONDS,
# `make fuzz-smoke` (in `make test`) 10 seconds each, which costs the instrumented build (about 7
# minutes on a fresh machine) on top of the proptests over arbitrary strings (tests/read_*_no_panic.rs).
#
# cargo-fuzz needs nightly-only compiler flags. A fresh machine has only the stable toolchain
# and cannot fetch another, so the stable compiler is told to accept them (RUSTC_BOOTSTRAP=1),
# without a sanitizer: the readers are safe Rust, where coverage guidance finds the panics and
# debug assertions (on in cargo-fuzz builds) find the overflows. With a nightly toolchain,
# `make fuzz FUZZ_TOOLCHAIN=+nightly FUZZ_SANITIZER=address` adds AddressSanitizer.
.PHONY: fuzz fuzz-smoke tool-cargo-fuzz

FUZZ_TARGETS := api_json csv date countdown
FUZZ_SECONDS ?= 600
FUZZ_TOOLCHAIN ?=
FUZZ_SANITIZER ?= none
CARGO_FUZZ_VERSION := 0.13.2
CARGO_FUZZ_ROOT := $(TOOL_CACHE)/cargo-fuzz-$(CARGO_FUZZ_VERSION)
CARGO_FUZZ := $(CARGO_FUZZ_ROOT)/bin/cargo-fuzz
# Its own target folder: fuzz builds use other compiler flags, and a target folder shared with
# other clones of this crate would mix their artifacts.
FUZZ_TARGET_DIR := $(CURDIR)/fuzz/target

# Seeds: the test fixtures and a few lines per text format; libFuzzer adds what it finds to
# fuzz/corpus/<target> (not committed).
fuzz_seeds_api_json := ../tests/fixtures/api
fuzz_seeds_csv := ../tests/fixtures/csv
fuzz_seeds_date := seeds/date
fuzz_seeds_countdown := seeds/countdown

tool-cargo-fuzz: $(CARGO_FUZZ)
$(CARGO_FUZZ):
	cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --root $(CARGO_FUZZ_ROOT)

# $(1): seconds per target.
define run_fuzzers
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target; \
	  case $$target in \
	    api_json) seeds="$(fuzz_seeds_api_json)"; dict="-dict=dict/api_json.dict";; \
	    csv) seeds="$(fuzz_seeds_csv)"; dict="";; \
	    date) seeds="$(fuzz_seeds_date)"; dict="";; \
	    countdown) seeds="$(fuzz_seeds_countdown)"; dict="";; \
	  esac; \
	  echo "== fuzz $$target for $(1) s"; \
	  RUSTC_BOOTSTRAP=1 PATH="$(CARGO_FUZZ_ROOT)/bin:$$PATH" cargo $(FUZZ_TOOLCHAIN) fuzz run \
	    --sanitizer $(FUZZ_SANITIZER) --target-dir $(FUZZ_TARGET_DIR) $$target corpus/$$target $$seeds -- \
	    -max_total_time=$(1) -max_len=8192 -print_final_stats=1 $$dict 2>&1 \
	    | grep -E '^(==|#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss|Done)|panicked|ERROR|SUMMARY|Test unit written|Finished'; \
	done
endef

fuzz: tool-rust tool-cargo-fuzz
	$(call run_fuzzers,$(FUZZ_SECONDS))

fuzz-smoke: tool-rust tool-cargo-fuzz
	$(call run_fuzzers,10)

TEST_STEPS += fuzz-smoke
