"""What the domains share: private file storage and HTML-to-PDF rendering."""
