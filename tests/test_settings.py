import pytest

from bot import create_app
from config.settings import SettingsError, load_settings


def test_defaults_are_the_documented_ones(tmp_path):
    s = load_settings({"BOT_DATA_DIR": str(tmp_path)})
    assert s.bot_hotline == "400-633-0111"
    assert s.wechat_api_base == "https://api.weixin.qq.com/"
    assert s.wechat_account_type == "subscription"
    assert not s.api_enabled and not s.crypto_enabled
    assert s.token_was_generated and s.wechat_token
    assert s.rate_limit_per_minute == 30


@pytest.mark.parametrize("raw,limit", [("0", 0), (" 120 ", 120)])
def test_rate_limit_comes_from_the_environment(tmp_path, raw, limit):
    s = load_settings({"BOT_DATA_DIR": str(tmp_path), "BOT_RATE_LIMIT": raw})
    assert s.rate_limit_per_minute == limit


@pytest.mark.parametrize("raw", ["-1", "ten", "1.5"])
def test_a_bad_rate_limit_stops_start_up(tmp_path, raw):
    with pytest.raises(SettingsError, match="BOT_RATE_LIMIT"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "BOT_RATE_LIMIT": raw})


def test_generated_token_is_stable_across_restarts(tmp_path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    assert load_settings(env).wechat_token == load_settings(env).wechat_token


@pytest.mark.parametrize(
    "key,reason",
    [("short", "43 characters"), ("!" * 43, "base64")],
)
def test_bad_aes_key_stops_start_up_with_one_line(tmp_path, key, reason):
    env = {"BOT_DATA_DIR": str(tmp_path), "WECHAT_ENCODING_AES_KEY": key,
           "WECHAT_APP_ID": "wx1"}
    with pytest.raises(SettingsError, match=reason) as exc:
        load_settings(env)
    assert "\n" not in str(exc.value)


def test_unreachable_redis_stops_start_up(tmp_path):
    from tests.support.redis_server import free_port

    config = {"redis_url": f"redis://127.0.0.1:{free_port()}/0", "store_boot_wait": 0,
              "bot_data_dir": str(tmp_path), "ENVIRON": {}}
    with pytest.raises(SettingsError, match="REDIS_URL is unreachable"):
        create_app(config)


def test_bad_account_type_is_refused(tmp_path):
    with pytest.raises(SettingsError, match="WECHAT_ACCOUNT_TYPE"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "WECHAT_ACCOUNT_TYPE": "enterprise"})


def test_app_without_app_id_says_api_is_off(app_config, caplog):
    with caplog.at_level("WARNING"):
        create_app(app_config)
    assert "API features are off" in caplog.text


@pytest.mark.parametrize("token", ["x", "short-token-123", "a" * 23])
def test_a_weak_admin_token_stops_start_up_with_the_reason(tmp_path, token):
    with pytest.raises(SettingsError, match="ADMIN_TOKEN must be at least 24"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "ADMIN_TOKEN": token})


def test_message_mode_and_skew_come_from_the_environment(tmp_path):
    key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
    s = load_settings({"BOT_DATA_DIR": str(tmp_path), "WECHAT_ENCODING_AES_KEY": key,
                       "WECHAT_APP_ID": "wx1", "WECHAT_MAX_SKEW": "120"})
    assert s.message_mode == "safe" and s.wechat_max_skew == 120
    s = load_settings({"BOT_DATA_DIR": str(tmp_path), "WECHAT_ENCODING_AES_KEY": key,
                       "WECHAT_APP_ID": "wx1", "WECHAT_MESSAGE_MODE": "compat"})
    assert s.message_mode == "compat"
    assert load_settings({"BOT_DATA_DIR": str(tmp_path)}).message_mode == "plain"
    with pytest.raises(SettingsError, match="WECHAT_MESSAGE_MODE"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "WECHAT_MESSAGE_MODE": "loose"})
    with pytest.raises(SettingsError, match="WECHAT_MAX_SKEW"):
        load_settings({"BOT_DATA_DIR": str(tmp_path), "WECHAT_MAX_SKEW": "soon"})


def test_an_unknown_setting_is_refused_not_ignored():
    with pytest.raises(SettingsError, match="extra"):
        load_settings({}, overrides={"extra": {"kb_bundled": False}})
