//! The only code that touches web-sys: finding order rows, reading their text, writing annotations, observing changes.
