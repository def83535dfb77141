# Wasm size budget (wasm + JS glue < 150 KB gzip): `make size` prints what `make build` ships.
# `make size-top` lists the largest functions of the optimised code (names kept, not shipped:
# wasm-bindgen drops the name section and wasm-opt -Oz strips it unless told otherwise).
.PHONY: size size-top

size: build
	@for f in $(PKG)/$(CRATE)_bg.wasm $(PKG)/$(CRATE).js; do \
	  printf '%-32s %8d B raw %8d B gzip -9\n' $$f $$(stat -c%s $$f) $$(gzip -9c $$f | wc -c); \
	done
	@echo "total gzip: $$(( $$(gzip -9c $(PKG)/$(CRATE)_bg.wasm | wc -c) + $$(gzip -9c $(PKG)/$(CRATE).js | wc -c) )) B (budget 153600 B)"

size-top: build
	$(WASM_BINDGEN) --keep-debug --target web --no-typescript --out-dir $(PKG).names $(TARGET_DIR)/$(WASM_TARGET)/release/$(CRATE).wasm
	$(WASM_OPT) -Oz -g $(PKG).names/$(CRATE)_bg.wasm -o $(PKG).names/$(CRATE)_bg.wasm
	wasm-objdump -x -j Code $(PKG).names/$(CRATE)_bg.wasm | sed -n 's/.*size=\([0-9]*\) <\(.*\)>$$/\1 \2/p' | sort -rn | sed -n 1,40p
	rm -rf $(PKG).names
