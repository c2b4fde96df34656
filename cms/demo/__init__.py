"""The demo site's content, one module per section; `home.demo` runs the steps in order."""
