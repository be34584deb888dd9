# Types for the compiled build of guard_tables.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is. The loop over a
# glossary's entries writes its tables as C arrays and lists.
import cython

@cython.locals(
    i=cython.Py_ssize_t, term=cython.bint, noun=cython.bint, special=cython.bint,
    policies=list, auto=cython.uchar[::1], need=cython.uchar[::1],
    maybe_verb=cython.uchar[::1], surname_like=cython.uchar[::1],
    verbs=set, modifiers=set, adjectives=set,
)
cpdef read_entries(guards, entries)
