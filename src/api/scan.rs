//! Page scanning for the extension and `scan()` of the widget: snapshot in, annotation patches out.
