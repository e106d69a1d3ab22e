"""Approximate (and exact) nearest-neighbour indexes behind one contract.

`contract.VectorIndex` is the search contract (add / remove / search with an `allowed` filter /
vectors / save); `flat`, `ivf` and `hnsw` are its FAISS backends, one module each; `manifest`
is the file beside every saved index (model, dim, normalisation, count, checksum) and the checks
a load makes against it; `factory` picks and builds a backend (`auto` by size) and loads a saved
one. A new index type is one more backend module registered in `factory.BACKENDS`.
"""
