from tread.core.text.counts import counted


def test_one_is_singular_and_the_rest_plural() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(1204, "new article") == "1,204 new articles"
    assert counted(2, "entry", "entries") == "2 entries"
