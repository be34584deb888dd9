# Types for the compiled build of candidates.py (Cython; see hatch_build.py). The .py
# file stays the source of truth: without a compiler it runs as it is.
import cython

@cython.locals(
    n=cython.Py_ssize_t, e=cython.Py_ssize_t, s=cython.Py_ssize_t, we=cython.Py_ssize_t,
    end_index=cython.Py_ssize_t, gid=cython.Py_ssize_t, end=cython.Py_ssize_t,
    start=cython.Py_ssize_t, o_s=cython.Py_ssize_t, o_e=cython.Py_ssize_t,
    o_stem=cython.Py_ssize_t, ws=cython.Py_ssize_t, n_decisions=cython.Py_ssize_t,
    in_word=cython.bint, cacheable=cython.bint, identity=cython.bint, to_we=cython.bint,
    compound=cython.Py_ssize_t, flags=cython.Py_ssize_t,
    left=cython.Py_UCS4, right=cython.Py_UCS4, ch=cython.Py_UCS4, stop=cython.Py_ssize_t,
    folded=str, text=str, cased=str, rest=str, word=str,
    candidates=list, key_len=list, groups=list, word_decisions=list,
    last=tuple, decision=tuple, known=dict, phrase_befores=dict,
)
cpdef list candidates(rec, str text, folding)
