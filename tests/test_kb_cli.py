import shutil
from pathlib import Path

from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
MIXED = FIXTURES / "kb_import" / "mixed.jsonl"
SEED = ROOT / "knowledge" / "data" / "pages" / "000_413c7548385390b6.txt"


def test_import_reports_bad_records_keeps_good_ones_and_fails(runner, app):
    kb = app.extensions["jyq"].kb
    before = kb.count()
    result = runner.invoke(args=["kb", "import", str(MIXED)])
    assert result.exit_code == 1
    assert f"{MIXED}:2: 字段 published" in result.output
    assert f"{MIXED}:4: 字段 region" in result.output
    assert "新增 2 篇" in result.output and "失败 2 条" in result.output
    assert kb.count() == before + 2
    assert kb.get("imp-3").region == "湖北"  # 十堰 → 湖北, inferred
    assert kb.get("imp-2") is None


def test_import_is_idempotent_and_walks_folders(runner, app, tmp_path):
    folder = tmp_path / "pages" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(FIXTURES / "pages" / "seed_page.html", tmp_path / "pages" / "twin.html")
    first = runner.invoke(args=["kb", "import", str(tmp_path / "pages")])
    assert first.exit_code == 0, first.output
    again = runner.invoke(args=["kb", "import", str(tmp_path / "pages")])
    assert again.exit_code == 0
    assert "新增 0 篇" in again.output and "失败 0 条" in again.output


def test_import_of_a_missing_path_fails_clearly(runner):
    result = runner.invoke(args=["kb", "import", "/nonexistent/file.jsonl"])
    assert result.exit_code == 1
    assert "/nonexistent/file.jsonl: 字段 path: 文件或文件夹不存在" in result.output


def test_search_shows_scores_and_why(runner):
    result = runner.invoke(args=["kb", "search", "荆州技能人才"])
    assert result.exit_code == 0
    assert "地区：湖北" in result.output
    assert "413c7548385390b6" in result.output
    assert "命中：" in result.output and "[" in result.output


def test_search_with_no_answer_says_so(runner):
    result = runner.invoke(args=["kb", "search", "明天天气怎么样"])
    assert "没有足够相关的文章" in result.output


def test_stats_and_delete(runner, app):
    stats = runner.invoke(args=["kb", "stats"])
    assert "文章总数：" in stats.output and "湖北" in stats.output
    gone = runner.invoke(args=["kb", "delete", "413c7548385390b6"])
    assert gone.exit_code == 0 and "已删除 1 篇" in gone.output
    missing = runner.invoke(args=["kb", "delete", "413c7548385390b6"])
    assert missing.exit_code == 1
    assert app.extensions["jyq"].kb.get("413c7548385390b6") is None


def test_rebuild_persists_the_index(runner, app):
    result = runner.invoke(args=["kb", "rebuild"])
    assert result.exit_code == 0 and "索引已重建" in result.output
    data_dir = app.extensions["jyq"].settings.data_dir
    assert any((data_dir / "index").glob("*/v*/meta.json"))
