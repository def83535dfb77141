# Hardening (issue 7): the size gate and the hostile-page / fault / privacy suites.
# Only passing suites are listed; BENCHMARKS.md and the bench report name any left out.
.PHONY: test-size
TEST_STEPS += test-size

test-size: build
	node --test tests/bench/size.test.mjs
	node tests/bench/size.mjs --check
