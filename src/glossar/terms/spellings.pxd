# Types for the compiled build of spellings.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is. cpdef: the module's
# own calls of these (one or two per entry of a big glossary) are C calls.
cpdef feminine(noun)

cpdef list _plain_noun_spellings(entry, policy)
