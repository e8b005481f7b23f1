import json
import shutil
from pathlib import Path

from knowledge.importers import collect_files, read_file, read_json_text
from knowledge.pages import parse_page_html, parse_page_text
from tests.conftest import FIXTURES
from tests.kb_support import record

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "knowledge" / "data" / "pages" / "000_413c7548385390b6.txt"
SEED_HTML = FIXTURES / "pages" / "seed_page.html"


def test_seed_page_text_yields_only_the_article():
    rec = parse_page_text(SEED.read_text("utf-8"), SEED)
    assert rec["id"] == "413c7548385390b6"
    assert rec["title"] == "郢匠逐梦新时代 强技赋能育人才 ——湖北荆州全力推进职业能力建设工作"
    assert rec["published"] == "2024-04-19 13:47:06"
    assert rec["source"] == "中国劳动保障报"
    assert rec["column"] == "综合资讯"
    assert rec["keywords"] == ["湖北荆州", "全力推进职业能力建设工作"]
    body = rec["body"]
    assert body.startswith("技能人才总量超过73万人")
    assert body.endswith("疗养考察等福利待遇。")
    assert len(body.split("\n\n")) == 17  # 14 paragraphs and 3 section headings
    for chrome in ("400-633-0111", "内蒙古", "二维码", "关键词阅读", "相关栏目", "意见收集",
                   "留言哦"):
        assert chrome not in body
    assert not {"取消", "确定", "关闭", "收起", "全国"} & set(body.split("\n\n"))


def test_seed_region_is_inferred_from_the_text():
    [(article, error)] = list(read_file(SEED))
    assert error is None
    assert article.region == "湖北"
    assert article.url == ""


def test_html_twin_gives_the_same_article():
    html = parse_page_html(SEED_HTML.read_text("utf-8"), SEED_HTML)
    text = parse_page_text(SEED.read_text("utf-8"), SEED)
    assert html["url"] == "https://www.jiuyeqiao.cn/news/413c7548385390b6.html"
    assert {k: v for k, v in html.items() if k != "url"} == text


def test_page_without_a_date_names_the_field(tmp_path):
    broken = tmp_path / "page.txt"
    broken.write_text(SEED.read_text("utf-8").replace("2024-04-19 13:47:06", ""), "utf-8")
    [(article, error)] = list(read_file(broken))
    assert article is None
    assert error.field == "published" and error.source == str(broken)


def test_jsonl_errors_name_line_and_field_and_good_records_survive():
    lines = [json.dumps(record(1), ensure_ascii=False), "{not json",
             json.dumps(record(2, published="yesterday"), ensure_ascii=False), "",
             json.dumps(record(3), ensure_ascii=False)]
    out = list(read_json_text("\n".join(lines), "x.jsonl"))
    good = [a.id for a, e in out if a]
    bad = [(e.line, e.field) for a, e in out if e]
    assert good == ["t-1", "t-3"]
    assert bad == [(2, "json"), (3, "published")]
    assert str(out[1][1]).startswith("x.jsonl:2: 字段 json")


def test_json_object_and_list_are_accepted():
    one = list(read_json_text(json.dumps(record(1)), "api"))
    many = list(read_json_text(json.dumps([record(1), record(2, title="")]), "api"))
    assert [a.id for a, _ in one] == ["t-1"]
    assert many[0][0].id == "t-1" and many[1][1].field == "title" and many[1][1].line == 2


def test_folders_are_walked_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "a" / "b" / SEED.name)
    shutil.copy(SEED_HTML, tmp_path / "a" / "twin.html")
    (tmp_path / "a" / "x.jsonl").write_text(json.dumps(record(5)), "utf-8")
    (tmp_path / "a" / "notes.md").write_text("ignored", "utf-8")
    files, errors = collect_files([tmp_path, tmp_path / "missing.jsonl"])
    assert sorted(p.name for p in files) == sorted([SEED.name, "twin.html", "x.jsonl"])
    assert errors[0].field == "path"


def test_undecodable_file_is_one_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    [(article, error)] = list(read_file(bad))
    assert article is None and error.field == "file"


def test_date_and_source_on_one_line_are_understood():
    text = SEED.read_text("utf-8").replace(
        "2024-04-19 13:47:06\n中国劳动保障报", "发布时间：2024-04-19 13:47 来源：中国劳动保障报")
    rec = parse_page_text(text, SEED)
    assert rec["published"] == "2024-04-19 13:47"
    assert rec["source"] == "中国劳动保障报"
    assert rec["body"].startswith("技能人才总量超过73万人")
