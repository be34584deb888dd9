# Types for the compiled build of nouns.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is. cpdef: the module's
# own calls (plain_noun_paradigm → _umlauted_by_end → umlauted) are C calls.
import cython

@cython.locals(i=cython.Py_ssize_t, c=str)
cpdef umlauted(word)

@cython.locals(end=str, decided=cython.bint, ends=dict)
cpdef _umlauted_by_end(word)

@cython.locals(par=dict)
cpdef dict plain_noun_paradigm(word, gender)

@cython.locals(lw=str, end=str, vowel_end=cython.bint, templates=dict, key=tuple)
cpdef dict _plain_noun_paradigm(word, gender)

cpdef bint _vowel_end(lw, gender) except -1

cpdef tuple _genitive_endings(lw, gender, bint vowel_end)

cpdef tuple _plural_endings(lw, gender, bint vowel_end)
