"""Questions the service must decline: weather, chit-chat, attempts to change its instructions, money transfers.

A rule list per topic in Vietnamese (with and without diacritics), English and Arabic. Procedure vocabulary
("hộ khẩu", "chuyển khẩu", "lệ phí") is checked first so that in-scope questions that share a word with an
out-of-scope topic ("chuyển hộ khẩu" vs "chuyển tiền") are not declined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import comparison_form, comparison_patterns

_TOPICS: dict[str, tuple[str, ...]] = {
    "instructions": (
        r"ignore (all |the |your |previous |prior )*(instructions|rules|prompt)",
        r"system prompt",
        r"\bjailbreak\b",
        r"pretend (to be|you are)",
        r"act as (a|an|my)\b",
        r"you are now\b",
        r"developer mode",
        r"reveal (your|the) (prompt|instructions)",
        r"bo qua (moi |tat ca |cac )?(huong dan|chi dan|quy tac|lenh)",
        r"quen (het )?(cac )?(huong dan|chi dan|quy tac)",
        r"tiet lo (prompt|huong dan|cau hinh)",
        r"(print|show|reveal) (the |your )?(hidden |secret )?(configuration|config|api keys?|system)",
        r"(انس|تجاهل) (القواعد|التعليمات)",
        r"التعليمات السريه",
        r"khong (con )?la tro ly",
        r"dong vai (ban gai|ban trai|nguoi yeu|vo|chong|hacker)",
        r"تجاهل (جميع |كل )?(التعليمات|الاوامر)",
        r"تظاهر",
        r"اكشف (التعليمات|الاوامر)",
    ),
    "money": (
        r"chuyen (tien|khoan)",
        r"\bvao tai khoan\b",
        r"the tin dung",
        r"credit card",
        r"\btrieu vao\b",
        r"حول (مبلغ|المال|الاموال)",
        r"العملات الرقميه",
        r"\bvay tien\b",
        r"\bno xau\b",
        r"so tai khoan",
        r"ngan hang nao",
        r"\bbitcoin\b",
        r"\bcrypto",
        r"tien ao",
        r"transfer (money|funds)",
        r"send (me )?money",
        r"\bwire\b",
        r"bank account",
        r"\bloan\b",
        r"\binvest",
        r"\bstocks?\b",
        r"chung khoan",
        r"dau tu",
        r"تحويل (الاموال|المال|مبلغ)",
        r"حساب بنكي",
        r"قرض",
        r"عمله رقميه",
        r"بيتكوين",
        r"استثمار",
        r"تداول",
        r"\bforex\b|\b(stock|crypto|coin|currency) trading\b|\bday trad",
        r"kiem tien (nhanh|online)|lam giau|earn money|make money (fast|quickly|online)|ربح المال|اربح المال",
    ),
    "illegal": (
        # "giả" (fake) is "gia" without diacritics, like "gia hạn" and "gia đình": only "gia" ending the request
        r"(lam|mua|ban) (bang|giay|so|the|ho chieu|can cuoc)\w* .*\bgia\b"
        r"(\s+(khong|ko|k|o|duoc|bao|nhu|that|het|lay|can|mat|ntn|gia)\b|\s*[?.!]*\s*$)",
        r"\b(gia mao|lam gia|lach luat|tron thue)\b",
        r"khong bi phat hien",
        r"\bhack",
        r"\bforge",
        r"\bfake\b",
        r"counterfeit",
        r"\bevade tax",
        r"without getting caught",
        r"تزوير",
        r"ازور",
        r"اختراق",
        r"احتيال",
        r"\b(dut lot|boi tron|hoi lo|lot tay)\b|chi (them )?tien\b.{0,30}\b(nhanh|duoc viec|xong som)\b|"
        r"\b(cho|bieu|dua|gui) (them )?(tien|qua|phong bi) (cho )?(can bo|cong an|nguoi lam|nhan vien)",
        r"\bbrib|\bkickback|grease (the|their) palm|رشوه|رشوة",
        r"\b(ca do|danh bac|lo de)\b|\bgambl|\bbetting\b|قمار|مراهنات",
    ),
    "weather": (
        r"thoi tiet",
        r"\bret (dam|hai)\b",
        r"nang nong",
        r"\bmua bao\b",
        r"\bco mua\b",
        r"\bstorm\b",
        r"ستمطر",
        r"\bmua\b.*\b(khong|ko|k)\b\s*$",
        r"nhiet do",
        r"du bao",
        r"\bbao so\b",
        r"weather",
        r"\brain(ing|y)?\b",
        r"temperature",
        r"forecast",
        r"الطقس",
        r"الحراره",
        r"المطر",
        r"درجه الحراره",
    ),
    "chitchat": (
        r"^(xin )?chao( ban| em| anh| chi)?[!. ]*$",
        r"^(hi|hello|hey)( there)?[!. ]*$",
        r"\bke chuyen\b",
        # "cười" (laugh) and "cưới" (marry) are both "cuoi" without diacritics: only the joke phrases
        r"\b(chuyen|truyen|cau) cuoi\b|\bbuon cuoi\b|\blam (toi|em|minh|ai do) cuoi\b",
        r"\bjoke\b",
        r"\bfunny\b",
        r"ban (la ai|bao nhieu tuoi|co nguoi yeu)",
        r"who are you",
        r"how are you",
        r"\bsing\b",
        r"\bpoem\b",
        r"lam tho",
        r"hat (mot )?bai",
        r"\bbong da\b",
        r"\bfootball\b",
        r"\bsoccer\b",
        r"world cup",
        r"\bgame\b",
        r"\bmovie\b",
        r"\bphim\b",
        r"nau (an|mon)",
        r"\brecipe\b",
        r"mua (sam|hang|ao|dien thoai)",
        r"\bshopping\b",
        # hotels themselves are in scope (guest registration, security licences): only booking is declined
        r"\b(dat|book) (ve|phong|ban|tour)\b|\bve may bay\b|\bbook (a |an )?(flight|hotel|ticket|table)",
        r"\bflight (to|from)\b|حجز (فندق|غرفه|تذكره)|تذكره طيران",
        r"cong thuc nau|\bnau (thit|ca|com|canh|che|banh)\b|\bmon (an|ngon)\b",
        r"(افضل|اعظم) (رييس|رجل|لاعب|شخص)|في التاريخ برايك|برايك",
        r"buy (a|an|me)\b",
        r"\bxo so\b",
        r"\blottery\b",
        r"\b(shopee|lazada|tiki|iphone|samsung|laptop|wi-?fi)\b",
        r"ma giam gia",
        r"cai dat goc",
        r"doi tuyen",
        r"da voi ai",
        r"vua pha luoi",
        r"ngoai hang anh",
        r"\bbau cu\b",
        r"\belection\b",
        r"\bpresident\b",
        r"dang nao",
        r"phuong trinh",
        r"\bequation\b",
        r"dich (cau|doan|bai|giup)",
        r"\btranslate (this|that|it|for me|into|to)\b",
        r"ترجم (لي|هذا|هذه|النص)",
        r"ai la nguoi dau tien",
        r"thu do cua",
        r"capital of",
        r"عاصمه",
        r"cam on (ban|em|nhe)",
        r"chuc ban",
        r"\bthank(s| you)\b",
        r"شكرا",
        r"bai tho",
        r"bai van",
        r"\bessay\b",
        r"giai (giup )?(bai tap|de thi|toan)|\bhomework\b|viet (code|chuong trinh)|\blap trinh\b|write (a |some )?code|"
        r"\bprogramming\b|واجب منزلي|برمجه",
        r"\b(to tinh|hen ho)\b|\bdating\b",
        r"قصيده",
        r"اغنيه",
        r"موسيقي",
        r"^مرحبا[!. ]*$",
        r"^السلام عليكم[!. ]*$",
        r"نكته",
        r"كره القدم",
        r"من انت",
        r"كيف حالك",
        r"وصفه",
    ),
    "advice": (
        r"represent me",
        r"\bsue\b",
        r"will i win",
        r"co nen kien",
        r"kien (ho|no|anh|chi)",
        r"thang kien",
        r"ai duoc nuoi con",
        r"ban doan",
        r"سأكسب القضيه",
        r"\bthuoc\b(?! (tru sau|bao ve thuc vat|thu y|la)\b).*\b(gi|nao)\b",  # not pesticides, vet drugs, tobacco
        r"benh (gi|nay)",
        r"\bchua benh\b",
        r"medical advice",
        r"which medicine",
        r"\bdiagnos",
        r"tu vi",
        r"boi bai",
        r"horoscope",
        r"دواء",
        r"\b(dau (bung|dau|rang|lung)|bi sot|trieu chung)\b|\bsymptoms?\b|\b(headache|fever|toothache)\b",
        r"اعراض|صداع|حمى",
    ),
}
# patterns are matched against prepared text, so Arabic in them is normalized the same way ("سأكسب" -> "ساكسب")
_COMPILED = {topic: comparison_patterns(patterns) for topic, patterns in _TOPICS.items()}
_IN_SCOPE = re.compile(
    r"ho khau|chuyen khau|thuong tru|tam tru|le phi|thu tuc|ho so|giay (to|phep|khai|chung)|can cuoc|ho chieu|"
    r"khai sinh|ket hon|dat dai|so do|bao hiem|dang ky|chung thuc|procedure|certificate|registration|"
    r"passport|licen[cs]e|residence|الاقامه|جواز|شهاده|تسجيل|"
    # French, Chinese and Korean words for procedures and their papers ("investisseur" matches the money rule)
    r"demarche|formalite|dossier|permis|certificat|enregistr|autorisation|titre de sejour|acte de|"
    r"手续|办理|登记|许可证|证明|签证|户口|护照|절차|신청서|등록|허가|증명서|발급|비자|여권"
)


@dataclass(frozen=True)
class ScopeDecision:
    in_scope: bool
    topic: str | None = None


def _prepare(text: str) -> str:
    return comparison_form(text)


def classify_scope(text: str) -> ScopeDecision:
    """Decline when a topic rule fires; instructions-tampering is declined even inside a procedure question."""
    plain = _prepare(text)
    for topic in ("instructions", "illegal"):
        if any(p.search(plain) for p in _COMPILED[topic]):
            return ScopeDecision(False, topic)
    if _IN_SCOPE.search(plain):
        return ScopeDecision(True)
    for topic, patterns in _COMPILED.items():
        if any(p.search(plain) for p in patterns):
            return ScopeDecision(False, topic)
    return ScopeDecision(True)
