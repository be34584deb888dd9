"""Glossary interchange: one module per format (TBX, CSV/TSV, JSON, TOML) behind one registry.

Pick a format with :mod:`.registry`; :mod:`.entries` holds the row shape they share.
"""
