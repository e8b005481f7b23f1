import pytest

from knowledge.regions import (
    REGIONS,
    build_table,
    find_region,
    infer_article_region,
    load_table,
    mentions,
)


def test_regions_are_the_sites_list():
    assert REGIONS[0] == "全国"
    assert len(REGIONS) == 35
    for name in ("湖北", "内蒙古", "香港", "澳门", "台湾", "广西", "新疆", "黑龙江"):
        assert name in REGIONS


@pytest.mark.parametrize("text,region", [
    ("荆州技能人才", "湖北"), ("鄂州招聘会", "湖北"), ("公安县高级技工学校", "湖北"),
    ("石首市绣林街道", "湖北"), ("沙市区陈龙村", "湖北"), ("浦东新区招聘", "上海"),
    ("延边州就业", "吉林"), ("喀什地区", "新疆"), ("恩施州创业", "湖北"), ("呼和浩特", "内蒙古"),
    ("深圳", "广东"), ("北京市朝阳区", "北京"), ("香港青年", "香港"), ("广西壮族自治区", "广西"),
    ("全国高校毕业生", "全国"),
])
def test_places_map_to_their_province(text, region):
    assert find_region(text) == region


@pytest.mark.parametrize("text,places", [
    ("明天长沙天气怎么样", [("长沙", "湖南")]),  # not 天长 (安徽) across 明天|长沙
    ("今天长沙招聘会", [("长沙", "湖南")]),
    ("湖北省荆州市沙市区", [("湖北省", "湖北"), ("荆州市", "湖北"), ("沙市区", "湖北")]),
])
def test_a_place_counts_only_where_a_word_starts(text, places):
    assert mentions(text) == places


def test_jingzhou_and_ezhou_are_told_apart():
    assert [name for name, _ in mentions("荆州和鄂州")] == ["荆州", "鄂州"]
    assert [name for name, _ in mentions("鄂州市")] == ["鄂州市"]


@pytest.mark.parametrize("text", ["朝阳区", "鼓楼区", "合作", "东方", "明天天气怎么样", ""])
def test_ambiguous_names_and_common_words_infer_nothing(text):
    assert find_region(text) is None


@pytest.mark.parametrize("text,region", [
    ("我在番禺想找份工", "广东"), ("宝安有什么招聘会", "广东"), ("海淀的见习补贴", "北京"),
    ("浦东社保", "上海"), ("萧山招工", "浙江"), ("栖霞苹果园招人", "山东"),  # 栖霞市 over 栖霞区
])
def test_a_city_district_s_short_name_is_its_province(text, region):
    assert find_region(text) == region


@pytest.mark.parametrize("text", ["城东有个招聘会", "南郊那个厂", "开了个小店", "长安汽车招人",
                                  "中原地区", "上街买菜"])
def test_directions_and_everyday_words_that_are_districts_name_no_place(text):
    assert find_region(text) is None


def test_the_most_named_province_wins():
    assert find_region("湖北省荆州市与武汉市的企业赴广东招聘") == "湖北"


def test_table_is_derived_from_cpca_data_and_cached(tmp_path):
    table = build_table()
    assert len(table) > 3000
    assert table["荆州"] == table["鄂州"] == "湖北"
    assert "公安" not in table  # a county's short form that is a common word
    import knowledge.regions as regions

    saved = regions._table, regions._matcher
    regions._table = None
    try:
        load_table(tmp_path)
        assert (tmp_path / "regions.json").exists()
    finally:
        regions._table, regions._matcher = saved


@pytest.mark.parametrize("text,region", [
    ("2025年“春风行动”启动 全国将举办招聘活动\n重庆、四川、湖北等地举办专场。", "全国"),
    ("福建认定创业孵化基地 台湾青年在闽创业\n台湾青年在厦门创业。", "福建"),
    ("洛阳市大学生创业补贴提高\n洛阳市出台新政。郑州也有类似政策。", "河南"),
    ("银发人才再上岗\n浙江杭州、上海、北京、广东深圳多地探索。", "全国"),
    ("稳就业政策措施\n国务院办公厅印发通知。", "全国"),
])
def test_article_region_prefers_the_title_then_a_dominant_province(text, region):
    assert infer_article_region(text) == region
