from bot.wechat.signature import sign, verify


def test_sign_sorts_parts_like_wechat():
    assert sign("b", "a", "c") == sign("c", "b", "a")
    assert len(sign("x")) == 40


def test_verify_accepts_the_right_signature_only():
    parts = ("token", "1700000000", "123")
    good = sign(*parts)
    assert verify(parts, good)
    assert verify(parts, good.upper())  # hex case does not matter
    assert not verify(parts, good[:-1] + ("0" if good[-1] != "0" else "1"))
    assert not verify(parts, "")
    assert not verify(parts, None)
