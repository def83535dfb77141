//! Options from JS (camelCase, as the widget documents them) into a policy, a clock reading and a locale.
