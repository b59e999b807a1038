"""The press room's files: press kits, PDFs, Word files, vCards, feeds and images."""
