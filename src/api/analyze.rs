//! `analyze`, `reconcile` and `toCsv` for the widget: orders, API responses or CSV in, deadlines out.
