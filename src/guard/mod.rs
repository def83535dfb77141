//! The message guard: words the platform refuses in messages, and sentences too long to translate well.
