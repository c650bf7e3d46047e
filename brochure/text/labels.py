"""The few words the brochure itself prints (footer, obligatory headings), per language.

"Veeva ID" stays as it is in every language: reviewers search for it. Languages without
an entry use English, and the build warns about it (see `has_labels`). The watermark stays
English, as review systems stamp it. Have a local reviewer check new entries: the headings
of obligatory information follow each country's code of practice.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "prepared": "Date of preparation", "revised": "Last revised",
        "page": "Page {n} of {total}", "pi": "Prescribing information",
        "pi_scan": "Scan here for prescribing information", "ae": "Adverse event reporting",
    },
    "de": {
        "prepared": "Erstellungsdatum", "revised": "Zuletzt überarbeitet",
        "page": "Seite {n} von {total}", "pi": "Pflichtangaben",
        "pi_scan": "Hier scannen für die Pflichtangaben", "ae": "Meldung von Nebenwirkungen",
    },
    "fr": {
        "prepared": "Date de préparation", "revised": "Dernière révision",
        "page": "Page {n} sur {total}", "pi": "Mentions légales",
        "pi_scan": "Scannez ici pour les mentions légales",
        "ae": "Déclaration des effets indésirables",
    },
    "es": {
        "prepared": "Fecha de elaboración", "revised": "Última revisión",
        "page": "Página {n} de {total}", "pi": "Ficha técnica",
        "pi_scan": "Escanee aquí para ver la ficha técnica",
        "ae": "Notificación de reacciones adversas",
    },
    "it": {
        "prepared": "Data di preparazione", "revised": "Ultima revisione",
        "page": "Pagina {n} di {total}", "pi": "Informazioni di prescrizione",
        "pi_scan": "Scansiona qui per le informazioni di prescrizione",
        "ae": "Segnalazione delle reazioni avverse",
    },
    "nl": {
        "prepared": "Datum van opstelling", "revised": "Laatst herzien",
        "page": "Pagina {n} van {total}", "pi": "Voorschrijfinformatie",
        "pi_scan": "Scan hier voor de voorschrijfinformatie", "ae": "Melden van bijwerkingen",
    },
    "pt": {
        "prepared": "Data de preparação", "revised": "Última revisão",
        "page": "Página {n} de {total}", "pi": "Informação de prescrição",
        "pi_scan": "Digitalize aqui para a informação de prescrição",
        "ae": "Notificação de reações adversas",
    },
    "sv": {
        "prepared": "Datum för upprättande", "revised": "Senast reviderad",
        "page": "Sida {n} av {total}", "pi": "Förskrivningsinformation",
        "pi_scan": "Skanna här för förskrivningsinformation", "ae": "Rapportering av biverkningar",
    },
    "da": {
        "prepared": "Udarbejdelsesdato", "revised": "Senest revideret",
        "page": "Side {n} af {total}", "pi": "Produktinformation",
        "pi_scan": "Scan her for produktinformation", "ae": "Indberetning af bivirkninger",
    },
    "pl": {
        "prepared": "Data przygotowania", "revised": "Ostatnia aktualizacja",
        "page": "Strona {n} z {total}", "pi": "Skrócona informacja o leku",
        "pi_scan": "Zeskanuj, aby zobaczyć skróconą informację o leku",
        "ae": "Zgłaszanie działań niepożądanych",
    },
}


def has_labels(language: str) -> bool:
    """Whether the brochure's own words exist in this language (else they print in English)."""
    return _base(language) in LABELS


def _base(language: str) -> str:
    return language.split("-")[0].lower()


# what goes between a label and its value: French sets a (no-break) space before a colon
LABEL_COLON = {"fr": "\u00a0: "}


def label(language: str, key: str, **values: object) -> str:
    """The label in the brochure's language (English if we have none), filled in."""
    words = LABELS.get(_base(language), LABELS["en"])
    return words[key].format(**values)


def labelled(language: str, key: str, value: str) -> str:
    """'Date of preparation: July 2025', with the language's own colon spacing."""
    return labelled_as(language, label(language, key), value)


def labelled_as(language: str, words: str, value: str) -> str:
    """Words, a colon spaced as the language spaces it, and the value."""
    return words + LABEL_COLON.get(_base(language), ": ") + value
