# Types for the compiled build of recognise.py (Cython; see hatch_build.py). The .py
# file stays the source of truth: without a compiler it runs as it is. The loop that
# adds every stem of a big glossary (~150k at 100k entries) with C integers for its
# flags and the builtin types of its tables (direct dict and list calls); the plain-noun
# spellings (most entries) as C calls.
import cython

from glossar.terms.spellings cimport _plain_noun_spellings, plain_noun

@cython.locals(
    index=cython.Py_ssize_t, head=cython.bint, flags=cython.long, stem_flags=cython.long,
    cap=cython.long, case=cython.long, compound_head=cython.long, compound_tail=cython.long,
    key=str, stem=str, first=cython.Py_UCS4, spellings=list, pattern=tuple,
    endings_of=dict, befores=dict, key_ids=dict, key_len=list, groups=list, word_only=list,
    phrase=list, letters=bytes, n_letters=cython.Py_ssize_t, bits=cython.int,
    ch=cython.Py_UCS4, code=cython.Py_ssize_t, safe=cython.bint,
)
cpdef _add_paradigms(rec, list entries, bint policy)
