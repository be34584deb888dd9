"""glossar.text"""
