# Types for the compiled build of spellings.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is. cpdef: the module's
# own calls of these (one or two per entry of a big glossary) are C calls; so are its
# calls of plain_noun_paradigm (compiled in nouns.py).
import cython

from glossar.text.morphology.nouns cimport plain_noun_paradigm

@cython.locals(person_end=dict)
cpdef feminine(noun)

@cython.locals(f=cython.long, one_word=cython.bint, upper_first=cython.bint)
cpdef long spelling_flags(term, bint noun, bint proper, pos, bint abbr=*) except? -1

# (a C call from entry_spellings and recognise: a test that replaces it reaches only the
# pure build)
cpdef bint plain_noun(entry) except -1

@cython.locals(flags=cython.long, kept=cython.long)
cpdef list _plain_noun_spellings(entry, policy)
