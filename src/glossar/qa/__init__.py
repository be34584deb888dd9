"""glossar.qa"""
