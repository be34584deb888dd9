"""glossar.formats"""
