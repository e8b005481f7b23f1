"""The bot's own article pages, and links to them in replies."""

SEED_ID = "413c7548385390b6"  # the bundled seed page has no URL of its own


def test_an_article_page_shows_the_article(client):
    resp = client.get(f"/articles/{SEED_ID}")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "郢匠逐梦新时代" in html
    assert "技能人才总量超过73万人" in html
    assert "400-633-0111" in html


def test_an_unknown_article_is_a_404_page(client):
    resp = client.get("/articles/no-such-article")
    assert resp.status_code == 404
    assert "没有找到" in resp.get_data(as_text=True)


def test_markup_in_articles_is_escaped(app, client):
    from bot.services import get_services
    from knowledge.article import Article

    kb = get_services(app).kb
    kb.upsert([Article(id="x-script", title="<script>alert(1)</script>标题", url="",
                       published="2025-01-02", source="测试", column="综合资讯", region="全国",
                       keywords=["<b>词</b>"], body="第一段<img src=x>\n\n第二段")])
    html = client.get("/articles/x-script").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img" not in html


def test_a_card_for_an_article_without_url_links_to_its_page(wechat, live_bot):
    answer = wechat.text("o_page_reader", "荆州技能人才")  # the answer first, then its link
    assert answer.reply["MsgType"] == "text"
    assert f"({live_bot.url}/articles/{SEED_ID})" in answer.text  # a link, as WeChat shows it
    wechat.text("o_page_reader", "更多")
    card = wechat.text("o_page_reader", "1")
    assert card.reply["MsgType"] == "news"
    assert card.reply["Articles"]["item"]["Url"] == f"{live_bot.url}/articles/{SEED_ID}"


def test_public_url_setting_wins_over_the_host_header(app_config):
    from bot import create_app
    from bot.devtools.wechat_side import WeChatSide
    from bot.services import get_services

    app_config["bot_public_url"] = "https://bot.jiuyeqiao.cn"
    app = create_app(app_config)
    get_services(app).kb.load_bundled()
    client = app.test_client()

    def post(path, params, body):
        resp = client.post(path, query_string=params, data=body)
        return resp.status_code, resp.get_data(as_text=True)

    delivery = WeChatSide(post, "testtoken").text("o_public", "荆州技能人才")
    assert f"(https://bot.jiuyeqiao.cn/articles/{SEED_ID})" in delivery.text
