"""glossar.bilingual"""
