from knowledge.text import Tokenizer, normalise, quoted_names, stop_words, user_words_of


def test_normalise_width_script_case_and_punctuation():
    assert normalise("ＡＢＣ１２３，職業技能！") == "abc123 职业技能"
    assert normalise("  荊州   技能人才？？") == "荆州 技能人才"
    assert normalise("SMT贴片机") == "smt贴片机"


def test_question_words_are_stop_words_from_config():
    stops = stop_words()
    for word in ("怎么", "有没有", "吗", "什么", "如何", "哪里", "能不能"):
        assert word in stops


def test_quoted_programme_names_become_user_words():
    body = "荆州市实施“马兰花计划”，举办“郢匠杯”大赛。“以前没手艺，只能到处打零工。”"
    assert quoted_names(body) == ["马兰花计划", "郢匠杯"]
    words = user_words_of([("标题", ["技兴荆楚"], body)])
    assert {"马兰花计划", "郢匠杯", "技兴荆楚"} <= set(words)


def test_user_words_stay_whole_and_stop_words_go(tmp_path):
    tok = Tokenizer(["马兰花计划"], cache_dir=tmp_path)
    terms = tok.terms("荆州市实施马兰花计划怎么样")
    assert "马兰花计划" in terms
    assert "怎么样" not in terms and "怎么" not in terms
    plain = Tokenizer([], cache_dir=tmp_path)
    assert "马兰花计划" not in plain.terms("荆州市实施马兰花计划")


def test_name_bigrams_cover_names_jieba_splits():
    tok = Tokenizer([])
    terms = tok.terms("非遗传承人杨阿妮手把手教")
    assert {"杨阿", "阿妮"} <= set(terms)
