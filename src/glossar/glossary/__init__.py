"""glossar.glossary"""
