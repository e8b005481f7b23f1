"""The answering sentence: the subject a title names weighs little, questions and speakers'
lines are not answers. Bodies and titles here are written for the test."""

from __future__ import annotations

from knowledge.extract import asks_amount, asks_need, best_sentence
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


RUN = ("能领多久?失业前累计缴费满1年不足5年的,最长领取12个月;满5年不足10年的,最长18个月;10年以上的,"
       "最长24个月。对自主创业的残疾人给予最高2万元的一次性创业补贴;盲人按摩机构可申请场地租赁补贴。")


def test_a_run_of_clauses_joined_by_semicolons_is_kept_while_each_has_a_figure():
    got = best_sentence(RUN, [(_group("最长", ["最长"]), 1.0)])
    assert got.endswith("最长24个月。") and got.startswith("失业前累计")
    alone = best_sentence(RUN, [(_group("创业", ["创业"]), 1.0)])  # the next clause: no figure
    assert alone == "对自主创业的残疾人给予最高2万元的一次性创业补贴…"


def test_a_question_asking_how_much_is_answered_by_the_passage_with_the_sum():
    body = "企业新型学徒制集中开班仪式在十堰举行。人社局按每人每年5000元的标准给予企业培训补贴。"
    concepts = [(_group("学徒制", ["学徒制"]), 3.0), (_group("企业", ["企业"]), 0.3)]
    assert "开班仪式" in best_sentence(body, concepts)
    assert "5000元" in best_sentence(body, concepts, amount=asks_amount("企业每个学徒补多少"))
    assert asks_amount("三支一扶年龄卡多少") == 0 and asks_amount("有生活补贴莫")


def test_a_question_whether_one_must_is_answered_by_the_passage_saying_so():
    body = "符合条件的企业可以申请稳岗返还。资金直接拨付到企业账户,企业无需提交任何申请材料。"
    concepts = [(_group("企业", ["企业"]), 1.0), (_group("申请", ["申请"]), 1.0)]
    assert "无需" not in best_sentence(body, concepts)
    assert "无需" in best_sentence(body, concepts, need=asks_need("那企业要自己申请吗"))
