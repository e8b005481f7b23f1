import numpy as np

from knowledge import Article
from knowledge.build import build_index
from knowledge.persist import load, newest, prune, save
from knowledge.query import parse
from knowledge.ranking import Ranker
from tests.kb_support import record


def _articles(n):
    words = ["招聘会", "技能培训", "创业贷款", "社保补贴", "高校毕业生", "零工市场"]
    return [Article.from_dict(record(
        i, title=f"{words[i % 6]}第{i}期", keywords=[words[i % 6]],
        body=f"{words[i % 6]}相关内容。" * (1 + i % 4) + f"编号{i:04d}的说明。",
        published=f"2024-0{1 + i % 9}-1{i % 10} 08:00:00")) for i in range(n)]


def test_csr_postings_are_sorted_per_term_and_weights_saturate():
    seg, tok = build_index(_articles(120), processes=1, version=3)
    assert len(seg) == 120 and seg.version == 3
    assert seg.indptr[-1] == len(seg.postings) == int(seg.df.sum())
    for t in range(len(seg.vocab)):
        rows = seg.postings[seg.indptr[t]:seg.indptr[t + 1]]
        assert (np.diff(rows) > 0).all()
    assert 0 < seg.weights.min() and seg.weights.max() < 1
    rows, weights = seg.posting("招聘会")
    assert len(rows) == seg.doc_freq("招聘会") == 20
    title_hit = weights[list(rows).index(seg.row_of["t-0"])]
    assert title_hit > np.median(seg.weights)  # title + keyword + body beats a body mention


def test_parallel_build_equals_serial_build():
    articles = _articles(60)
    one, _ = build_index(articles, processes=1)
    two, _ = build_index(articles, processes=2)
    assert one.vocab == two.vocab and one.ids == two.ids
    assert np.array_equal(one.postings, two.postings)
    assert np.allclose(one.weights, two.weights)


def test_persisted_segment_reloads_memory_mapped_and_ranks_the_same(tmp_path):
    seg, tok = build_index(_articles(50), processes=1, version=7)
    path = save(seg, tmp_path)
    again = load(path)
    assert again.version == 7 and again.vocab == seg.vocab
    assert np.array_equal(again.postings, seg.postings)
    q = parse("社保补贴", tok, Ranker(seg).in_vocab, None)
    assert [r.id for r in Ranker(seg).rank(q)] == [r.id for r in Ranker(again).rank(q)]


def test_newest_and_prune_keep_the_latest_versions(tmp_path):
    for v in (1, 2, 5):
        seg, _ = build_index(_articles(5), processes=1, version=v)
        save(seg, tmp_path)
    assert newest(tmp_path, 4).name == "v2"
    prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("v")) == ["v2", "v5"]


def test_an_unseen_common_word_weighs_less_than_an_unseen_rare_one():
    from knowledge.query import Group

    seg, _ = build_index(_articles(40), processes=1)
    ranker = Ranker(seg)
    rarest = ranker.idf(1.0)
    common, rare = ranker.group_idf(Group("统一")), ranker.group_idf(Group("公积金"))
    assert "统一" not in seg.term_id and "公积金" not in seg.term_id
    assert rare == rarest  # a specific word a small corpus lacks: no answer is the point
    assert 0 < common < 0.8 * rarest  # an everyday word it lacks by chance counts less


def test_ids_titles_and_terms_persist_as_lines_and_older_indexes_still_load(tmp_path):
    import json

    seg, _ = build_index(_articles(30), processes=1, version=4)
    seg.titles[3] = "一个\n换行\r的标题"  # not from a build: such a list stays in meta.json
    path = save(seg, tmp_path)
    assert (path / "ids.txt").exists() and not (path / "titles.txt").exists()
    again = load(path)
    assert (again.ids, again.titles, again.vocab) == (seg.ids, seg.titles, seg.vocab)
    assert again.row_of["t-7"] == 7 and again.term_id[seg.vocab[5]] == 5
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    for name in ("ids", "vocab"):  # the layout before the line files
        meta[name] = getattr(seg, name)
        (path / f"{name}.txt").unlink()
    del meta["lines"]
    (path / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    older = load(path)
    assert (older.ids, older.titles, older.vocab) == (seg.ids, seg.titles, seg.vocab)
