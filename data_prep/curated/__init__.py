"""Hand-curated facts (Spanish release titles, company aliases) and their loader."""

from data_prep.curated.load import (
    COMPANY_ALIASES_FILE,
    SPANISH_TITLES_FILE,
    CompanyAlias,
    CuratedDataError,
    SpanishNames,
    SpanishTitle,
    TitleJoin,
    join_catalog,
    load_company_aliases,
    load_spanish_titles,
)

__all__ = [
    "COMPANY_ALIASES_FILE",
    "SPANISH_TITLES_FILE",
    "CompanyAlias",
    "CuratedDataError",
    "SpanishNames",
    "SpanishTitle",
    "TitleJoin",
    "join_catalog",
    "load_company_aliases",
    "load_spanish_titles",
]
