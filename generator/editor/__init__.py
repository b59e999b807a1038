"""The editors' commands: the command line, preview, scaffolding and translation reports."""
