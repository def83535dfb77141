# The browser extension: unpacked builds per browser, store zips, lint, end-to-end
# tests in Chromium and Firefox, and the demo seller panel. Included by the top-level Makefile.

EXT_UNPACKED := dist/unpacked
WEB_EXT := node_modules/.bin/web-ext

.PHONY: ext-unpacked dist test-dist test-ext-lint test-ext-e2e demo-ext bench-ext

ext-unpacked: build
	node mk/extension-build.mjs >/dev/null

dist: ext-unpacked
	$(WEB_EXT) build --source-dir $(EXT_UNPACKED)/chrome --artifacts-dir dist --filename deadline-guard-chrome.zip --overwrite-dest >/dev/null
	$(WEB_EXT) build --source-dir $(EXT_UNPACKED)/firefox --artifacts-dir dist --filename deadline-guard-firefox.zip --overwrite-dest >/dev/null
	@ls -l dist/*.zip

# The store zips are built by every test run and must hold exactly the production builds.
test-dist: dist
	node --test tests/e2e/dist-zips.test.mjs

# 0 errors required; BACKGROUND_SERVICE_WORKER_IGNORED is the known warning of one shared manifest.
test-ext-lint: ext-unpacked
	$(WEB_EXT) lint --source-dir $(EXT_UNPACKED)/firefox --output json > dist/web-ext-lint.json || true
	node -e 'const r=require("./dist/web-ext-lint.json"); for (const e of r.errors) console.error(e.code, e.message, e.file||""); console.log(`web-ext lint: $${r.errors.length} errors, $${r.warnings.length} warnings`); process.exit(r.errors.length ? 1 : 0)'

test-ext-e2e: ext-unpacked tool-browsers
	TZ=America/Los_Angeles node --test --test-concurrency=1 tests/e2e/ext*.test.mjs

# Scan-and-annotate time of a 1,000-order page in headless Chromium (median of runs).
bench-ext: ext-unpacked tool-browsers
	node tests/e2e/bench-scan.mjs

demo-ext: ext-unpacked
	@echo ""
	@echo "Unpacked extension (Chromium): $(CURDIR)/$(EXT_UNPACKED)/chrome"
	@echo "  chrome://extensions → Developer mode → Load unpacked → pick that folder."
	@echo "Unpacked extension (Firefox):  $(CURDIR)/$(EXT_UNPACKED)/firefox"
	@echo "  about:debugging#/runtime/this-firefox → Load Temporary Add-on → pick its manifest.json."
	@echo "Demo seller panel (the same scanner, no extension needed): /extension/demo/?lang=en|es|de|fr|pt|ru|it|zh"
	node extension/demo/serve-demo.mjs

TEST_STEPS += test-dist test-ext-lint test-ext-e2e
DEMO_STEPS += demo-ext
