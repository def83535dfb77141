# Benchmarks (issue 7): `make bench` runs these before the engine's criterion bench.
# Results are written to tests/bench/out/ and summarised by hand in BENCHMARKS.md.
BENCH_OUT := tests/bench/out
BENCH_STEPS := bench-size bench-engine-wasm bench-guard bench-guard-wasm bench-browser bench-page-load bench-memory bench-idle
.PHONY: $(BENCH_STEPS)
bench: $(BENCH_STEPS)

bench-size: build
	node tests/bench/size.mjs --json $(BENCH_OUT)/size.json

# 10,000 orders take about a minute per extension run on this machine, so 3 runs there (the
# medians of 100 and 1,000 are of 10 runs); raise --runs on a faster machine.
bench-browser: ext-unpacked tool-browsers
	node tests/bench/browser.mjs --runs 10 --sizes 100,1000 --out $(BENCH_OUT)/browser.json
	node tests/bench/browser.mjs --runs 3 --sizes 10000 --out $(BENCH_OUT)/browser-10000.json

# Issue 18: the page's added task time a minute on an idle 2,500-order tab (it against the same
# page without the extension).
bench-idle: ext-unpacked tool-browsers
	node tests/bench/idle.mjs --seconds 60 --orders 2500 --out $(BENCH_OUT)/idle.json

# Issue 18: what the extension adds to a 10,000-order page's memory, and over 50 re-renders.
bench-memory: ext-unpacked tool-browsers
	node tests/bench/memory.mjs --orders 10000 --rerenders 50 --out $(BENCH_OUT)/memory.json

# Issue 18: list in the DOM → every order annotated, on new tabs of a 100-order page.
bench-page-load: ext-unpacked tool-browsers
	node tests/bench/page-load.mjs --runs 10 --out $(BENCH_OUT)/page-load.json

# The criterion bench natively and as wasm32-wasip1 in Node, from the same source; prints the ratio.
WASI_TARGET := wasm32-wasip1
WASI_BENCH := $(abspath $(TARGET_DIR))/$(WASI_TARGET)/release/dg-engine-bench.wasm
bench-engine-wasm: tool-rust
	@rustup target list --installed | grep -qx $(WASI_TARGET) || rustup target add $(WASI_TARGET)
	cp Cargo.lock tests/bench/wasm-engine/Cargo.lock
	cd tests/bench/wasm-engine && CARGO_TARGET_DIR=$(abspath $(TARGET_DIR)) cargo build --release --target $(WASI_TARGET)
	rm -rf $(BENCH_OUT)/criterion-native $(BENCH_OUT)/criterion-wasm
	CRITERION_HOME=$(abspath $(BENCH_OUT))/criterion-native cargo bench --bench engine
	node tests/bench/wasi-run.mjs $(WASI_BENCH) $(BENCH_OUT)/criterion-native $(BENCH_OUT)/criterion-wasm
