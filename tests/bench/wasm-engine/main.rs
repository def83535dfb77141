//! The engine's criterion bench, compiled for wasm32-wasip1 (see build.rs).
include!(concat!(env!("OUT_DIR"), "/engine.rs"));
