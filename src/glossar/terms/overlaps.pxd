# Types for the compiled build of overlaps.py (Cython; see hatch_build.py). The .py
# file stays the source of truth: without a compiler it runs as it is.
import cython

@cython.locals(
    total=cython.Py_ssize_t, i=cython.Py_ssize_t, cluster_end=cython.Py_ssize_t,
    k=cython.Py_ssize_t, n_joins=cython.Py_ssize_t, first=cython.Py_ssize_t,
    last=cython.Py_ssize_t, la=cython.Py_ssize_t, lb=cython.Py_ssize_t,
    candidate=tuple, a=tuple, b=tuple, joins=list, losers=list,
)
cpdef list choose(str text, list candidates, word_class)

@cython.locals(
    start=cython.Py_ssize_t, end=cython.Py_ssize_t, entry_i=cython.Py_ssize_t,
    candidate=tuple, matches=list, found=str, is_sure=cython.bint,
)
cpdef list term_matches(str text, list candidates, entries, sure=*, capitals=*)
