"""The benchmark's corpus generator at a tiny size: deterministic, well-formed, realistic."""

import re

import pytest

from bench.corpus import BUNDLED, cached_corpus, generate
from bench.queries import synthetic_queries
from bench.vocabulary import build_vocabulary, read_articles, split_sentences

REGIONS = set(
    "全国 安徽 北京 重庆 福建 甘肃 广东 广西 贵州 海南 河北 河南 黑龙江 湖北 湖南 吉林 江苏 江西 "
    "辽宁 内蒙古 宁夏 青海 山东 山西 陕西 上海 四川 天津 西藏 新疆 云南 浙江 香港 澳门 台湾".split()
)
PUBLISHED = re.compile(r"^(\d{4})-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


@pytest.fixture(scope="module")
def vocab():
    return build_vocabulary(read_articles(BUNDLED))


def test_same_seed_same_corpus_and_prefix_property(vocab):
    first = generate(vocab, 40, seed=3)
    assert first == generate(vocab, 40, seed=3)
    assert generate(vocab, 15, seed=3) == first[:15]  # a small corpus is a big one's prefix
    assert generate(vocab, 40, seed=4) != first


def test_articles_have_the_bundled_shape(vocab):
    articles = generate(vocab, 60, seed=1)
    assert len({a["id"] for a in articles}) == 60
    assert len({a["url"] for a in articles}) == 60
    columns = {a["column"] for a in read_articles(BUNDLED)}
    for art in articles:
        year = PUBLISHED.match(art["published"])
        assert year and "2019" <= year.group(1) <= "2025", art["published"]
        assert art["region"] in REGIONS, art["region"]
        assert art["column"] in columns
        assert art["title"].strip() and "\ue000" not in art["title"] + art["body"]
        assert 1 <= len(art["keywords"]) <= 5 and all(art["keywords"])
        paragraphs = [p for p in art["body"].split("\n\n") if p.strip()]
        assert 4 <= len(paragraphs) <= 8, len(paragraphs)


def test_text_is_recombined_real_text_not_random_characters(vocab):
    bundled = "".join(a["body"] for a in read_articles(BUNDLED))
    grams = {bundled[i:i + 6] for i in range(len(bundled) - 5)}
    sentences = [s for a in generate(vocab, 30, seed=2)
                 for p in a["body"].split("\n\n") for s in split_sentences(p)]
    recognised = [s for s in sentences if any(s[i:i + 6] in grams for i in range(len(s) - 5))]
    assert len(recognised) >= 0.95 * len(sentences)


def test_queries_are_seeded_and_aimed_at_real_articles(vocab):
    articles = generate(vocab, 50, seed=5)
    queries = synthetic_queries(articles, 30, seed=9)
    assert queries == synthetic_queries(articles, 30, seed=9)
    ids = {a["id"] for a in articles}
    assert all(q.target in ids and q.q.strip() for q in queries)
    assert {q.kind for q in queries} >= {"title", "keywords", "question", "body_entity"}


def test_cached_corpus_is_written_once(tmp_path):
    path = cached_corpus(25, seed=6, out=tmp_path)
    stamp = path.stat().st_mtime_ns
    assert len(read_articles(path)) == 25
    assert cached_corpus(25, seed=6, out=tmp_path) == path
    assert path.stat().st_mtime_ns == stamp


def test_targets_are_judged_with_the_gap_and_the_size_measured():
    from bench.targets import judge

    search = {"search": {"p99": 2.5, "cpu_p99": 1.8}, "fuzzy": {"p99": 100.0},
              "start_s": 0.9, "bare_start_s": 0.5, "build_s": 30.0, "rss_mb": 240.0,
              "bare_rss_mb": 100.0}
    results = {
        "search": {100_000: search}, "build_floor": {100_000: 80.0},
        "message": {"size": 100_000, "bot": {"p99": 4.0}, "echo": {"p99": 1.0}},
        "message_small": {"size": 10_000, "bot": {"cpu_p50": 0.8}, "echo": {"cpu_p50": 0.2}},
        "http": {"size": 1_000, "ratio": 0.45, "bot": {"rps": 45.0, "p99": 9.0},
                 "echo": {"rps": 100.0, "p99": 3.0}},
        "round_trips": {"question": 2, "commands": 9, "greeting": 2},
        "quality": {"rows": {"all": {"n": 10, "ours_top1": 0.9, "fuzzy_top1": 0.6,
                                     "bm25_top1": 0.9}}},
    }
    verdicts = {v.key: v for v in judge(results)}
    assert verdicts["search"].passed is False and "+0.5 ms" in verdicts["search"].gap
    assert "CPU 1.8 ms" in verdicts["search"].measured
    assert verdicts["message"].passed is False and "+1 ms" in verdicts["message"].gap
    assert verdicts["message_cpu"].passed and verdicts["start"].passed
    assert verdicts["round_trips"].passed and "greeting: 2" in verdicts["round_trips"].baseline
    assert verdicts["build"].passed is False and "+20%" in verdicts["build"].gap
    assert verdicts["memory"].passed
    assert verdicts["http"].passed is False and "measured at 1,000" in verdicts["http"].note
    assert verdicts["quality"].passed is False  # a tie is not ahead


def test_the_ranking_stages_are_timed_each_beside_the_floor(redis_url, tmp_path):
    from bench.stages import bench_stages
    from tests.kb_support import make_kb

    kb = make_kb(redis_url, tmp_path, bundled=True)
    kb.rebuild()
    found = bench_stages(kb, ["湖北培训补贴", "荆州技能人才", "毕业生就业"], rounds=1)
    assert found["_hits"] == 3
    for stage in ("search (whole)", "parse", "rank (candidates + scoring + re-rank)",
                  "re-rank alone", "floor: plain BM25 over the postings, top 30"):
        assert found[stage]["n"] == 3 and found[stage]["p99"] >= found[stage]["p50"] > 0


def test_the_message_path_replays_sealed_messages_and_opens_the_replies(redis_url, tmp_path):
    from bench.echo_app import create_echo_app
    from bench.message_bench import bench_message_path
    from bench.wechat import bench_env
    from bot import create_app

    config = {k.lower(): v for k, v in bench_env().items()}
    config.update(redis_url=redis_url, bot_data_dir=str(tmp_path), ENVIRON={})
    found = bench_message_path(create_app(config), create_echo_app(), ["荆州技能人才", "谢谢"], 10)
    for app in ("bot", "echo"):
        replies = found[app]["replies"]
        assert sum(replies.values()) >= 10 and set(replies) <= {"text", "news"}, replies


def test_the_breakdown_times_each_part_and_leaves_the_app_as_it_was(redis_url, tmp_path):
    import bot.wechat.webhook as webhook
    from bench.breakdown import PARTS, REST, breakdown, rows
    from bench.message_bench import build_requests
    from bench.wechat import bench_env
    from bot import create_app
    from bot.services import get_services

    config = {k.lower(): v for k, v in bench_env().items()}
    config.update(redis_url=redis_url, bot_data_dir=str(tmp_path), ENVIRON={})
    app = create_app(config)
    read, begin = webhook.read_message, get_services(app).turns.begin
    found = breakdown(app, build_requests(["荆州技能人才", "湖北培训补贴", "谢谢"], 30), warmup=6)
    assert found["messages"] == 24
    parts = found["parts_us"]
    assert set(parts) == {key for key, _, _ in PARTS} | {REST[0]}
    for key in ("read", "begin", "understand", "search", "render", "finish", "encrypt"):
        assert parts[key] > 0, key
    assert sum(parts.values()) <= found["total_us"] * 1.01
    assert [share for _, _, share in rows(found)] == sorted(
        (share for _, _, share in rows(found)), reverse=True)
    assert webhook.read_message is read  # unwrapped after the run
    assert get_services(app).turns.begin == begin and "begin" not in vars(get_services(app).turns)
