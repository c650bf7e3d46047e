"""The few words the brochure itself prints (footer, obligatory headings), per language.

"Veeva ID" stays as it is in every language: reviewers search for it. Languages without
an entry use English. The watermark stays English, as review systems stamp it.
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
}


def label(language: str, key: str, **values: object) -> str:
    """The label in the brochure's language (English if we have none), filled in."""
    words = LABELS.get(language.split("-")[0].lower(), LABELS["en"])
    return words[key].format(**values)
