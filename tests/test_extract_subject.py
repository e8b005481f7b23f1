"""The answering sentence: the subject a title names weighs little, questions and speakers'
lines are not answers. Bodies and titles here are written for the test."""

from __future__ import annotations

from knowledge.extract import best_sentence
from knowledge.query import Alt, Group

TITLE = "某某青年计划启动报名 今年招募五千人"
BODY = ("某某青年计划由团省委组织实施，主要面向应届毕业生，今年招募五千人。\n\n"
        "服务期满考核合格的，三年内报考研究生初试总分加10分。\n\n"
        "参加某某青年计划有什么好处？\n\n"
        "“我参加某某青年计划两年，考研加分帮了大忙。”\n\n"
        "”已经考上研究生的李某说，某某青年计划让他受益。")


def _group(label: str, *alts: list[str]) -> Group:
    return Group(label, [Alt(terms) for terms in alts])


PLAN = _group("某某青年计划", ["某某青年计划"])
EXAM = _group("考研", ["考研"], ["研究生"])
POINTS = _group("加分", ["加分"], ["加", "10", "分"])


def test_the_subject_the_title_names_gives_way_to_the_rest_of_the_question():
    concepts = [(PLAN, 6.0), (EXAM, 2.0), (POINTS, 2.0)]
    assert best_sentence(BODY, concepts, title=TITLE) == (
        "服务期满考核合格的，三年内报考研究生初试总分加10分。")
    # without the title the plan's own name outweighs the question's point
    assert best_sentence(BODY, concepts) != best_sentence(BODY, concepts, title=TITLE)


def test_a_common_word_the_title_also_names_keeps_its_weight():
    body = ("某市发布补贴新政，企业招用毕业生每人每月补贴3000元，最长12个月。\n\n"
            "某市人社局介绍，已有200家企业参加。")
    subsidy = _group("补贴", ["补贴"])
    firm = _group("企业", ["企业"])
    got = best_sentence(body, [(_group("新政", ["新政"]), 6.0), (subsidy, 1.0), (firm, 1.0)],
                        title="某市补贴新政出台")
    assert "3000元" in got


def test_a_question_the_article_asks_is_never_the_answer():
    concepts = [(PLAN, 1.0), (_group("好处", ["好处"]), 5.0)]
    assert "？" not in best_sentence(BODY, concepts, title=TITLE)


def test_a_speaker_and_the_line_naming_a_speaker_weigh_half():
    body = ("某市见习工作会议召开。\n\n"
            "“我领到了每月3000元的见习补贴，单位也很照顾。”\n\n"
            "”在某公司见习的王某说，见习补贴按月到账。\n\n"
            "见习期间每人每月补贴3000元。")
    concepts = [(_group("见习", ["见习"]), 2.0), (_group("补贴", ["补贴"]), 2.0),
                (_group("按月", ["按月"]), 1.0)]
    # the line naming the speaker holds the most words, the quote as many as the rule
    assert best_sentence(body, concepts) == "见习期间每人每月补贴3000元。"
    story = [(_group("到账", ["到账"]), 1.0)]
    assert "到账" in best_sentence(body, story)  # still found when nothing else holds it
