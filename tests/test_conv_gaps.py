"""Rounds 5 and 6, from set7's and set9's notes and set8's families, in words of our own:
service answers and rights said in plain words, the account's own questions, follow-ups
that open an item or ask for more, and 更多 / 第二条 after an answer that showed no list.

Each case is a wording written for this test, not a message of any follower set.
"""

from __future__ import annotations

import pytest

from tests.follower_eval import say_as


@pytest.mark.parametrize(("text", "fact"), [
    ("不干了要回老家 公鸡金咋取", "12329"),
    ("毕业好几年当案还在学校 会不会成死档", "档案"),
    ("去深圳帮儿子带娃 我的医保在老家 看病咋报消", "备案"),
])
def test_policy_in_follower_spelling_gets_its_service_answer(say, text, fact):
    answer = say(text)
    assert fact in answer, answer
    assert "公鸡金" not in answer and "当案" not in answer and "报消" not in answer


def test_a_transfer_after_childbirth_gets_the_rights_of_new_mothers(say):
    answer = say("坐完月子回公司 岗位被人顶了 让我去仓库 工资也降了")
    assert "哺乳期" in answer and "12333" in answer


def test_what_was_pushed_today_is_the_newest_articles(say):
    assert say("今天推送了什么 我没顾上看").startswith("最新资讯")


def test_asking_whether_we_are_the_labour_bureau_says_what_we_are(say):
    answer = say("就业桥和人社局是一回事吗")
    assert "就业桥" in answer and "12333" in answer and "答不上来" not in answer


@pytest.mark.parametrize("text", ["不好意思发错了", "点错了 不是问你的"])
def test_a_message_sent_by_mistake_gets_a_line_in_kind(say, text):
    answer = say(text)
    assert answer.startswith("没关系") and len(answer) <= 60


def test_more_after_an_answer_without_a_list_shows_the_articles_behind_it(app):
    say = say_as(app, "o_gaps_more")
    say("有没有招聘会")  # the job-seeking answer asks for the city: no list yet
    answer = say("更多")
    assert "招聘会" in answer and "没有可以翻页" not in answer


def test_more_with_nothing_asked_before_says_there_is_no_list(app):
    assert "没有可以翻页" in say_as(app, "o_gaps_none")("更多")


@pytest.mark.parametrize(("text", "facts"), [
    ("合同上写了离职两年不许去同行 可公司一分钱补偿都没给", ("竞业限制", "30%")),
    ("年度汇算让我补税三百多 去年在两个厂干过", ("汇算", "12366")),
    ("我妈上个月过世了 她交的养老保险里的钱能领回来吗", ("个人账户", "丧葬")),
    ("快60了 社保只交了十年 到时候不够年限咋办", ("延长缴费",)),
    ("社保停了大半年 现在自己交还能接得上吗", ("累计",)),
    ("离职了 失业金能领不 社保交了四年", ("本人意愿",)),
])
def test_service_answers_of_round_5(say, text, facts):
    answer = say(text)
    assert all(f in answer for f in facts), answer


@pytest.mark.parametrize(("text", "facts"), [
    ("刚查出来要住院做手术 出院回去老板说不用来了", ("医疗期",)),
    ("怀孕五个月 主管说我业绩差把我辞了", ("孕期",)),
    ("春节回来发现工位没了 说我算自动离职", ("仲裁",)),
    ("送外卖的 超时一单罚五十 一个月被罚好几百", ("罚款",)),
    ("五一三天都在厂里干了 老板按平时的工钱算", ("300%",)),
    ("跑长途的 一天开十四个钟 从来没见过加版费", ("150%",)),
    ("实习了两个月一分钱都没有 我都毕业了", ("12333",)),
    ("朋友借我身份证去办卡 现在我名下多了个公司", ("报警",)),
])
def test_rights_said_in_plain_words_get_their_answer(say, text, facts):
    answer = say(text)
    assert all(f in answer for f in facts), answer
    assert "答不上来" not in answer and "加版费" not in answer


@pytest.mark.parametrize(("text", "start"), [
    ("新年好呀 给个红包呗", "谢谢您"),
    ("你这回复得还挺快 比打电话强", "谢谢您的肯定"),  # praise answered as praise (round 26)
    ("不好意思 刚刚发错了", "没关系"),
])
def test_social_lines_of_round_5(say, text, start):
    assert say(text).startswith(start)


@pytest.mark.parametrize(("text", "fact"), [
    ("你们推的文章都是哪来的 靠谱不", "来源"),
    ("这个号正规不 问东西收不收钱", "不会向您收费"),
    ("平常都推些什么 多久推一次", "就业桥"),
    ("热线几点到几点能打通 我白天上班不方便接电话", "9:00"),
    ("dh多少", "400-633-0111"),
])
def test_questions_about_the_account_in_other_words(say, text, fact):
    assert fact in say(text)


@pytest.mark.parametrize("text", ["我家猫咪不吃东西怎么办", "帮孩子看道题 2x+4=10 x等于多少",
                                  "下期彩票买啥号"])
def test_off_topic_of_round_5_is_declined(say, text):
    answer = say(text)
    assert "就业" in answer and "就业桥是全国就业资讯服务平台" not in answer


def test_a_thanks_that_turns_to_another_place_is_a_follow_up(app):
    say = say_as(app, "o_gaps_thanks")
    say("天津见习补贴多少")
    assert "天津" not in say("好的谢谢 那吉林呢")[:8]
    answer = say_as(app, "o_gaps_thanks2")
    answer("哈尔滨有啥活干")
    assert not answer("嗯嗯 谢了 那吉林呢").startswith("不客气")


@pytest.mark.parametrize("text", ["俺们河北最近有啥新鲜事", "湖北这边有啥就业方面的新东西"])
def test_regional_news_in_other_words(say, text):
    answer = say(text)
    assert "答不上来" not in answer and ("河北" in answer or "湖北" in answer)


def test_a_past_conviction_gets_the_job_seeking_answer(say):
    answer = say("以前坐过牢 有前科 现在去哪找活")
    assert "零工市场" in answer and "答不上来" not in answer



@pytest.mark.parametrize(("text", "facts"), [
    ("辞职的时候厂里说送我培训过 要我赔两万违约金", ("服务期", "培训费")),
    ("流水线上袖子被机器卷了进去 手受伤了 老板说是我不小心", ("工伤认定",)),
    ("讲好一天一结 后来说月底一起给 现在人找不到了", ("12333", "仲裁")),
    ("中介收了我三千块说包进大厂 现在人联系不上", ("报警",)),
    ("65了退休了还在饭店洗碗 没签合同 能要双倍工资不", ("劳务关系",)),
    ("北京开了个修车铺 招了一个残疾人 能补多少", ("残疾",)),
])
def test_round_6_rights_and_service_answers(say, text, facts):
    answer = say(text)
    assert all(f in answer for f in facts), answer


@pytest.mark.parametrize(("text", "start"), [
    ("这一周有没有出什么新政策", "最新资讯"),
    ("你们最近推的几篇发我看看", "最新资讯"),
])
def test_the_newest_in_longer_words(say, text, start):
    assert say(text).startswith(start)


@pytest.mark.parametrize(("text", "fact"), [
    ("你们一般推送些什么内容 多久更新一次", "就业桥是全国就业资讯服务平台"),
    ("就业桥到底是政府的还是私人公司的", "就业桥"),
    ("我们乡里办了场招聘会 想找你们投稿", "400-633-0111"),
])
def test_questions_about_the_account_in_round_6_words(say, text, fact):
    answer = say(text)
    assert fact in answer and "答不上来" not in answer


def test_a_suggestion_about_push_times_is_offered_as_one(say):
    answer = say("建议别大半夜推送 吵醒人")
    assert "建议" in answer and "回复“1”" in answer


def test_a_job_seeker_who_asks_for_a_factory_gets_the_job_seeking_answer(say):
    answer = say("会开叉车 在苏州想进个厂 有推荐吗")
    assert "零工市场" in answer


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("创业担保贷款怎么申请", "把原文链接发我", "/articles/"),
    ("湖南有什么新闻", "就那个残疾人就业的 打开看看", "残疾人"),
    ("湖北培训补贴", "还有别的吗 再来几条", "湖北"),
])
def test_follow_ups_that_open_an_item_or_ask_for_another(app, first, then, expected):
    say = say_as(app, "o_gaps_open")
    say(first)
    answer = say(then)
    assert expected in answer and not answer.startswith("您好")


def test_next_page_with_a_particle_pages(app):
    say = say_as(app, "o_gaps_page")
    say("招聘会")
    say("广东的")
    assert not say("下一页咯").startswith("您好")


@pytest.mark.parametrize(("text", "fact"), [
    ("我是一家餐饮公司的人事 想跟你们合作发布招聘信息", "400-633-0111"),
    ("怎么给你们留言 有点情况想反映", "留言"),
    ("你们是不是只发广东的 我在四川", "全国"),
    ("有没有网页版 用电脑能看吗", "浏览器"),
    ("可以发语音问吗 我不会打字", "语音"),
    ("祝就业桥越来越好 新年快乐", "谢谢您"),
    ("我不太会弄 直接打字问就可以吗", "就业桥"),
])
def test_round_7_questions_about_the_account(say, text, fact):
    answer = say(text)
    assert fact in answer and "答不上来" not in answer, answer


@pytest.mark.parametrize(("text", "fact"), [
    ("退休的会计 想返聘或者找点记账的活 发挥余热", "零工市场"),
    ("送快递的有没有工伤保险 听说有职业伤害保障", "职业伤害保障"),
    ("站长叫我们都去办个体户 再签个合作协议 说这样就不算员工", "劳动关系"),
])
def test_round_7_service_answers(say, text, fact):
    assert fact in say(text)


def test_a_late_injury_claim_after_the_injury_answer_gets_the_one_year_limit(app):
    say = say_as(app, "o_gaps_late")
    say("工伤怎么认定")
    answer = say("单位拖了一个多月都没报 现在还来得及吗")
    assert "1年" in answer


def test_the_link_after_a_service_answer_is_the_article(app):
    say = say_as(app, "o_gaps_link")
    say("天津见习补贴多少")
    answer = say("链接发我下")
    assert "/articles/" in answer and "再见" not in answer


@pytest.mark.parametrize(("text", "start"), [
    ("跟我聊的是机器吧 后台到底有没有人看", "我是就业桥公众号的自动回复助手"),
    ("有人打电话说是就业桥的 让我先交钱 是你们吗", "这里是就业桥公众号"),
    ("你们一天推好几条 太频繁了", "抱歉"),
    ("字号能不能调大点 老人看着费劲", "谢谢您的建议"),
    ("到底能不能回答 给句准话", "抱歉让您久等了"),
])
def test_round_8_lines_in_kind(say, text, start):
    assert say(text).startswith(start)


@pytest.mark.parametrize(("text", "fact"), [
    ("培训学校说先学后付 后来才知道给我办了贷款", "报警"),
    ("日日OT到好夜 OT钱一蚊都冇", "150%"),
    ("年根底下包工头就找不着人了 我们仨人俩月的钱一分没拿着", "12333"),
    ("单位放假两个月 想在东莞找个临时的活", "零工市场"),
    ("zp信息有没有 成都的", "零工市场"),
])
def test_round_8_rights_and_jobs(say, text, fact):
    answer = say(text)
    assert fact in answer and "答不上来" not in answer, answer


@pytest.mark.parametrize(("text", "fact"), [
    ("工头说项目款没下来 让我们再等等 三个月了一分钱没见着", "12333"),
    ("你们文章里的电话打过去是停机", "抱歉"),
    ("你们有哪些地方的消息 我们市的有吗", "全国"),
    ("可以只推江西的吗 外省的不想看", "订阅"),
    ("跑外卖被车刮了 手骨裂 站点说不管", "职业伤害保障"),
    ("招聘的说要先贷款交培训费 学完包工作", "报警"),
    ("我妈退休了在商场做保洁 拖地滑倒了 商场说她不是正式员工", "劳务关系"),
])
def test_round_9_in_words_of_our_own(say, text, fact):
    answer = say(text)
    assert fact in answer and "答不上来" not in answer, answer


def test_another_subject_after_a_list_is_asked_as_such(app):
    say = say_as(app, "o_gaps_other")
    say("三支一扶")
    answer = say("那西部计划呢")
    assert "西部计划" in answer and "三支一扶" not in answer.split("\n")[0]
