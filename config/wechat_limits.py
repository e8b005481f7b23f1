"""WeChat's documented limits, in one place for the handlers that fit replies and the bot.

Passive replies: https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
Customer-service messages: https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html
Drafts: https://developers.weixin.qq.com/doc/service/api/draftbox/draftmanage/api_draft_add.html
"""

TEXT_BYTES = 2048  # UTF-8 bytes of a text reply's Content, and of a customer-service text
NEWS_TITLE_CHARS = 64  # characters of a news reply's title shown before WeChat cuts it
NEWS_DESCRIPTION_BYTES = 240  # bytes of a news reply's description we send
DRAFT_TITLE_CHARS = 32  # "标题，总长度不超过32个字" (characters); longer titles get 45003
DRAFT_DIGEST_CHARS = 120  # characters of a draft article's digest
DRAFT_CONTENT_CHARS = 20_000  # characters of a draft article's HTML body
IMAGE_MATERIAL_BYTES = 10 * 1024 * 1024  # a permanent image material (a draft's cover)
