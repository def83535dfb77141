//! What the JS layer that owns the wasm instance asks of it: whether the instance is still sound
//! after a call threw (see `engine-instance.js`), and, in test builds only, a way to break it.

use wasm_bindgen::prelude::*;

/// Where the shadow stack stands when JavaScript calls in. Between calls a sound instance is
/// always back at the same place; a trap or a JS exception thrown through wasm frames leaves the
/// stack pointer lower (or wrapped around), and every later call would run on a broken stack.
#[wasm_bindgen(js_name = engineStackMark)]
pub fn engine_stack_mark() -> usize {
    let mark = 0u8;
    // The address of a local is only on the shadow stack if the compiler must keep it there.
    std::hint::black_box(&mark) as *const u8 as usize
}

/// Breaks the instance on purpose, so tests can prove the JS layer recovers from a trap no
/// input is known to cause: `"unreachable"` traps at once, `"overflow"` recurses until the shadow
/// stack runs out (what a value nested 100,000 levels deep once did). Never in a release build:
/// the `test-trap` feature is off there, and a test checks the shipped glue lacks this export.
#[cfg(feature = "test-trap")]
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap(kind: &str) -> u64 {
    match kind {
        "overflow" => deeper(0),
        _ => unreachable_trap(),
    }
}

#[cfg(feature = "test-trap")]
fn unreachable_trap() -> u64 {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
    #[cfg(not(target_arch = "wasm32"))]
    std::process::abort();
}

#[cfg(feature = "test-trap")]
fn deeper(level: u64) -> u64 {
    // Never reached: the stack runs out about ten thousand levels down.
    if level == u64::MAX {
        return 0;
    }
    let frame = std::hint::black_box([level; 64]);
    deeper(level + 1).wrapping_add(frame[63])
}
