import pytest

from knowledge.article import Article, ArticleError, id_from_url
from knowledge.regions import find_region
from tests.kb_support import record


def test_valid_record_round_trips():
    a = Article.from_dict(record(1, region="湖北"))
    assert a.published == "2024-03-02 09:00:00"
    assert Article.from_dict(a.to_dict()) == a


@pytest.mark.parametrize("raw,published", [
    ("2024-03-05", "2024-03-05 00:00:00"), ("2024/3/5 8:00", "2024-03-05 08:00:00"),
    ("2024-03-05T09:30:00", "2024-03-05 09:30:00"), ("2024年3月5日", "2024-03-05 00:00:00"),
    ("2024年03月05日 09:30", "2024-03-05 09:30:00"), ("2024.03.05", "2024-03-05 00:00:00"),
])
def test_dates_editors_write_are_read(raw, published):
    assert Article.from_dict(record(1, published=raw)).published == published


@pytest.mark.parametrize("field,value", [
    ("title", ""), ("title", 3), ("published", "19/04/2024"), ("published", None),
    ("published", "2024年13月5日"),
    ("url", "ftp://x"), ("region", "荆州"), ("keywords", "招聘会" and 5), ("id", "a b"),
    ("body", ""), ("cover", "/img.png"), ("colour", "red"),
])
def test_bad_fields_are_named(field, value):
    data = record(1)
    data[field] = value
    with pytest.raises(ArticleError) as err:
        Article.from_dict(data)
    assert err.value.field == field


def test_not_an_object_is_refused():
    with pytest.raises(ArticleError) as err:
        Article.from_dict(["not", "a", "dict"])
    assert err.value.field == "record"


def test_missing_id_comes_from_url():
    data = record(1)
    del data["id"]
    assert Article.from_dict(data).id == id_from_url(data["url"])
    del data["url"]
    with pytest.raises(ArticleError) as err:
        Article.from_dict(data)
    assert err.value.field == "id"


def test_region_is_inferred_when_absent():
    data = record(2, title="鄂州市举办招聘会", body="鄂州市华容区今天举办招聘会。")
    assert Article.from_dict(data, infer_region=find_region).region == "湖北"
    plain = record(3, title="招聘会", body="今天举办招聘会。", keywords=[])
    assert Article.from_dict(plain, infer_region=find_region).region == "全国"


def test_keywords_accept_a_delimited_string_and_drop_duplicates():
    a = Article.from_dict(record(4, keywords="招聘会，襄阳、招聘会"))
    assert a.keywords == ["招聘会", "襄阳"]


def test_full_province_names_become_the_sites_short_names():
    assert Article.from_dict(record(5, region="湖北省")).region == "湖北"
    assert Article.from_dict(record(5, region="广西壮族自治区")).region == "广西"
    assert Article.from_dict(record(5, region="香港特别行政区")).region == "香港"
