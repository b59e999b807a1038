"""The website: URLs, page rendering, MkDocs per language, sitemaps and structured data."""
