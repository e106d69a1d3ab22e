"""A careers adviser's reading of CV words on the real model and the full taxonomy (the
`real_runtime` fixture of tests/conftest.py): a packer's packing is packing goods, not packaging
engineering, and a care assistant's daily work reads as care skills."""

from __future__ import annotations

import pytest

# CV line -> skills an adviser reads from it (each entry: any one of its labels); skills that
# must not be read
CASES = [
    ("Warehouse packer: picking and packing orders, loading lorries.",
     [["pack goods"], ["pick orders for dispatching"]], {"packaging engineering"}),
    ("BSc in engineering, then packing orders in a warehouse.",
     [["pack goods"]], {"packaging engineering"}),
    ("Care assistant: dementia care, helping residents wash, dress and eat, recording fluid charts",
     [["provide basic support to patients",
       "encourage social service users to preserve their independence in their daily activities"],
      ["manage healthcare users' data"],
      ["geriatrics", "tend to elderly people", "older adults' needs"]],
     {"hydraulic fluid", "dress bodies", "attend to detail"}),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "must", "must_not"), CASES)
def test_cv_words_read_as_an_adviser_reads_them(real_runtime, text, must, must_not):
    found = {x.preferred_label for x in real_runtime.linker.extract(text)}
    missed = [entry for entry in must if not found & set(entry)]
    assert not missed, (text, sorted(found))
    assert not found & must_not, (text, sorted(found))
