"""Fixed phrases of composed answers, per language. Languages without a table fall back to English."""

from __future__ import annotations

from assistant.answers.labels_more import LABELS_MORE, UNITS_MORE

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "documents": "Hồ sơ cần chuẩn bị", "fee": "Lệ phí", "time": "Thời hạn giải quyết", "steps": "Các bước",
        "where": "Nơi nộp hồ sơ", "legal": "Căn cứ pháp lý", "eligibility": "Đối tượng và điều kiện",
        "result": "Kết quả", "overview": "Tổng quan", "channels": "Cách nộp",
        "in_person": "Trực tiếp", "online": "Trực tuyến", "postal": "Qua bưu chính", "other": "Khác",
        "original": "bản chính", "copy": "bản sao", "form": "mẫu", "show_only": "chỉ xuất trình",
        "one_of": "một trong các giấy tờ sau", "case": "Trường hợp", "always": "Giấy tờ chung",
        "free": "Miễn phí", "no_fee_info": "Không có thông tin lệ phí", "no_time_info": "Không có thông tin",
        "exempt": "Miễn/giảm", "official_name": "Tên tiếng Việt", "code": "Mã thủ tục", "level": "Cấp thực hiện",
        "more_cases": "Còn {n} trường hợp khác; cán bộ một cửa sẽ hướng dẫn theo trường hợp của bạn.",
        "requirements": "Điều kiện", "applicants": "Đối tượng", "notes": "Lưu ý",
        "vi_only": "",
        "clarify": "Câu hỏi của bạn có thể thuộc một trong các thủ tục sau. Bạn muốn hỏi thủ tục nào?",
        "out_of_scope": "Xin lỗi, tôi chỉ hỗ trợ thông tin về thủ tục hành chính (hồ sơ, lệ phí, thời hạn, nơi "
        "nộp). Với nội dung khác, vui lòng hỏi cán bộ tại quầy một cửa.",
        "no_match": "Xin lỗi, tôi chưa tìm thấy thủ tục phù hợp với câu hỏi. Bạn có thể nói rõ hơn (ví dụ: "
        "\"đăng ký khai sinh cần giấy tờ gì\") hoặc hỏi cán bộ tại quầy một cửa.",
        "source": "Nguồn",
    },
    "en": {
        "documents": "Documents to prepare", "fee": "Fee", "time": "Processing time", "steps": "Steps",
        "where": "Where to submit", "legal": "Legal basis", "eligibility": "Who may apply and conditions",
        "result": "What you receive", "overview": "Overview", "channels": "How to submit",
        "in_person": "In person", "online": "Online", "postal": "By post", "other": "Other",
        "original": "original", "copy": "copy", "form": "form", "show_only": "show only, not submitted",
        "one_of": "one of the following", "case": "Case", "always": "Required in every case",
        "free": "Free of charge", "no_fee_info": "No fee information", "no_time_info": "Not stated",
        "exempt": "Exemptions", "official_name": "Vietnamese name", "code": "Procedure code", "level": "Level",
        "more_cases": "{n} more cases apply to special situations; the counter staff will tell you which applies.",
        "requirements": "Conditions", "applicants": "Who may apply", "notes": "Notes",
        "vi_only": "Details of this procedure are published in Vietnamese only; show the Vietnamese names to "
        "the clerk.",
        "clarify": "Your question may concern one of these procedures. Which one do you mean?",
        "out_of_scope": "Sorry, I can only help with administrative procedures (documents, fees, processing times, "
        "where to submit). For anything else, please ask the staff at the one-stop counter.",
        "no_match": "Sorry, I could not find a matching procedure. Could you say it another way (for example: "
        "\"documents for birth registration\"), or ask the staff at the one-stop counter?",
        "source": "Source",
    },
    "ar": {
        "documents": "الوثائق المطلوبة", "fee": "الرسوم", "time": "مدة المعالجة", "steps": "الخطوات",
        "where": "مكان تقديم الطلب", "legal": "الأساس القانوني", "eligibility": "من يحق له التقديم والشروط",
        "result": "ما تحصل عليه", "overview": "نظرة عامة", "channels": "طريقة التقديم",
        "in_person": "حضوريًا", "online": "عبر الإنترنت", "postal": "عبر البريد", "other": "أخرى",
        "original": "أصل", "copy": "نسخة", "form": "نموذج", "show_only": "للاطلاع فقط، لا يُسلَّم",
        "one_of": "واحدة مما يلي", "case": "حالة", "always": "مطلوبة في جميع الحالات",
        "free": "مجانًا", "no_fee_info": "لا توجد معلومات عن الرسوم", "no_time_info": "غير محددة",
        "exempt": "الإعفاءات", "official_name": "الاسم بالفيتنامية", "code": "رمز الإجراء", "level": "المستوى",
        "more_cases": "توجد {n} حالات خاصة أخرى؛ سيخبرك موظف الشباك بما ينطبق عليك.",
        "requirements": "الشروط", "applicants": "من يحق له التقديم", "notes": "ملاحظات",
        "vi_only": "تفاصيل هذا الإجراء منشورة باللغة الفيتنامية فقط؛ اعرض الأسماء الفيتنامية على الموظف.",
        "clarify": "قد يتعلق سؤالك بأحد الإجراءات التالية. أيها تقصد؟",
        "out_of_scope": "عذرًا، يمكنني المساعدة فقط في الإجراءات الإدارية (الوثائق والرسوم ومدة المعالجة ومكان "
        "التقديم). لأي أمر آخر يُرجى سؤال الموظف في شباك الخدمة الموحد.",
        "no_match": "عذرًا، لم أجد إجراءً مطابقًا لسؤالك. هل يمكنك توضيحه (مثلًا: \"وثائق تسجيل المولود\") أو سؤال "
        "الموظف في شباك الخدمة الموحد؟",
        "source": "المصدر",
    },
}

UNITS: dict[str, dict[str, str]] = {
    "vi": {"working_day": "ngày làm việc", "day": "ngày", "month": "tháng", "year": "năm", "hour": "giờ",
           "minute": "phút", "week": "tuần", "currency": "đồng"},
    "en": {"working_day": "working days", "day": "days", "month": "months", "year": "years", "hour": "hours",
           "minute": "minutes", "week": "weeks", "currency": "VND"},
    "ar": {"working_day": "أيام عمل", "day": "أيام", "month": "أشهر", "year": "سنوات", "hour": "ساعات",
           "minute": "دقائق", "week": "أسابيع", "currency": "دونغ"},
}


LABELS.update(LABELS_MORE)
UNITS.update(UNITS_MORE)


def label(language: str, key: str) -> str:
    table = LABELS.get(language, LABELS["en"])
    return table.get(key) or LABELS["en"][key]


def unit(language: str, key: str, value: float | None = None) -> str:
    """The unit's name; English and French say "1 working day", "1 jour ouvrable", not "1 working days"."""
    table = UNITS.get(language, UNITS["en"])
    name = table.get(key, key)
    if value == 1 and key != "currency" and (table is UNITS["en"] or language == "fr"):
        return " ".join(w[:-1] if w.endswith("s") and w != "mois" else w for w in name.split())
    return name


def money(amount: int, language: str) -> str:
    """20000 -> '20.000 đồng' (vi), '20,000 VND' (en), '20,000 دونغ' (ar)."""
    digits = f"{amount:,}"
    if language == "vi":
        digits = digits.replace(",", ".")
    elif language == "fr":
        digits = digits.replace(",", "\u202f")  # French groups thousands with a narrow space
    return f"{digits} {unit(language, 'currency')}"
