# Types for the compiled build of scan.py (Cython; see hatch_build.py). The .py file
# stays the source of truth: without a compiler it runs as it is.
import cython

cdef Py_ssize_t _FLAT  # (a C constant: compared with every character)

@cython.locals(
    state=cython.Py_ssize_t, i=cython.Py_ssize_t, c=cython.Py_ssize_t, cp=cython.Py_ssize_t,
    a=cython.Py_ssize_t, b=cython.Py_ssize_t, ch=cython.Py_UCS4, out=list,
)
cpdef list _scan(
    str text, unsigned short[::1] classes, dict astral, int[::1] delta, Py_ssize_t width,
    int[::1] out_start, int[::1] out_gids,
)

@cython.locals(
    head=cython.Py_ssize_t, tail=cython.Py_ssize_t, state=cython.Py_ssize_t,
    row=cython.Py_ssize_t, f=cython.Py_ssize_t, j=cython.Py_ssize_t, c=cython.Py_ssize_t,
    child=cython.Py_ssize_t,
)
cpdef _transitions(
    list children, int[::1] delta, int[::1] fail, int[::1] order, Py_ssize_t width,
)

@cython.locals(n=cython.Py_ssize_t, k=cython.Py_ssize_t, state=cython.Py_ssize_t, length=cython.int[::1])
cpdef _count_outputs(int[::1] order, int[::1] fail, int[::1] value, int[::1] out_start)

@cython.locals(
    k=cython.Py_ssize_t, state=cython.Py_ssize_t, p=cython.Py_ssize_t, f=cython.Py_ssize_t,
    q=cython.Py_ssize_t,
)
cpdef _fill_outputs(
    int[::1] order, int[::1] fail, int[::1] value, int[::1] out_start, int[::1] out_gids,
)
