"""Everyday words for what the records name otherwise reach the right procedure through the glossary: a title
"sang tên" is a change registered for a transfer, gift or inheritance; closing a company is its dissolution;
"vdl" is the charter capital and raising it is a change of it; pigs sold in another province need a quarantine
certificate for animals leaving the province."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.finder import ProcedureFinder
from assistant.runtime import KnowledgeRuntime
from assistant.understanding.query import QueryAnalyzer
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.glossary import load_glossary
from knowledge.settings import Settings
from knowledge.store import IndexStore
from tests.conftest import named_entry, write_pack

TRANSFER = ("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển "
            "đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất")
PROCEDURES = {
    "1.012784": ("Tách thửa hoặc hợp thửa đất", ["tách sổ đỏ", "sổ đỏ"], "Đất đai"),
    "1.012783": ("Cấp đổi Giấy chứng nhận quyền sử dụng đất", ["đổi sổ đỏ", "sổ đỏ"], "Đất đai"),
    "1.013831": (TRANSFER, [], "Đất đai"),
    "1.012796": ("Đính chính Giấy chứng nhận đã cấp lần đầu có sai sót", [], "Đất đai"),
    "1.002338": ("Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật trên cạn vận chuyển ra khỏi địa bàn cấp "
                 "tỉnh", [], "Thú y"),
    "1.003407": ("Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật trên cạn xuất khẩu", [], "Thú y"),
    "2.002023": ("Giải thể doanh nghiệp", [], "Thành lập và hoạt động doanh nghiệp"),
    "2.002020": ("Chấm dứt hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh", [],
                 "Thành lập và hoạt động doanh nghiệp"),
    "2.002009": ("Đăng ký thay đổi vốn điều lệ, phần vốn góp, tỷ lệ phần vốn góp đối với công ty TNHH, công ty cổ "
                 "phần, công ty hợp danh", [], "Thành lập và hoạt động doanh nghiệp"),
    "2.002033": ("Chuyển đổi công ty trách nhiệm hữu hạn một thành viên thành công ty trách nhiệm hữu hạn hai thành "
                 "viên trở lên", [], "Thành lập và hoạt động doanh nghiệp"),
}


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> ProcedureFinder:
    root = tmp_path_factory.mktemp("everyday")
    pack = write_pack(root, [named_entry(code, *rest) for code, rest in PROCEDURES.items()])
    settings = Settings(data_dir=root / "var", embedding_model="hashing", _env_file=None)  # type: ignore[call-arg]
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([Path(pack)])
    return KnowledgeRuntime(settings, HashingEmbedder()).finder()


@pytest.mark.parametrize(("question", "code"), [
    ("thủ tục sang tên sổ đỏ", "1.013831"),
    ("mua đất xong sang tên sổ đỏ cần giấy tờ gì", "1.013831"),
    ("sang ten so do mat bao lau", "1.013831"),
    ("How do I transfer a land title to my son?", "1.013831"),
    ("đổi sổ đỏ cũ", "1.012783"),
    ("đóng cửa công ty thì làm thủ tục gì", "2.002023"),
    ("tang vdl cong ty tnhh can giay to gi", "2.002009"),
    ("tăng vốn điều lệ công ty", "2.002009"),
    ("năm sinh trên sổ đỏ bị ghi sai", "1.012796"),
    ("chở đàn lợn sang tỉnh khác bán cần giấy gì", "1.002338"),
    ("nhà tôi nuôi heo, muốn bán heo ra ngoài tỉnh", "1.002338"),
    ("I want to move my pigs to another province to sell them", "1.002338"),
])
def test_an_everyday_wording_finds_the_procedure_it_means(finder: ProcedureFinder, question: str, code: str) -> None:
    assert finder.find(question, k=3).hits[0].code == code


@pytest.mark.parametrize(("question", "term"), [
    ("thủ tục sang tên sổ đỏ", "đăng ký biến động khi chuyển nhượng, tặng cho, thừa kế quyền sử dụng đất"),
    ("đóng cửa doanh nghiệp", "giải thể doanh nghiệp"),
    ("giảm vốn điều lệ", "đăng ký thay đổi vốn điều lệ"),
    ("vdl bao nhiêu", "vốn điều lệ"),
    ("công ty làm ăn thua lỗ, muốn đóng cửa hẳn", "giải thể doanh nghiệp"),
])
def test_the_glossary_term_gained(question: str, term: str) -> None:
    analysis = QueryAnalyzer(load_glossary(), []).analyze(question)
    assert term in analysis.expansions or term in analysis.normalized


@pytest.mark.parametrize(("question", "language"), [
    ("Nous voulons augmenter le capital social de notre SARL", "fr"),
    ("How do we increase the charter capital of our company?", "en"),
    ("我们公司想增加注册资本", "zh"),
])
def test_the_capital_change_in_other_languages(question: str, language: str) -> None:
    term = "đăng ký thay đổi vốn điều lệ"
    analysis = QueryAnalyzer(load_glossary(), []).analyze(question, language)
    assert term in analysis.expansions or term in analysis.normalized


def test_english_words_for_guardianship_certifying_and_the_late_parents() -> None:
    analyzer = QueryAnalyzer(load_glossary(), [])
    assert "đăng ký giám hộ" in analyzer.analyze("Where is guardianship of a minor registered?", "en").expansions
    split = analyzer.analyze("What do we need to certify the agreement on splitting our late parents' land?", "en")
    assert {"chứng thực", "người để lại di sản"} <= set(split.expansions)
    assert "quá hạn" not in split.expansions  # "late" parents have died; nothing is overdue
    assert "quá hạn" in analyzer.analyze("Is there a fine for late registration of a birth?", "en").expansions

