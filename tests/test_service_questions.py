"""Questions about the service itself (a dossier's status, an office's hours, logging in, safety advice, reporting an
incident, fines, an emergency) are not procedures."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.understanding.service import load_topics, service_topic
from ingest.pipeline import Ingestor
from knowledge.embeddings import HashingEmbedder
from knowledge.settings import Settings
from knowledge.store import IndexStore


@pytest.mark.parametrize(("question", "topic"), [
    ("Tôi đã nộp hồ sơ đăng ký xe, muốn tra cứu kết quả thì làm sao?", "status"),
    ("trang thai hs xe ntn", "status"),
    ("How can I check the status of my application for a residence card?", "status"),
    ("我想查询办理进度", "status"),
    ("Bộ phận một cửa phường có làm việc thứ bảy không?", "office"),
    ("Is the one-stop office at my ward open on public holidays?", "office"),
    ("Lịch tiếp công dân của Chủ tịch phường tháng này vào ngày nào?", "office"),
    ("Địa chỉ công an phường ở đâu vậy?", "office"),
    ("What is the address of the ward police?", "office"),
    ("quên mật khẩu VNeID thì lấy lại thế nào", "account"),
    ("Có người gọi điện xưng công an xin mã OTP thì có đưa không?", "account"),
    ("I forgot my password for the public service portal", "account"),
    ("نسيت كلمة المرور لتطبيق VNeID", "account"),
    ("nhà hàng xóm bị cháy thì gọi số nào", "emergency"),
    ("ما هو رقم الطوارئ في فيتنام؟", "emergency"),
    ("Hồ sơ cấp phép xây dựng của tôi bị trả về, giờ làm sao?", "returned"),
    ("My application was returned, what should I do?", "returned"),
    ("Làm sao đăng nhập Cổng dịch vụ công bằng tài khoản VNeID?", "online"),
    ("dùng tài khoản định danh mức 2 để nộp hồ sơ online thế nào", "online"),
    ("怎么登录公共服务门户？", "online"),
    ("PCCC cho nhà trọ cần trang bị những gì?", "safety"),
    ("Làm sao nhận biết tin nhắn lừa đảo, phòng chống lừa đảo qua mạng?", "safety"),
    ("Xe đạp bị mất trộm thì báo công an thế nào?", "report"),
    ("Hàng xóm thường xuyên bị bạo lực gia đình, tôi muốn báo thì làm sao?", "report"),
    ("도난 신고는 어디에서 하나요?", "report"),
    ("Không khai báo tạm trú thì bị phạt bao nhiêu?", "penalty"),
    ("What is the fine for not registering temporary residence?", "penalty"),
])
def test_service_questions_are_recognised(question: str, topic: str) -> None:
    found = service_topic(question)
    assert found is not None and found.name == topic


@pytest.mark.parametrize("question", [
    "đăng ký xe máy mới cần giấy tờ gì",
    "xe máy bị mất trộm ko tìm lại đc, có cần làm thủ tục thu hồi đk biển số ko",
    "nộp hồ sơ khai sinh ở đâu, bao lâu có kết quả",
    "How long does a criminal record certificate take?",
    "Giấy xác nhận thông tin cư trú có giá trị sử dụng trong bao lâu?",
    "Thẩm duyệt thiết kế về phòng cháy chữa cháy cần hồ sơ gì?",
    "Kinh doanh karaoke cần đủ điều kiện về PCCC và an ninh trật tự gì?",
    "Tôi bị mất trộm hộ chiếu, trình báo ở đâu?",
    "Nộp phạt vi phạm giao thông ở đâu?",
    "Đăng ký tạm trú online thì nộp lệ phí thế nào?",
    "혼인신고는 어떻게 하나요?",
    "Tôi đã ly hôn xong chưa đăng ký lại hộ khẩu, giờ làm thế nào?",
    "Thay đổi địa chỉ trụ sở công ty cần giấy tờ gì?",
])
def test_procedure_questions_are_not_service_questions(question: str) -> None:
    assert service_topic(question) is None


def test_a_topic_needs_a_vietnamese_reply(tmp_path: Path) -> None:
    path = tmp_path / "service.yaml"
    path.write_text("topics:\n  status:\n    patterns: ['tinh trang']\n    reply: {en: 'Ask the counter.'}\n", "utf-8")
    with pytest.raises(ValueError, match="Vietnamese reply"):
        load_topics(path)


def test_the_chat_says_where_the_answer_is_instead_of_answering_a_procedure(settings: Settings,
                                                                             tiny_pack: Path) -> None:
    Ingestor(IndexStore(settings.index_root), HashingEmbedder()).run([tiny_pack])
    client = TestClient(create_app(settings, HashingEmbedder()))
    body = client.post("/api/v1/chat", json={"message": "Tra cứu tình trạng hồ sơ đăng ký thường trú ở đâu?"}).json()
    assert body["outcome"] == "no_match" and "mã hồ sơ" in body["answer"] and body["procedure"] is None
    assert body["service"] == "status"
    english = client.post("/api/v1/chat", json={"message": "How do I track the status of my residence "
                                                           "registration file?"}).json()
    assert english["outcome"] == "no_match" and "dossier code" in english["answer"]
    plain = client.post("/api/v1/chat", json={"message": "đăng ký thường trú cần giấy tờ gì?"}).json()
    assert plain["outcome"] == "answered" and plain["service"] is None  # the procedure question is still answered
