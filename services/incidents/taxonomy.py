"""The editable incident taxonomy (categories and their types) from TOML."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from services.incidents.model import Category
from services.paths import RESOURCES_DIR

DEFAULT_TAXONOMY = RESOURCES_DIR / "taxonomy.toml"


class TaxonomyError(ValueError):
    """The taxonomy file cannot be used; the message says where."""


@dataclass(frozen=True)
class IncidentType:
    code: str
    name: str
    name_en: str
    group: str
    category: Category


@dataclass(frozen=True)
class CategoryInfo:
    code: Category
    name: str
    name_en: str
    types: tuple[IncidentType, ...]


class Taxonomy:
    def __init__(self, categories: list[CategoryInfo]):
        self.categories = categories
        self._types = {t.code: t for c in categories for t in c.types}

    def type(self, code: str) -> IncidentType | None:
        return self._types.get(code)

    def types_of(self, category: Category) -> tuple[IncidentType, ...]:
        for c in self.categories:
            if c.code == category:
                return c.types
        return ()

    def category(self, code: Category) -> CategoryInfo:
        for c in self.categories:
            if c.code == code:
                return c
        raise KeyError(code)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    path = Path(path or DEFAULT_TAXONOMY)
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: {exc}") from exc
    categories: list[CategoryInfo] = []
    seen: set[str] = set()
    for raw in doc.get("category", []):
        try:
            cat = Category(raw["code"])
        except (KeyError, ValueError) as exc:
            raise TaxonomyError(f"{path}: unknown category {raw.get('code')!r}") from exc
        types = []
        for t in raw.get("types", []):
            code = str(t.get("code", "")).strip()
            if not code or code in seen:
                raise TaxonomyError(f"{path}: missing or repeated type code {code!r}")
            seen.add(code)
            name = str(t.get("name", code))
            types.append(
                IncidentType(code, name, str(t.get("name_en", name)), str(t.get("group", "")), cat)
            )
        categories.append(
            CategoryInfo(cat, str(raw.get("name", cat)), str(raw.get("name_en", cat)), tuple(types))
        )
    missing = set(Category) - {c.code for c in categories}
    if missing:
        raise TaxonomyError(f"{path}: categories missing: {', '.join(sorted(missing))}")
    return Taxonomy(categories)
