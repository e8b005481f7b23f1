"""Round 17, from set21's wrong replies, in words of our own: Cantonese requests, a suggestion
that names our phone, unpaid odd jobs, a Hong Kong worker on the mainland, "probation needs no
contract", Beijing's loan limit asked as hearsay, news of Hong Kong, Macau and Taiwan, a
follow-up that points back at a list, and the newest job fairs while the city is unknown.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations


def test_a_cantonese_please_before_a_request_for_a_person_is_no_thanks(say):
    assert "400-633-0111" in say("唔该 我想揾个真人问下")


def test_a_suggestion_that_names_our_phone_is_a_suggestion(say):
    assert "谢谢您的建议" in say("建议文章最后附一个咨询电话")


def test_an_odd_job_left_unpaid_is_unpaid_wages(say):
    answer = say("帮人家搬家干完了 主家一分钱没给")
    assert "12333" in answer and "找工作可以去" not in answer


def test_a_hong_kong_worker_on_the_mainland_gets_the_mainland_channels(say):
    answer = say("我係香港人 喺东莞厂里做嘢 老板拖咗人工唔俾")
    assert "12333" in answer and "香港劳工处" not in answer


def test_probation_without_a_written_contract_is_the_no_contract_answer(say):
    assert "双倍工资" in say("老板讲试用期不签合同 过了再签 这合法不")


def test_beijing_s_loan_limit_asked_as_hearsay_quotes_beijing_s_figure(say):
    assert "50万" in say("听人说北京创业贷款最多能贷50万 是真的吗")


def test_news_of_hong_kong_macau_and_taiwan_is_coverage(say):
    assert "就业桥是全国的" in say("你们有港澳的新闻吗")


def test_no_taiwan_news_says_so_and_shows_the_national_news(say):
    answer = say("人在台湾 有台湾那边的消息吗")
    assert "暂时还没有台湾的资讯" in answer and "全国最新资讯" in answer


def test_a_follow_up_pointing_back_at_a_list_opens_its_first_item(say):
    say("重庆公益性岗位")
    assert "[图文] 重庆开发公益性岗位" in say("刚才那个岗位是干啥的 要多大年纪")


def test_the_newest_job_fairs_while_the_city_is_unknown(say):
    answer = say("最近有哪些招聘会")
    assert "您在哪个城市" in answer and "全国最新的招聘资讯" in answer
