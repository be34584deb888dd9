"""glossar.mt"""
