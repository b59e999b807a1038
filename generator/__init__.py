"""Klynge: a bilingual static website generator for cluster organisations."""
