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


def test_user_words_stay_whole_and_stop_words_go():
    tok = Tokenizer(["马兰花计划"])
    terms = tok.terms("荆州市实施马兰花计划怎么样")
    assert "马兰花计划" in terms
    assert "怎么样" not in terms and "怎么" not in terms
    plain = Tokenizer([])
    assert "马兰花计划" not in plain.terms("荆州市实施马兰花计划")


def test_name_bigrams_cover_names_jieba_splits():
    tok = Tokenizer([])
    terms = tok.terms("非遗传承人杨阿妮手把手教")
    assert {"杨阿", "阿妮"} <= set(terms)


def test_segmentation_is_jiebas_own_on_the_bundled_articles():
    """jieba-rs must cut exactly as jieba does, user words included (docs/search.md says so)."""
    import jieba

    from knowledge.base import BUNDLED_DIR
    from knowledge.importers import collect_files, read_file
    from knowledge.normal import normalise
    from knowledge.text import USER_WORD_FREQ

    files, _ = collect_files([BUNDLED_DIR])
    articles = [a for f in files for a, _ in read_file(f) if a is not None]
    words = user_words_of((a.title, a.keywords, a.body) for a in articles)
    ours, reference = Tokenizer(words), jieba.Tokenizer()
    for word in ours.user_words:
        reference.add_word(word, USER_WORD_FREQ)
    texts = [normalise(f"{a.title}\n{a.body}") for a in articles]
    assert sum(len(t) for t in texts) > 20_000
    for text in texts:
        assert ours.cut(text) == [w for w in reference.lcut(text, HMM=False) if w.strip()]
        assert ours.words(text) == [w for w in reference.lcut_for_search(text) if w.strip()]
    assert ours.known("马兰花计划") and not ours.known("马兰花计") and ours.known("就业")
