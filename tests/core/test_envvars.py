from __future__ import annotations

import pytest

from tread.core.envvars import BadSetting, env_number


def test_unset_or_empty_gives_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TREAD_X", raising=False)
    assert env_number("TREAD_X", 15, unit="seconds", maximum=3600) == 15
    monkeypatch.setenv("TREAD_X", " ")
    assert env_number("TREAD_X", 15, unit="seconds", maximum=3600) == 15


def test_a_good_value_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_X", "2.5")
    assert env_number("TREAD_X", 15, unit="seconds", maximum=3600) == 2.5


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "-1", "0", "1e400", "abc", "5000"])
def test_unusable_values_are_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv("TREAD_X", raw)
    with pytest.raises(BadSetting, match=r"TREAD_X=.* takes a number of seconds"):
        env_number("TREAD_X", 15, unit="seconds", maximum=3600)


def test_integers_refuse_fractions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREAD_X", "2.5")
    with pytest.raises(BadSetting, match="whole number"):
        env_number("TREAD_X", 5000, unit="sentences", maximum=10**6, integer=True)
    monkeypatch.setenv("TREAD_X", "300")
    assert env_number("TREAD_X", 5000, unit="sentences", maximum=10**6, integer=True) == 300
