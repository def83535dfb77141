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

/// The instance's linear memory in bytes: it grows as a big page is read and never shrinks, which
/// is why the page side starts a fresh instance after one (`engine-instance.js`, `recycle`).
#[wasm_bindgen(js_name = engineMemoryBytes)]
pub fn engine_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    let pages = core::arch::wasm32::memory_size(0);
    #[cfg(not(target_arch = "wasm32"))]
    let pages = 0;
    (pages * 65536) as f64
}

/// Breaks the instance on purpose when a test asked for it, so tests can prove the JS layer
/// recovers from a trap no input is known to cause. A test asks by setting
/// `globalThis.__dgTestTrap` (the worker) or the page's `data-dg-test-trap` attribute (the widget,
/// the content script) to `"unreachable"` (a trap at once) or `"overflow"` (recursion until the
/// shadow stack runs out, as a value nested 100,000 levels deep once did); the request is removed
/// first, so the fresh instance does not break again. Only with the `test-trap` feature, which
/// `make build` never turns on (hardening-widget-trap checks the shipped wasm).
#[cfg(feature = "test-trap")]
pub(crate) fn trap_if_asked() {
    let global = js_sys::global();
    let key = JsValue::from_str("__dgTestTrap");
    let asked = js_sys::Reflect::get(&global, &key)
        .ok()
        .and_then(|kind| kind.as_string());
    let kind = match asked {
        Some(kind) => {
            let _ = js_sys::Reflect::set(&global, &key, &JsValue::UNDEFINED);
            Some(kind)
        }
        None => web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
            .and_then(|root| {
                let kind = root.get_attribute("data-dg-test-trap")?;
                let _ = root.remove_attribute("data-dg-test-trap");
                Some(kind)
            }),
    };
    match kind.as_deref() {
        Some("overflow") => {
            std::hint::black_box(deeper(0));
        }
        Some("unreachable") => unreachable_trap(),
        _ => {}
    }
}

#[cfg(feature = "test-trap")]
fn unreachable_trap() {
    #[cfg(target_arch = "wasm32")]
    core::arch::wasm32::unreachable();
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
