"""fold: one character for one, never across a line break, and remembered only inside a block."""

from __future__ import annotations

import threading

from hypothesis import given
from hypothesis import strategies as st

from rol_model.text import SIMPLIFIED, TRADITIONAL, fold, remembered_folds
from rol_model.text._fold import _FOLD

# text the importer meets: CJK, the traditional characters and full-width forms fold touches,
# line breaks, digits, astral characters past the end of the fold table
_CHARS = st.sampled_from(
    list(TRADITIONAL + SIMPLIFIED + "０１２３４５６７８９（），：；％！？\u3000\ufeff")
    + list("abc 123\n\r\t。、一二三法治政府")
    + ["\U0001f600", "\U00020000", "\ud800"]
)
_TEXT = st.text(alphabet=_CHARS, max_size=60)


def test_every_fold_is_one_character_for_one_and_none_touches_a_line_break() -> None:
    assert all(len(folded) == 1 for folded in _FOLD.values())
    assert not {"\n", "\r"} & ({chr(code) for code in _FOLD} | set(_FOLD.values()))


@given(_TEXT, _TEXT)
def test_the_fold_of_a_whole_is_the_folds_of_its_pieces(a: str, b: str) -> None:
    # what lets an import fold a text once and slice it per line
    assert fold(a + b) == fold(a) + fold(b)
    assert len(fold(a)) == len(a)
    assert fold(a).split("\n") == [fold(line) for line in a.split("\n")]


@given(_TEXT)
def test_fold_agrees_with_the_mapping(text: str) -> None:
    assert fold(text) == text.translate(_FOLD)
    with remembered_folds():
        assert fold(text) == text.translate(_FOLD)
        assert fold(text) == text.translate(_FOLD)  # the remembered copy


def test_fold_folds_full_width_traditional_and_spaces() -> None:
    assert fold("２０２３年（一）報告：１００％\u3000") == "2023年(一)报告:100% "
    assert fold("\U0001f600𠀀") == "\U0001f600𠀀"  # past the table: left as they are


def test_remembered_folds_keep_one_copy_per_string_inside_the_block_only() -> None:
    text = "".join(["（一）加強組織領導", "x" * 10])
    with remembered_folds():
        first = fold(text)
        assert fold(text) is first
        with remembered_folds():  # a nested block has its own memory, dropped when it ends
            assert fold(text) is not first
        assert fold(text) is first
    assert fold(text) == first
    assert fold(text) is not first


def test_each_thread_remembers_its_own_folds() -> None:
    seen: list[bool] = []
    text = "".join(["報告", "y" * 5])

    def other() -> None:
        seen.append(fold(text) is fold(text))  # outside any block in this thread

    with remembered_folds():
        fold(text)
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [False]
