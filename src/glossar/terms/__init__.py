"""glossar.terms"""
