"""Names of records without a translation are rendered word by word from the glossary, marked as such; French
questions are recognised and answered with French labels."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.answers.labels import label, money, unit
from assistant.understanding.intent import detect_intent
from assistant.understanding.language import detect_language
from knowledge.glossary import load_glossary
from knowledge.model import Procedure, Provenance, Translation
from knowledge.rendering import NameRenderer

ENTRIES = [
    {"vi": "giấy phép", "en": ["licence", "permit"], "ar": ["ترخيص"], "zh": ["许可证"], "ko": ["허가"],
     "fr": ["permis"], "kind": "document"},
    {"vi": "khai thác", "en": ["exploitation"], "ar": ["استغلال"], "zh": ["开采"], "ko": ["채굴"],
     "fr": ["exploitation"], "kind": "action"},
    {"vi": "nước dưới đất", "en": ["groundwater"], "ar": ["المياه الجوفية"], "zh": ["地下水"], "ko": ["지하수"],
     "kind": "general"},
    {"vi": "cấp", "en": ["issue"], "ar": ["إصدار"], "zh": ["颁发"], "ko": ["발급"], "fr": ["délivrance"],
     "kind": "action"},
]


@pytest.fixture()
def renderer(tmp_path: Path) -> NameRenderer:
    (tmp_path / "terms.yaml").write_text(yaml.safe_dump(ENTRIES, allow_unicode=True), "utf-8")
    return NameRenderer(load_glossary(tmp_path))


def _record(name: str, translations: dict[str, Translation] | None = None) -> Procedure:
    return Procedure(uid="dvc:1.000001", code="1.000001", name=name, translations=translations or {},
                     provenance=Provenance(source_kind="dvc", source_file="corpus.jsonl", record="line 1"))


def test_a_covered_name_is_rendered_term_by_term(renderer: NameRenderer) -> None:
    rendering = renderer.render("Cấp giấy phép khai thác nước dưới đất", "en")
    assert rendering is not None and rendering.text == "Issue licence exploitation groundwater"
    assert rendering.coverage == 1.0
    assert renderer.render("Cấp giấy phép khai thác nước dưới đất", "zh").text == "颁发许可证开采地下水"  # type: ignore[union-attr]


def test_linking_words_and_level_suffixes_keep_their_place(renderer: NameRenderer) -> None:
    rendering = renderer.render("Thủ tục cấp giấy phép cho khai thác nước dưới đất", "en")
    assert rendering is not None and rendering.text == "Issue licence for exploitation groundwater"


def test_a_name_the_glossary_barely_covers_is_not_rendered(renderer: NameRenderer) -> None:
    assert renderer.render("Cấp chứng chỉ hành nghề kiến trúc sư hạng một", "en") is None


def test_a_language_without_the_term_counts_it_as_uncovered(renderer: NameRenderer) -> None:
    # "nước dưới đất" has no French rendering: 5 of 7 content words covered (0.71 < 0.75)
    assert renderer.render("Cấp giấy phép khai thác nước dưới đất", "fr") is None


def test_attach_marks_renderings_and_leaves_translations_alone(renderer: NameRenderer) -> None:
    plain = _record("Cấp giấy phép khai thác nước dưới đất")
    curated = _record("Cấp giấy phép khai thác nước dưới đất", {"en": Translation(name="Groundwater permit")})
    before = plain.content_hash()
    renderer.attach([plain, curated])
    assert plain.name_in("en").startswith("Issue licence exploitation groundwater (word-by-word")
    assert plain.name_in("vi") == plain.name
    assert curated.name_in("en") == "Groundwater permit"
    assert "en" not in curated.rendered_names
    assert plain.content_hash() == before, "renderings are made at load time and never stored"
    assert "rendered_names" not in plain.model_dump()


def test_the_bundled_glossary_renders_some_national_names() -> None:
    renderer = NameRenderer(load_glossary())
    rendering = renderer.render("Đăng ký khai sinh có yếu tố nước ngoài", "en")
    assert rendering is not None and "birth" in rendering.text.lower()


@pytest.mark.parametrize("text", ["Je suis marié à une Vietnamienne, quels papiers pour la carte de séjour ?",
                                  "Combien coûte un passeport pour mon fils ?",
                                  "Où déposer la demande d'extrait de casier judiciaire ?"])
def test_french_questions_are_recognised(text: str) -> None:
    assert detect_language(text).language == "fr"


@pytest.mark.parametrize("text", ["ma con toi ai lam giay khai sinh", "mon hoc ca si", "How much is a passport?",
                                  "đăng ký kết hôn với người nước ngoài"])
def test_vietnamese_and_english_are_not_read_as_french(text: str) -> None:
    assert detect_language(text).language != "fr"


def test_french_intents_labels_and_units() -> None:
    assert detect_intent("Combien coûte un passeport ?") == "fee"
    assert detect_intent("Combien de temps pour le casier judiciaire ?") == "time"
    assert detect_intent("Quels papiers faut-il pour le mariage ?") == "documents"
    assert label("fr", "documents") == "Pièces à préparer"
    assert unit("fr", "working_day", 1) == "jour ouvrable" and unit("fr", "working_day", 5) == "jours ouvrables"
    assert money(200000, "fr") == "200\u202f000 VND"


def test_a_french_question_with_a_vietnamese_term_inside_is_french() -> None:
    text = "Mon mari vietnamien veut ouvrir un petit café (hộ kinh doanh). Où déposer ?"
    assert detect_language(text).language == "fr"
    assert detect_language("Quels documents faut-il pour un livret de marin (sổ thuyền viên) ?").language == "fr"


EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
SHARED_QUERIES = Path(__file__).resolve().parents[2] / "shared" / "queries"


def test_every_labelled_eval_question_gets_its_language() -> None:
    import json

    wrong, total = [], 0
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            texts = [row["text"]] if "text" in row else [turn["text"] for turn in row.get("turns", [])]
            for text in texts:
                if row.get("language"):
                    total += 1
                    if detect_language(text).language != row["language"]:
                        wrong.append((path.name, text))
    assert total > 1000 and wrong == []


@pytest.mark.skipif(not SHARED_QUERIES.is_dir(), reason="../shared/queries is absent")
def test_no_real_question_is_read_as_french() -> None:
    import json

    questions = (SHARED_QUERIES / "citizen-questions.txt").read_text("utf-8").splitlines()
    for line in (SHARED_QUERIES / "ward-police-intents.jsonl").read_text("utf-8").splitlines():
        questions += json.loads(line)["questions"]
    for line in (SHARED_QUERIES / "dvc-faq-qa.jsonl").read_text("utf-8").splitlines():
        questions.append(json.loads(line)["question"])
    assert len(questions) == 2543
    assert [q for q in questions if q.strip() and detect_language(q).language == "fr"] == []
