"""The app's screens: library, reader, brief editor, and their modals."""
