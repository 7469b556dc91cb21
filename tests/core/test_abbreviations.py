"""Common abbreviations of each language do not cut a sentence in two (sentences built
for each language: every abbreviation stands mid-sentence)."""

from __future__ import annotations

import pytest

from tread.core.text.abbreviations import ABBREVIATIONS, punkt_types
from tread.core.text.languages import supported_languages
from tread.core.text.segment import segment

BUILT: dict[str, list[str]] = {
    "czech": [
        "Některá města, např. Brno a Olomouc, zvýšila ceny.",
        "Ministr, tzn. nejvyšší úředník, to potvrdil v 10 hod. ráno.",
        "Zpráva (str. 12, č. 3) stála podle Ing. Nováka tři miliony.",
    ],
    "english": [
        "Prices rose in several cities, e.g. Boston and Denver, last year.",
        "The study by Smith et al. was cited, cf. page 4 of the report.",
        "Gov. Newsom spoke at 9 a.m. on Tuesday.",
        "Shares of Acme Corp. fell 3% vs. the index.",
    ],
    "french": [
        "M. Dupont a visité plusieurs villes, p. ex. Lyon et Nantes.",
        "Le rapport (voir chap. 3, p. 12) coûte env. 3 millions d'euros.",
        "Mme Martin a cité la Bible, cf. la page 4.",
    ],
    "german": [
        "Viele Städte, z. B. München und Köln, erhöhen die Preise.",
        "Betroffen sind u. a. Familien bzw. Studenten, d. h. fast alle.",
        "Die Linie Nr. 5 fährt ca. 40 Minuten lang.",
        "Der Bericht (vgl. S. 12) nennt sog. Härtefälle.",
    ],
    "greek": [
        "Πολλές πόλεις, π.χ. η Αθήνα και η Πάτρα, αύξησαν τις τιμές.",
        "Ο υπουργός, δηλ. ο ανώτατος υπάλληλος, το επιβεβαίωσε στις 10 π.μ. σήμερα.",
        "Η έκθεση (σελ. 12, αρ. 3) κόστισε τρία εκατομμύρια.",
        "Η συνάντηση έγινε στην οδ. Σταδίου με τον καθ. Παπαδόπουλο.",
        "Σύμφωνα με το άρθ. 5 του νόμου, ο υπ. Οικονομικών αποφάσισε.",
    ],
    "italian": [
        "Il sig. Rossi e la dott.ssa Bianchi sono arrivati ieri.",
        "Alcune città, ad es. Torino, hanno alzato i prezzi.",
        "Il rapporto (pag. 12, cap. 3) costa ca. tre milioni.",
    ],
    "polish": [
        "Niektóre miasta, np. Kraków i Gdańsk, podniosły ceny.",
        "Minister, tzn. najwyższy urzędnik, potwierdził to o godz. 10 rano.",
        "Raport (s. 12) kosztował ok. trzech milionów, wg. ministerstwa.",
    ],
    "portuguese": [
        "O Sr. Silva e a Dra. Costa chegaram ontem a Lisboa.",
        "Várias cidades, p. ex. Porto e Braga, subiram os preços.",
        "O relatório (pág. 12, cap. 3) custou aprox. três milhões.",
    ],
    "slovak": [
        "Niektoré mestá, napr. Košice a Prešov, zvýšili ceny.",
        "Minister, t. j. najvyšší úradník, to potvrdil o 10 hod. ráno.",
        "Správa (str. 12, č. 3) stála podľa Ing. Nováka tri milióny.",
    ],
    "spanish": [
        "El Sr. García viajó a EE. UU. con la Dra. López en marzo.",
        "Varias ciudades, p. ej. Sevilla, subieron los precios.",
        "El informe (pág. 12, núm. 3) costó aprox. tres millones.",
    ],
    "swedish": [
        "Flera städer, t.ex. Malmö och Lund, höjde priserna.",
        "Ministern, dvs. den högsta tjänstemannen, bekräftade det kl. 10 i morse.",
        "Rapporten (nr. 3) kostade ca. tre miljoner, bl.a. för resor.",
    ],
}


def test_every_supported_language_has_a_table_and_a_built_text() -> None:
    assert set(ABBREVIATIONS) == set(BUILT) == set(supported_languages())


@pytest.mark.parametrize("language", sorted(BUILT))
def test_abbreviations_do_not_end_sentences(language: str) -> None:
    text = " ".join(BUILT[language])
    seg = segment(text, language, detect_title=False)
    assert [seg.sentence_text(s) for s in seg.sentences] == BUILT[language]


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        # an abbreviation before a word that starts sentences still ends one
        ("german", "Es gab Äpfel, Birnen usw. Die Preise stiegen.", 2),
        ("english", "They met at 5 p.m. The talks lasted an hour.", 2),
        # a single letter that ends a sentence is not always an abbreviation
        ("english", "He chose plan B. Then he left.", 2),
    ],
)
def test_sentences_still_end_after_abbreviations(language: str, text: str, count: int) -> None:
    assert len(segment(text, language, detect_title=False).sentences) == count


def test_punkt_types_of_an_abbreviation() -> None:
    assert punkt_types("z. B.") == {"z", "b", "z.b"}
    assert punkt_types("e.g.") == {"e.g"}
    assert punkt_types("EE. UU.") == {"ee", "uu", "ee.uu"}
