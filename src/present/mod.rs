//! Words a seller reads: badges, reasons and hints in the eight panel languages.

pub mod buyer;
