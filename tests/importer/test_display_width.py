"""The display width the wrap reader measures: two columns from U+2E80 on, one below."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rol_model.importer._outline import _display_width

_WIDE = re.compile("[\u2e80-\U0010ffff]")


# ASCII, CJK, full-width forms, the narrow punctuation “”—…, astral characters, a lone surrogate
_ALPHABET = [*"09.,a Z\t法治（），。“”—…·é\u2e7f\u2e80\uff5e\u3000\x80\ud800"]


@given(st.text(alphabet=st.sampled_from([*_ALPHABET, "\U0001f600", "\U00020000"])))
def test_the_width_is_one_column_a_character_plus_one_for_each_wide_one(text: str) -> None:
    assert _display_width(text) == len(text) + len(_WIDE.findall(text))


def test_the_width_of_known_lines() -> None:
    assert _display_width("") == 0
    assert _display_width("2023年，全市") == 4 + 2 * 4
    assert _display_width("“法治”—…") == 2 * 2 + 4
