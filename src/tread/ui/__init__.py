"""tread's Textual reader. Imported only by `tread read`."""
