"""The kind model (knowledge/kinds.py): its examples file, and how well it reads messages it
never saw."""

from __future__ import annotations

import pytest

from knowledge.kinds import KINDS, Example, KindModel, read_examples


def _set_of(example: Example) -> int:
    """The follower set a line came from (s37-012 → 37); 0 for an editor's own line."""
    head = example.id.split("-")[0]
    return int(head[1:]) if head[:1] == "s" and head[1:].isdigit() else 0


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return read_examples()


def test_the_examples_file_reads_and_has_every_kind(examples):
    assert len(examples) > 5000
    assert {e.kind for e in examples} == set(KINDS)


def test_sets_it_never_saw_are_read_right_nine_times_in_ten(examples):
    """Trained on sets 1-36, it reads the later sets (by other writers, written later)."""
    model = KindModel(e for e in examples if _set_of(e) <= 36)
    held_out = [e for e in examples if _set_of(e) > 36]
    right = sum(getattr(model.guess(e.text), "kind", None) == e.kind for e in held_out)
    assert len(held_out) > 700
    assert right / len(held_out) >= 0.9


@pytest.mark.parametrize("text, kind", [
    ("你们的推文底下能不能附个办事地址", "suggestion"),
    ("老板仨月没给钱了 找谁要", "rights"),
    ("给我推荐部好看的电视剧", "offtopic"),
])
def test_plain_messages_get_their_kind(text, kind):
    model = KindModel(read_examples())
    guess = model.guess(text)
    assert guess is not None and guess.kind == kind and 0.0 < guess.p <= 1.0


def test_a_text_with_nothing_known_gets_no_guess():
    model = KindModel([Example("a", "rights", "工资"), Example("b", "abuse", "滚")])
    assert model.guess("🌹🌹🌹") is None
    assert model.guess("工资呢").kind == "rights"
    assert model.guess("工资" * 101) is None  # longer than any message it learned from


@pytest.mark.parametrize("line, names", [
    ("x1\trights", "line 3: want id, kind and text"),
    ("x1\tgossip\t你好", "line 3: kind 'gossip'"),
    ("a1\trights\t欠薪", "line 3: id 'a1'"),
    ("x1\trights\t ", "line 3: text is empty"),
])
def test_a_bad_line_is_named_with_its_field(tmp_path, line, names):
    path = tmp_path / "kinds.tsv"
    path.write_text(f"# comment\na1\trights\t工资没发\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=names):
        read_examples(path)
