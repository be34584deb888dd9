# Types for the compiled build of segment.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is.
import cython

@cython.locals(
    start=cython.Py_ssize_t, limit=cython.Py_ssize_t, prev_end=cython.Py_ssize_t,
    prev_start=cython.Py_ssize_t,
)
cdef tuple _word_before(str text, Py_ssize_t end, Py_ssize_t floor)

@cython.locals(stop=cython.Py_ssize_t, limit=cython.Py_ssize_t)
cdef str _word_after(str text, Py_ssize_t start, Py_ssize_t end)

cdef bint _may_follow(Py_UCS4 first)

@cython.locals(after=cython.Py_ssize_t, mark=cython.Py_ssize_t)
cdef bint _is_boundary(str text, m, Py_ssize_t end, Py_ssize_t floor) except -1

@cython.locals(
    floor=cython.Py_ssize_t, n=cython.Py_ssize_t, endpos=cython.Py_ssize_t,
    limit=cython.Py_ssize_t, nl_from=cython.Py_ssize_t, nl_at=cython.Py_ssize_t,
    ls_nl=cython.Py_ssize_t, stop=cython.Py_ssize_t, size=cython.Py_ssize_t,
    start=cython.Py_ssize_t, scan_end=cython.Py_ssize_t, found=list,
    m_end=cython.Py_ssize_t, k=cython.Py_ssize_t, reach=cython.Py_ssize_t,
    nl=cython.Py_ssize_t, line_end=cython.Py_ssize_t, gap_end=cython.Py_ssize_t,
    m_start=cython.Py_ssize_t,
)
cdef Py_ssize_t _last_sentence_end(str text, Py_ssize_t lo, Py_ssize_t hi) except? -2
