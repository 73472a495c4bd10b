"""Reading leadership documents: framework-free, pure functions on plain data.

Nothing in this package may import Django: it is used by the command line,
by the import pipeline and by the benchmarks alike.
"""
