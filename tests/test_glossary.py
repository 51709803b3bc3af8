"""Tests of the cross-lingual administrative glossary (``knowledge/glossary``)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from knowledge.glossary import GLOSSARY_DIR, GLOSSARY_LANGUAGES, GlossaryEntry, load_glossary, normalize_term

CATEGORY_KINDS = {
    "documents.yaml": "document",
    "actions.yaml": "action",
    "agencies.yaml": "agency",
    "places.yaml": "place",
    "fees.yaml": "fee",
    "people.yaml": "person",
    "fields.yaml": "field",
    "abbreviations.yaml": "abbreviation",
    "general.yaml": "general",
}
#: Files of mixed kinds: the vocabulary of procedure names (used to render names and read foreign questions).
MIXED_FILES = ("names.yaml",)

#: Short forms the glossary must cover, "|"-separated because "sổ hk" has a space; the last ten are chat shorthand.
REQUIRED_ABBREVIATIONS = (
    "dktt|đkkd|cccd|cmnd|cmt|gplx|bhxh|bhyt|bhtn|hkd|gcn|qsdđ|qsdd|ubnd|hđnd|lltp|dvc|tthc|ttđ|gpxd|mst|vneid|ctv|"
    "nđ-cp|tt-bca|qh|ccv|xnk|hc|kt3|sổ hk|đkx|"
    "ko|k|j|ntn|đky|dky|dc|đc|bn|ns"
).split("|")

VALID_ENTRY = {"vi": "giấy khai sinh", "en": ["birth certificate"], "ar": ["شهادة الميلاد"], "kind": "document"}


@pytest.fixture(scope="module")
def glossary() -> list[GlossaryEntry]:
    return load_glossary()


def load_glossary_file(path: Path) -> list[dict]:
    """Read one glossary file as raw YAML (no validation)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _nfc_lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def test_bundled_glossary_loads(glossary: list[GlossaryEntry]) -> None:
    assert glossary
    assert all(isinstance(entry, GlossaryEntry) for entry in glossary)
    assert GLOSSARY_LANGUAGES == ("vi", "en", "ar", "zh", "ko", "fr")


def test_glossary_has_at_least_500_entries(glossary: list[GlossaryEntry]) -> None:
    assert len(glossary) >= 500


def test_every_category_file_is_present_and_uses_its_kind() -> None:
    assert sorted(path.name for path in GLOSSARY_DIR.glob("*.yaml")) == sorted([*CATEGORY_KINDS, *MIXED_FILES])
    for name, kind in CATEGORY_KINDS.items():
        entries = load_glossary_file(GLOSSARY_DIR / name)
        assert entries, name
        wrong = [entry["vi"] for entry in entries if entry["kind"] != kind]
        assert not wrong, f"{name}: entries with a kind other than {kind!r}: {wrong}"


def test_no_duplicate_vietnamese_terms() -> None:
    # Read the raw files so the check does not rely on the loader's own duplicate detection.
    terms = [
        _nfc_lower(entry["vi"]).strip()
        for name in [*CATEGORY_KINDS, *MIXED_FILES] for entry in load_glossary_file(GLOSSARY_DIR / name)
    ]
    counts = Counter(terms)
    assert len(terms) >= 500
    assert [term for term, count in counts.items() if count > 1] == []


def test_every_entry_has_english_and_arabic(glossary: list[GlossaryEntry]) -> None:
    missing = [entry.vi for entry in glossary if not entry.en or not entry.ar or not all(entry.en + entry.ar)]
    assert missing == []


def test_arabic_translations_are_in_arabic_script(glossary: list[GlossaryEntry]) -> None:
    def has_arabic(text: str) -> bool:
        return any("\u0600" <= char <= "\u06ff" for char in text)

    assert [entry.vi for entry in glossary if not any(has_arabic(item) for item in entry.ar)] == []


@pytest.mark.parametrize("abbreviation", REQUIRED_ABBREVIATIONS)
def test_required_abbreviation_is_present(glossary: list[GlossaryEntry], abbreviation: str) -> None:
    known = {normalize_term(short) for entry in glossary for short in entry.abbreviations}
    assert normalize_term(abbreviation) in known


def test_variants_do_not_shadow_other_entries(glossary: list[GlossaryEntry]) -> None:
    by_vi = {normalize_term(entry.vi): entry.vi for entry in glossary}
    clashes = [
        (entry.vi, variant)
        for entry in glossary
        for variant in entry.variants
        if by_vi.get(normalize_term(variant), entry.vi) != entry.vi
    ]
    assert clashes == []


def test_terms_lists_surface_forms(glossary: list[GlossaryEntry]) -> None:
    entry = next(entry for entry in glossary if entry.vi == "hộ chiếu")
    assert "hc" in entry.terms("vi")
    assert "passport" in entry.terms("en")
    with pytest.raises(ValueError):
        entry.terms("de")


def _write(directory: Path, name: str, data: object) -> Path:
    path = directory / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ([{**VALID_ENTRY, "ar": []}], "ar"),
        ([{key: value for key, value in VALID_ENTRY.items() if key != "en"}], "en"),
        ([{**VALID_ENTRY, "translation": "x"}], "translation"),
        ([{**VALID_ENTRY, "kind": "thing"}], "kind"),
        ([{**VALID_ENTRY, "abbreviations": ["GKS"]}], "lowercase"),
        ([{**VALID_ENTRY, "en": ["", "birth certificate"]}], "blank"),
        ({"vi": "giấy khai sinh"}, "list"),
        (["giấy khai sinh"], "mapping"),
        ("- vi: [unclosed\n", "cannot read"),
    ],
)
def test_invalid_file_raises_value_error_naming_the_file(tmp_path: Path, content: object, message: str) -> None:
    _write(tmp_path, "good.yaml", [{**VALID_ENTRY, "vi": "hộ chiếu"}])
    _write(tmp_path, "broken.yaml", content)
    with pytest.raises(ValueError, match=message) as excinfo:
        load_glossary(tmp_path)
    assert "broken.yaml" in str(excinfo.value)


def test_invalid_entry_error_names_the_entry(tmp_path: Path) -> None:
    _write(tmp_path, "broken.yaml", [VALID_ENTRY, {**VALID_ENTRY, "vi": "sổ đỏ", "ar": []}])
    with pytest.raises(ValueError, match=r"broken\.yaml: entry 2 \(vi='sổ đỏ'\)"):
        load_glossary(tmp_path)


def test_duplicate_across_files_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", [VALID_ENTRY])
    # Same term, different Unicode form (decomposed) and case.
    _write(tmp_path, "b.yaml", [{**VALID_ENTRY, "vi": unicodedata.normalize("NFD", "Giấy Khai Sinh")}])
    with pytest.raises(ValueError, match="duplicate") as excinfo:
        load_glossary(tmp_path)
    assert "b.yaml" in str(excinfo.value) and "a.yaml" in str(excinfo.value)


def test_empty_directory_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no glossary files"):
        load_glossary(tmp_path)


def test_loaded_text_is_nfc(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", [{**VALID_ENTRY, "vi": unicodedata.normalize("NFD", "giấy khai sinh")}])
    (entry,) = load_glossary(tmp_path)
    assert entry.vi == unicodedata.normalize("NFC", "giấy khai sinh")


def test_capitalised_short_forms_of_official_names_are_spelled_out() -> None:
    from knowledge.glossary import spelled_out

    assert spelled_out("Đăng ký thành lập công ty TNHH một thành viên") == ["công ty trách nhiệm hữu hạn"]
    assert spelled_out("Cấp đổi CCCD") == ["căn cước công dân"]
    assert spelled_out("Thủ tục đăng ký thường trú") == []
    assert spelled_out("đt và dk viết thường") == []  # lowercase short forms in a text may be anything


def test_short_forms_are_written_out_in_place_but_cited_codes_are_left_as_written() -> None:
    from knowledge.glossary import spelled_out, spelled_out_name

    assert spelled_out_name("Bản sao CMND/CCCD") == "Bản sao chứng minh nhân dân/căn cước công dân"
    assert spelled_out_name("Tờ khai thuế (mẫu số 01/GTGT) theo Thông tư số 38/2015/TT-BTC") is None
    cited = "Nghị quyết 107/2023/QH15 của Quốc hội"  # "QH15" is part of a citation, not a short form
    assert spelled_out(cited) == [] and spelled_out_name(cited) is None
    assert spelled_out_name("Chứng từ nộp BHXH theo mẫu 01-TBH") == "Chứng từ nộp bảo hiểm xã hội theo mẫu 01-TBH"
