//! Copies benches/engine.rs into OUT_DIR without its inner attributes and inner doc comments, which
//! `include!` cannot take and which switch the bench off on wasm32; the code itself is unchanged.
use std::{env, fs, path::Path};

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../benches/engine.rs");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = fs::read_to_string(&source).expect("benches/engine.rs");
    let body: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("#![") && !l.trim_start().starts_with("//!"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("engine.rs"), body).expect("write");
}
