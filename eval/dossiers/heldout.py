"""Held-out dossiers: papers written separately from ``documents.py`` and never used to tune the check. Other
issuing bodies, other label spellings and field orders, two-line titles, subtitles, serial-number lines, tables of
rows, and the real-life title variants of the same paper (a 2024 "CĂN CƯỚC" card, a witness "GIẤY XÁC NHẬN VỀ VIỆC
SINH", a notarised "HỢP ĐỒNG ỦY QUYỀN", a "HỢP ĐỒNG THUÊ NHÀ", a death notice issued by a commune People's
Committee...). Twelve procedures of the bundled pack; expected statuses use the component ids of the curated records.

File names are neutral by default (``IMG_...``, ``scan...``), as citizens' uploads are; pass
``neutral_names=False`` to keep descriptive names like the development set.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from eval.dossiers.cases import DossierCase
from eval.dossiers.documents import MOTTO, Block, Layout, f, header, sub, text, title
from eval.dossiers.people import GIVEN_FEMALE, GIVEN_MALE, People, Person

MOTTO_EN = ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"]
FILED = dt.date(2026, 12, 8)

# Wards of the two-level local government (from 1 July 2025), their city or province and a street in each.
WARDS = [
    ("phường Ba Đình", "thành phố Hà Nội", "phố Kim Mã"),
    ("phường Cầu Giấy", "thành phố Hà Nội", "phố Xuân Thủy"),
    ("phường Đống Đa", "thành phố Hà Nội", "phố Tôn Đức Thắng"),
    ("phường Lê Chân", "thành phố Hải Phòng", "đường Tô Hiệu"),
    ("phường Sơn Trà", "thành phố Đà Nẵng", "đường Ngô Quyền"),
    ("phường Hải Châu", "thành phố Đà Nẵng", "đường Bạch Đằng"),
    ("phường Sài Gòn", "Thành phố Hồ Chí Minh", "đường Lê Thánh Tôn"),
    ("phường Ninh Kiều", "thành phố Cần Thơ", "đường Mậu Thân"),
    ("phường Hạc Thành", "tỉnh Thanh Hóa", "đường Lê Hoàn"),
    ("phường Thành Vinh", "tỉnh Nghệ An", "đường Lê Lợi"),
]
MATERNITY = {
    "thành phố Hà Nội": ("SỞ Y TẾ HÀ NỘI", "Bệnh viện Phụ sản Hà Nội"),
    "thành phố Hải Phòng": ("SỞ Y TẾ HẢI PHÒNG", "Bệnh viện Phụ sản Hải Phòng"),
    "thành phố Đà Nẵng": ("SỞ Y TẾ THÀNH PHỐ ĐÀ NẴNG", "Bệnh viện Phụ sản - Nhi Đà Nẵng"),
    "Thành phố Hồ Chí Minh": ("SỞ Y TẾ THÀNH PHỐ HỒ CHÍ MINH", "Bệnh viện Từ Dũ"),
    "thành phố Cần Thơ": ("SỞ Y TẾ THÀNH PHỐ CẦN THƠ", "Bệnh viện Phụ sản thành phố Cần Thơ"),
    "tỉnh Thanh Hóa": ("SỞ Y TẾ THANH HÓA", "Bệnh viện Phụ sản Thanh Hóa"),
    "tỉnh Nghệ An": ("SỞ Y TẾ NGHỆ AN", "Bệnh viện Sản Nhi Nghệ An"),
}


# ---------------------------------------------------------------------------------------------- small helpers

def _doc(kind: str, blocks: list[Block]) -> Layout:
    titles = [b.text for b in blocks if b.kind == "title"]
    heading = " ".join(titles) if titles else next(b.text for b in blocks if b.kind in ("subtitle", "text"))
    return Layout(kind, heading, blocks)


def _sig(right: list[str], left: list[str] | None = None) -> Block:
    return Block("sign", left=left or [], right=right)


def _signer(role: str, name: str, note: str = "(Ký, ghi rõ họ tên)") -> list[str]:
    return [role, note, "", name]


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _on(place: str, day: dt.date) -> Block:
    return text(f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}")


def _ward(p: Person) -> str:
    return p.address.split(", ")[-2]


def _city(p: Person) -> str:
    return p.address.split(", ")[-1]


def _town(p: Person | str) -> str:
    """The place name written before the date line ("Đà Nẵng, ngày ..."), of a person or of an address."""
    city = (p if isinstance(p, str) else p.address).split(", ")[-1]
    if city == "Thành phố Hồ Chí Minh":
        return "TP. Hồ Chí Minh"
    return city.removeprefix("thành phố ").removeprefix("tỉnh ")


def _province(p: Person) -> str:
    """The province as written in upper case in a department's name ("SỞ ... THÀNH PHỐ HỒ CHÍ MINH")."""
    town = _town(p)
    return "THÀNH PHỐ HỒ CHÍ MINH" if town.startswith("TP.") else town.upper()


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_MONTHS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười một", "Mười hai"]


def _num(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "mười" + ("" if n == 10 else " " + ("lăm" if n == 15 else _DIGITS[n - 10]))
    unit = n % 10
    tail = {0: "", 1: " mốt", 5: " lăm"}.get(unit, " " + _DIGITS[unit])
    return f"{_DIGITS[n // 10]} mươi{tail}"


def _year_words(y: int) -> str:
    head = f"{_DIGITS[y // 1000]} nghìn {_DIGITS[(y // 100) % 10]} trăm"
    rest = y % 100
    return head if rest == 0 else f"{head} linh {_DIGITS[rest]}" if rest < 10 else f"{head} {_num(rest)}"


def _date_words(day: dt.date) -> str:
    words = f"{_num(day.day)} tháng {_MONTHS[day.month - 1]} năm {_year_words(day.year)}"
    return words[0].upper() + words[1:]


def _age(p: Person, on: dt.date) -> int:
    return on.year - p.birth.year - ((on.month, on.day) < (p.birth.month, p.birth.day))


def _issued(p: Person) -> dt.date:
    """The day the person's chip card was issued (deterministic, between July and December 2024)."""
    return dt.date(2024, 7 + int(p.id_number[-1]) % 6, 1 + int(p.id_number[-3:-1]) % 28)


def _expiry(p: Person) -> str:
    """Law on Identification 2023: cards are renewed at 25, 40 and 60; one issued within two years before such an
    age stays valid until the next one; from 58 on it has no expiry."""
    age = _age(p, _issued(p))
    for limit in (25, 40, 60):
        if age < limit - 2:
            return _d(dt.date(p.birth.year + limit, p.birth.month, p.birth.day))
    return "Không thời hạn"


def _card_ref(p: Person) -> str:
    return f"Căn cước số {p.id_number}, cấp ngày {_d(_issued(p))}, nơi cấp: Bộ Công an"


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


class Cast:
    """Distinct made-up people for the held-out set: names never repeat, addresses in real wards."""

    def __init__(self, seed: int) -> None:
        self.people = People(seed)
        self.rng = random.Random(seed * 31 + 7)
        self.used: set[str] = set()

    def address(self, where: str | None = None) -> str:
        """An address, in the given ward or city when ``where`` names one."""
        ward, city, street = self.rng.choice([w for w in WARDS if where in (None, w[0], w[1])])
        n = self.rng.randint(3, 160)
        if city == "thành phố Hà Nội":
            return f"Số {n}, ngõ {self.rng.randint(5, 120)} {street}, {ward}, {city}"
        if city == "Thành phố Hồ Chí Minh":
            return f"Số {n}/{self.rng.randint(2, 30)} {street.removeprefix('đường ')}, {ward}, {city}"
        return f"Số {n} {street}, {ward}, {city}"

    def person(self, sex: str | None = None, born: tuple[int, int] = (1960, 2000), surname: str | None = None,
               home: Person | None = None, where: str | None = None, kin: tuple[Person, ...] = ()) -> Person:
        """A new person; ``kin`` are relatives whose given names a child does not take."""
        taken = {q.name.split()[-1] for q in kin}
        while True:
            p = self.people.person(sex, born, surname)
            if p.name not in self.used and p.name.split()[-1] not in taken:
                break
        self.used.add(p.name)
        p.address = home.address if home else self.address(where)
        return p

    def baby(self, father: Person, mother: Person, born: dt.date) -> Person:
        p = self.person(born=(born.year, born.year), surname=father.name.split()[0], home=father,
                        kin=(father, mother))
        p.birth, p.id_number = born, ""
        return p

    def other_name(self, p: Person, avoid: tuple[Person, ...] = ()) -> str:
        """The same person with a clearly different given name (not one of the ``avoid`` people's)."""
        pool = GIVEN_FEMALE if p.sex == "female" else GIVEN_MALE
        taken = {q.name.split()[-1] for q in avoid}
        parts = p.name.split()
        parts[-1] = self.rng.choice([g for g in pool if _distance(g, parts[-1]) >= 3 and g not in taken])
        return " ".join(parts)

    @staticmethod
    def other_birth(day: dt.date) -> dt.date:
        return dt.date(day.year - 3, day.month % 12 + 1, (day.day + 10) % 28 + 1)

    @staticmethod
    def other_id(number: str) -> str:
        step = 472_913
        while True:
            other = number[:6] + f"{(int(number[6:]) + step) % 10**6:06d}"
            if sum(a != b for a, b in zip(number, other, strict=True)) >= 3:
                return other
            step += 101_101


def _can_cuoc(p: Person) -> Layout:
    """The 2024 chip card (Law on Identification 2023), both sides photocopied on one page."""
    return _doc("can_cuoc", [
        Block("header", left=[], right=[*MOTTO, *MOTTO_EN]),
        title("CĂN CƯỚC"), sub("IDENTITY CARD"),
        f("Số định danh cá nhân/Personal identification number", p.id_number),
        f("Họ, chữ đệm và tên khai sinh/Full name", p.name.upper()),
        f("Ngày, tháng, năm sinh/Date of birth", _d(p.birth)),
        f("Giới tính/Sex", p.sex_vi), f("Quốc tịch/Nationality", "Việt Nam"),
        text("(Mặt sau)"),
        f("Nơi cư trú/Place of residence", p.address),
        f("Nơi đăng ký khai sinh/Place of birth", p.province),
        f("Ngày, tháng, năm cấp/Date of issue", _d(_issued(p))),
        f("Ngày, tháng, năm hết hạn/Date of expiry", _expiry(p)),
        text("BỘ CÔNG AN / MINISTRY OF PUBLIC SECURITY"),
    ])


def _giay_uy_quyen(principal: Person, agent: Person, task: str, heading: str = "GIẤY ỦY QUYỀN",
                   subtitle: str = "", certified: bool = True, principal_id: str | None = None,
                   day: dt.date = FILED) -> Layout:
    """An authorisation letter; ``certified`` adds the commune's certification of the signature."""
    blocks = [header(), title(heading)]
    if subtitle:
        blocks.append(sub(subtitle))
    blocks += [
        text("Căn cứ Bộ luật Dân sự năm 2015; hôm nay, chúng tôi gồm:"),
        text("1. NGƯỜI ỦY QUYỀN"),
        f("Họ, chữ đệm và tên", principal.name), f("Ngày sinh", _d(principal.birth)),
        f("Số định danh cá nhân", principal_id or principal.id_number), f("Nơi cư trú", principal.address),
        text("2. NGƯỜI ĐƯỢC ỦY QUYỀN"),
        f("Họ, chữ đệm và tên", agent.name), f("Ngày sinh", _d(agent.birth)),
        f("Số định danh cá nhân", agent.id_number), f("Nơi cư trú", agent.address),
        text(f"3. Nội dung ủy quyền: {task}"),
        text("4. Thời hạn ủy quyền: kể từ ngày ký đến khi hoàn thành công việc nêu trên. Người được ủy quyền không "
             "được ủy quyền lại cho người thứ ba."),
        _on(_town(principal), day),
        _sig(_signer("NGƯỜI ỦY QUYỀN", principal.name), _signer("NGƯỜI ĐƯỢC ỦY QUYỀN", agent.name)),
    ]
    if certified:
        blocks.append(text(f"Chứng thực chữ ký: ngày {_d(day)}, tại Ủy ban nhân dân {_ward(principal)}, "
                           f"{principal.name} đã ký vào giấy ủy quyền này trước mặt người thực hiện chứng thực. "
                           f"Số chứng thực 318, quyển số 02/2026-SCT/CK,CD."))
    return _doc("giay_uy_quyen", blocks)


def _hop_dong_uy_quyen(principal: Person, agent: Person, scope: str, office: str, number: int) -> Layout:
    """A notarised authorisation contract (Bên A authorises Bên B)."""
    return _doc("hop_dong_uy_quyen", [
        header(), title("HỢP ĐỒNG ỦY QUYỀN"),
        text(f"Hôm nay, ngày {_d(FILED - dt.timedelta(days=3))}, tại {office}, chúng tôi gồm có:"),
        text("BÊN ỦY QUYỀN (sau đây gọi là Bên A):"),
        f("Bà/Ông", principal.name), f("Sinh ngày", _d(principal.birth)),
        f("Căn cước số", principal.id_number), f("Nơi thường trú", principal.address),
        text("BÊN ĐƯỢC ỦY QUYỀN (sau đây gọi là Bên B):"),
        f("Bà/Ông", agent.name), f("Sinh ngày", _d(agent.birth)),
        f("Căn cước số", agent.id_number), f("Nơi thường trú", agent.address),
        text(f"ĐIỀU 1. PHẠM VI ỦY QUYỀN: {scope}"),
        text("ĐIỀU 2. THỜI HẠN: kể từ ngày hợp đồng được công chứng đến khi hoàn thành công việc. "
             "ĐIỀU 3. THÙ LAO: Bên B thực hiện công việc không có thù lao."),
        _sig(_signer("BÊN B", agent.name), _signer("BÊN A", principal.name)),
        text(f"LỜI CHỨNG CỦA CÔNG CHỨNG VIÊN: Tôi, công chứng viên Quách Minh Đức, chứng nhận hợp đồng ủy quyền này "
             f"được giao kết giữa {principal.name} và {agent.name} trên cơ sở tự nguyện; nội dung không vi phạm pháp "
             f"luật. Số công chứng {number}, quyển số 12/2026 TP/CC-SCC/HĐGD."),
    ])


# ---------------------------------------------------------------------------------------------- civil status

def _tk_khai_sinh(req: Person, relation: str, child: Person, mother: Person, father: Person, birthplace: str,
                  ) -> Layout:
    return _doc("to_khai_khai_sinh", [
        header(), title("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(mother)}, {_city(mother)}"),
        f("Họ, chữ đệm, tên người yêu cầu", req.name),
        f("Giấy tờ tùy thân", _card_ref(req)),
        f("Nơi cư trú", req.address),
        f("Quan hệ với người được đăng ký khai sinh", relation),
        text("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
        f("Họ, chữ đệm, tên", child.name.upper()),
        f("Ngày, tháng, năm sinh", f"{_d(child.birth)}   ghi bằng chữ: {_date_words(child.birth)}"),
        f("Giới tính", f"{child.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi sinh", birthplace), f("Quê quán", father.province),
        f("Họ, chữ đệm, tên người mẹ", mother.name),
        f("Năm sinh", f"{mother.birth.year}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi cư trú", mother.address),
        f("Họ, chữ đệm, tên người cha", father.name),
        f("Năm sinh", f"{father.birth.year}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi cư trú", father.address),
        text("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí "
             "của các bên liên quan theo quy định pháp luật và chịu hoàn toàn trách nhiệm về nội dung cam đoan."),
        f("Đề nghị cấp bản sao", "Có      Số lượng: 02 bản"),
        text(f"Làm tại: {_ward(mother)}, ngày {FILED.day:02d} tháng {FILED.month:02d} năm {FILED.year}"),
        _sig(_signer("Người yêu cầu", req.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _giay_chung_sinh(mother: Person, child: Person, mother_name: str | None = None) -> Layout:
    health, hospital = MATERNITY[_city(mother)]
    return _doc("giay_chung_sinh", [
        header([health, hospital.upper()]),
        text(f"Số: {int(mother.id_number[-4:]) % 900 + 100}/2026          Quyển số: 07"),
        title("GIẤY CHỨNG SINH"),
        f("Họ và tên mẹ/Người nuôi dưỡng", mother_name or mother.name),
        f("Ngày, tháng, năm sinh", _d(mother.birth)),
        f("Nơi đăng ký thường trú", mother.address),
        f("Số định danh cá nhân", mother.id_number),
        f("Dân tộc", "Kinh"),
        f("Đã sinh con vào lúc", f"21 giờ 40 phút, ngày {child.birth.day:02d} tháng {child.birth.month:02d} "
                                 f"năm {child.birth.year}"),
        f("Tại", f"Khoa Sản, {hospital}"),
        f("Số lần sinh", "01          Số con hiện sống: 01"),
        f("Số con trong lần sinh này", "01"), f("Giới tính của con", child.sex_vi),
        f("Cân nặng", "3.150 gam"), f("Dự định đặt tên con là", child.name),
        f("Ghi chú", "Sinh thường, mẹ và con khỏe mạnh"),
        _on(_town(mother), child.birth + dt.timedelta(days=2)),
        _sig(_signer("THỦ TRƯỞNG CƠ SỞ Y TẾ", "BSCKII. Tạ Quang Vinh", "(Ký, ghi rõ họ tên, đóng dấu)"),
             _signer("NGƯỜI ĐỠ ĐẺ", "NHS. Lương Thị Thu Hiền")),
    ])


def _xac_nhan_viec_sinh(witness: Person, mother: Person, child: Person) -> Layout:
    return _doc("xac_nhan_viec_sinh", [
        header(), title("GIẤY XÁC NHẬN VỀ VIỆC SINH"), sub("(Dùng cho trường hợp không có Giấy chứng sinh)"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(mother)}"),
        f("Tôi tên là", witness.name), f("Ngày sinh", _d(witness.birth)),
        f("Số định danh cá nhân", witness.id_number), f("Nơi cư trú", witness.address),
        f("Quan hệ với gia đình người sinh", "Hàng xóm"),
        text(f"Tôi xin xác nhận: vào hồi 03 giờ 20 phút ngày {_d(child.birth)}, tại nhà riêng ở {mother.address}, "
             f"chị {mother.name}, sinh năm {mother.birth.year}, đã sinh một cháu {child.sex_vi.lower()}. Do chuyển dạ "
             "nhanh, không kịp đến cơ sở y tế nên không có Giấy chứng sinh; tôi là người có mặt, trực tiếp giúp đỡ "
             "và chứng kiến việc sinh."),
        f("Tên dự định đặt cho cháu", child.name),
        text("Tôi cam đoan những nội dung xác nhận trên là đúng sự thật và chịu trách nhiệm trước pháp luật."),
        _on(_town(mother), FILED - dt.timedelta(days=1)),
        _sig(_signer("NGƯỜI LÀM CHỨNG", witness.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _giay_ra_vien(mother: Person, child: Person) -> Layout:
    health, hospital = MATERNITY[_city(mother)]
    admitted = child.birth - dt.timedelta(days=1)
    return _doc("giay_ra_vien", [
        header([health, hospital.upper(), "Khoa Sản thường"]),
        title("GIẤY RA VIỆN"),
        f("Họ tên người bệnh", mother.name.upper()),
        f("Tuổi", f"{_age(mother, admitted)}      Giới tính: Nữ      Dân tộc: Kinh"),
        f("Nghề nghiệp", "Nhân viên văn phòng"),
        f("Địa chỉ", mother.address),
        f("Vào viện lúc", f"16 giờ 05 phút, ngày {_d(admitted)}"),
        f("Ra viện lúc", f"09 giờ 00 phút, ngày {_d(child.birth + dt.timedelta(days=3))}"),
        f("Chẩn đoán", f"Sau đẻ thường ngày thứ 3; một con {child.sex_vi.lower()}, cân nặng 3.150 gam"),
        f("Phương pháp điều trị", "Đỡ đẻ thường, chăm sóc và theo dõi sau sinh"),
        f("Ghi chú", "Khám lại sau 6 tuần hoặc khi có dấu hiệu bất thường"),
        _on(_town(mother), child.birth + dt.timedelta(days=3)),
        _sig(_signer("GIÁM ĐỐC", "BSCKII. Tạ Quang Vinh"), _signer("TRƯỞNG KHOA", "ThS.BS. Kiều Thị Ngọc Ánh")),
    ])


@dataclasses.dataclass
class Death:
    when: dt.datetime
    place: str
    cause: str
    notice: str  # number of the death notice
    issuer: str  # who issued it


def _tk_khai_tu(req: Person, relation: str, dead: Person, death: Death, dead_birth: dt.date | None = None,
                ) -> Layout:
    return _doc("to_khai_khai_tu", [
        header(), title("TỜ KHAI ĐĂNG KÝ KHAI TỬ"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(dead)}, {_city(dead)}"),
        f("Họ, chữ đệm, tên người yêu cầu", req.name),
        f("Giấy tờ tùy thân", _card_ref(req)),
        f("Nơi cư trú", req.address),
        f("Quan hệ với người đã chết", relation),
        text("Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", dead.name.upper()),
        f("Ngày, tháng, năm sinh", _d(dead_birth or dead.birth)),
        f("Giới tính", f"{dead.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Giấy tờ tùy thân", f"Số định danh cá nhân {dead.id_number}"),
        f("Nơi cư trú cuối cùng", dead.address),
        f("Đã chết vào lúc", f"{death.when.hour:02d} giờ {death.when.minute:02d} phút, ngày "
                             f"{death.when.day:02d} tháng {death.when.month:02d} năm {death.when.year}"),
        f("Nơi chết", death.place), f("Nguyên nhân chết", death.cause),
        f("Giấy báo tử/Giấy tờ thay thế Giấy báo tử", f"Số {death.notice} do {death.issuer} cấp ngày "
                                                       f"{_d(death.when.date())}"),
        text("Tôi cam đoan nội dung đề nghị đăng ký khai tử trên đây là đúng sự thật và chịu trách nhiệm trước pháp "
             "luật về cam đoan của mình."),
        f("Đề nghị cấp bản sao Trích lục khai tử", "Có      Số lượng: 03 bản"),
        text(f"Làm tại: {_ward(dead)}, ngày {FILED.day:02d} tháng {FILED.month:02d} năm {FILED.year}"),
        _sig(_signer("Người yêu cầu", req.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _bao_tu_benh_vien(dead: Person, death: Death, informant: Person) -> Layout:
    """Death notice of a hospital: its own labels and order."""
    return _doc("giay_bao_tu", [
        header(["SỞ Y TẾ THANH HÓA", "BỆNH VIỆN ĐA KHOA TỈNH THANH HÓA", f"Số: {death.notice}"]),
        title("GIẤY BÁO TỬ"),
        f("Họ và tên người tử vong", dead.name.upper()),
        f("Ngày sinh", _d(dead.birth)), f("Giới tính", dead.sex_vi),
        f("Dân tộc", "Kinh      Quốc tịch: Việt Nam"),
        f("Số CCCD/Căn cước/Hộ chiếu", dead.id_number),
        f("Nơi cư trú", dead.address),
        f("Vào viện lúc", f"10 giờ 15 phút, ngày {_d(death.when.date() - dt.timedelta(days=6))}"),
        f("Tử vong lúc", f"{death.when.hour:02d} giờ {death.when.minute:02d} phút, ngày {_d(death.when.date())}"),
        f("Tại", death.place), f("Nguyên nhân tử vong", death.cause),
        f("Người nhận giấy báo tử", f"{informant.name}, quan hệ với người tử vong: con"),
        _on("Thanh Hóa", death.when.date()),
        _sig(_signer("GIÁM ĐỐC", "TS.BS. Trịnh Văn Lộc", "(Ký, ghi rõ họ tên, đóng dấu)"),
             _signer("TRƯỞNG KHOA", "BSCKII. Đinh Thị Hồng Nhung")),
    ])


def _bao_tu_xa(dead: Person, death: Death) -> Layout:
    """Death notice issued by the chairman of the commune People's Committee (death at home, Decree 123/2015)."""
    return _doc("giay_bao_tu", [
        header(["ỦY BAN NHÂN DÂN", _ward(dead).upper(), f"Số: {death.notice}"]),
        title("GIẤY BÁO TỬ"),
        text(f"Chủ tịch Ủy ban nhân dân {_ward(dead)}, {_city(dead)} báo tin:"),
        f("Ông/Bà", dead.name), f("Sinh ngày", _d(dead.birth)),
        f("Giới tính", f"{dead.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Số định danh cá nhân", dead.id_number),
        f("Nơi cư trú", dead.address),
        f("Đã chết vào hồi", f"{death.when.hour:02d} giờ {death.when.minute:02d} phút, ngày {_d(death.when.date())}"),
        f("Tại", death.place), f("Nguyên nhân chết", death.cause),
        text("Căn cứ: Biên bản xác minh của Công an phường và xác nhận của Tổ trưởng tổ dân phố."),
        _on(_town(dead), death.when.date() + dt.timedelta(days=1)),
        _sig(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Cao Xuân Trường"]),
    ])


def _tk_ket_hon(wife: Person, husband: Person, husband_id: str | None = None) -> Layout:
    """Marriage declaration laid out as the real two-column table, one row a line."""
    return _doc("to_khai_ket_hon", [
        header(), title("TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(wife)}, {_city(wife)}"),
        text("Thông tin | Bên nữ | Bên nam"),
        text(f"Họ, chữ đệm, tên | {wife.name} | {husband.name}"),
        text(f"Ngày, tháng, năm sinh | {_d(wife.birth)} | {_d(husband.birth)}"),
        text("Dân tộc | Kinh | Kinh"),
        text("Quốc tịch | Việt Nam | Việt Nam"),
        text(f"Nơi cư trú | {wife.address} | {husband.address}"),
        text(f"Giấy tờ tùy thân | Căn cước số {wife.id_number} | Căn cước số {husband_id or husband.id_number}"),
        text("Kết hôn lần thứ mấy | Thứ nhất | Thứ nhất"),
        text("Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, "
             "không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam."),
        f("Đề nghị cấp bản sao Trích lục kết hôn", "Có      Số lượng: 02 bản"),
        _on(_town(wife), FILED),
        _sig(_signer("Bên nữ", wife.name, "(Ký, ghi rõ họ, chữ đệm, tên)"),
             _signer("Bên nam", husband.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _tk_xn_hon_nhan(req: Person, subject: Person, relation: str, purpose: str,
                    subject_birth: dt.date | None = None) -> Layout:
    return _doc("to_khai_xn_hon_nhan", [
        header(), title("TỜ KHAI"), title("CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(subject)}, {_city(subject)}"),
        f("Họ, chữ đệm, tên người yêu cầu", req.name),
        f("Nơi cư trú", req.address),
        f("Giấy tờ tùy thân", _card_ref(req)),
        f("Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân", relation),
        text("Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", subject.name),
        f("Ngày, tháng, năm sinh", _d(subject_birth or subject.birth)),
        f("Giới tính", f"{subject.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi cư trú", subject.address),
        f("Giấy tờ tùy thân", f"Căn cước số {subject.id_number}"),
        f("Tình trạng hôn nhân", "Hiện tại chưa đăng ký kết hôn với ai"),
        f("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân", purpose),
        text("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam "
             "đoan của mình."),
        text(f"Làm tại: {_ward(subject)}, ngày {FILED.day:02d} tháng {FILED.month:02d} năm {FILED.year}"),
        _sig(_signer("Người yêu cầu", req.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _gxn_hon_nhan(subject: Person, purpose: str, issued: dt.date, number: int) -> Layout:
    """The marital status certificate itself (the result of 1.004873), valid six months."""
    return _doc("gxn_hon_nhan", [
        header(["ỦY BAN NHÂN DÂN", _ward(subject).upper(), f"Số: {number}/UBND-XNTTHN"]),
        title("GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN"),
        text(f"ỦY BAN NHÂN DÂN {_ward(subject).upper()} xác nhận:"),
        f("Họ, chữ đệm, tên", subject.name), f("Ngày, tháng, năm sinh", _d(subject.birth)),
        f("Giới tính", f"{subject.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Giấy tờ tùy thân", f"Căn cước số {subject.id_number}"),
        f("Nơi cư trú", subject.address),
        f("Trong thời gian cư trú tại", f"{_ward(subject)}, từ năm 2015 đến nay"),
        f("Tình trạng hôn nhân", "Chưa đăng ký kết hôn với ai"),
        f("Giấy này được cấp để", purpose),
        text("Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp."),
        _on(_town(subject), issued),
        _sig(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "", "Mai Thị Thanh Tâm"]),
    ])


def _tk_ban_sao(req: Person, relation: str, subject: Person, paper: str, registered: str, purpose: str,
                ) -> Layout:
    return _doc("to_khai_ban_sao", [
        header(), title("TỜ KHAI CẤP BẢN SAO TRÍCH LỤC HỘ TỊCH"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(req)}, {_city(req)}"),
        f("Họ, chữ đệm, tên người yêu cầu", req.name),
        f("Nơi cư trú", req.address),
        f("Giấy tờ tùy thân", _card_ref(req)),
        f("Quan hệ với người được cấp bản sao", relation),
        f("Đề nghị cấp bản sao", paper),
        text("cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", subject.name), f("Ngày, tháng, năm sinh", _d(subject.birth)),
        f("Giới tính", f"{subject.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Số định danh cá nhân", subject.id_number),
        f("Nơi cư trú", subject.address),
        f("Đã đăng ký tại", registered),
        f("Số lượng bản sao đề nghị cấp", "03 bản"),
        f("Mục đích sử dụng", purpose),
        text("Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật."),
        _on(_town(req), FILED),
        _sig(_signer("NGƯỜI YÊU CẦU", req.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _cong_van_trich_luc(dead: Person, registered: str) -> Layout:
    """An official letter of a ward police asking for a copy of a death extract (no title, a "V/v" line)."""
    return _doc("cong_van", [
        header(["CÔNG AN THÀNH PHỐ ĐÀ NẴNG", "CÔNG AN PHƯỜNG SƠN TRÀ", "Số: 318/CAP-ĐTTH",
                "V/v đề nghị cấp bản sao Trích lục khai tử"]),
        _on("Sơn Trà", FILED - dt.timedelta(days=2)),
        text("Kính gửi: Ủy ban nhân dân phường Sơn Trà, thành phố Đà Nẵng"),
        text(f"Để phục vụ công tác xác minh, giải quyết đơn đề nghị liên quan đến tài sản của người đã chết, Công an "
             f"phường Sơn Trà đề nghị Ủy ban nhân dân phường cấp 01 bản sao Trích lục khai tử của ông/bà "
             f"{dead.name}, sinh ngày {_d(dead.birth)}, số định danh cá nhân {dead.id_number}, nơi cư trú cuối "
             f"cùng: {dead.address}; việc khai tử đã được đăng ký tại {registered}."),
        text("Lý do: bổ sung hồ sơ giải quyết đơn của công dân theo quy định."),
        text("Cán bộ liên hệ nhận kết quả: Thượng úy Khúc Văn Hậu, điện thoại 0236 3 831 245."),
        text("Rất mong nhận được sự phối hợp của Quý cơ quan."),
        text("Nơi nhận: - Như trên; - Lưu: VT, hồ sơ."),
        _sig(["TRƯỞNG CÔNG AN PHƯỜNG", "(Ký tên, đóng dấu)", "", "Thiếu tá Văn Đình Khoa"]),
    ])


def _bang_thpt(holder: Person) -> Layout:
    return _doc("bang_tot_nghiep", [
        header(), title("BẰNG TỐT NGHIỆP TRUNG HỌC PHỔ THÔNG"),
        text(f"GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO {_province(holder)}"),
        text(f"Công nhận tốt nghiệp trung học phổ thông năm {holder.birth.year + 18}"),
        f("Cho", holder.name), f("Ngày sinh", _d(holder.birth)), f("Nơi sinh", holder.province),
        f("Giới tính", holder.sex_vi), f("Dân tộc", "Kinh"),
        f("Học sinh trường", "Trung học phổ thông Nguyễn Trãi"),
        f("Xếp loại", "Giỏi"),
        _on(_town(holder), dt.date(holder.birth.year + 18, 7, 28)),
        f("Số hiệu", f"THPT {holder.id_number[-6:]}"), f("Số vào sổ cấp bằng", f"{holder.birth.year + 18}/0871"),
        _sig(["GIÁM ĐỐC", "(Ký, đóng dấu)", "", "Lê Đình Toàn"]),
    ])


def _tk_dk_lai(subject: Person, mother: Person, father: Person, birthplace: str, registered: str, papers: str,
               ) -> Layout:
    return _doc("to_khai_dk_lai_ks", [
        header(), title("TỜ KHAI"), title("ĐĂNG KÝ LẠI KHAI SINH"),
        text(f"Kính gửi: Ủy ban nhân dân {_ward(subject)}, {_city(subject)}"),
        f("Họ, chữ đệm, tên người yêu cầu", subject.name),
        f("Giấy tờ tùy thân", _card_ref(subject)),
        f("Nơi cư trú", subject.address),
        f("Quan hệ với người được đăng ký lại khai sinh", "Bản thân"),
        text("Đề nghị cơ quan đăng ký lại khai sinh cho người dưới đây:"),
        f("Họ, chữ đệm, tên", subject.name.upper()),
        f("Ngày, tháng, năm sinh", f"{_d(subject.birth)}   ghi bằng chữ: {_date_words(subject.birth)}"),
        f("Giới tính", f"{subject.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi sinh", birthplace),
        f("Quê quán", subject.province), f("Số định danh cá nhân", subject.id_number),
        f("Họ, chữ đệm, tên người mẹ", f"{mother.name}      Năm sinh: {mother.birth.year}"),
        f("Họ, chữ đệm, tên người cha", f"{father.name}      Năm sinh: {father.birth.year}"),
        f("Đã đăng ký khai sinh tại", registered),
        f("Giấy tờ nộp kèm", papers),
        text("Tôi cam đoan những nội dung khai trên đây là đúng sự thật, đã nộp đủ các giấy tờ hiện có; bản chính Giấy "
             "khai sinh không còn lưu giữ được. Tôi chịu trách nhiệm trước pháp luật về cam đoan của mình."),
        text(f"Làm tại: {_ward(subject)}, ngày {FILED.day:02d} tháng {FILED.month:02d} năm {FILED.year}"),
        _sig(_signer("Người yêu cầu", subject.name, "(Ký, ghi rõ họ, chữ đệm, tên)")),
    ])


def _gks_ban_sao_cu(subject: Person, mother: Person, father: Person, ward: str, district: str, city: str,
                    birth: dt.date | None = None) -> Layout:
    """A 1990s birth certificate copied from the register: old labels, a father/mother table, no ID number."""
    born = birth or subject.birth
    registered = born + dt.timedelta(days=20)
    return _doc("giay_khai_sinh_ban_sao", [
        header(["ỦY BAN NHÂN DÂN", ward.upper(), f"{district.upper()} - {city.upper()}",
                f"Số: {registered.day + 40}, Quyển số: 01/{registered.year}"]),
        title("GIẤY KHAI SINH"), sub("(BẢN SAO)"),
        f("Họ và tên", subject.name.upper()),
        f("Nam hay nữ", subject.sex_vi),
        f("Ngày, tháng, năm sinh", f"{_d(born)} ({_date_words(born)})"),
        f("Nơi sinh", f"Nhà hộ sinh {district}, {city}"),
        f("Dân tộc", "Kinh      Quốc tịch: Việt Nam"),
        text("PHẦN KHAI VỀ CHA MẸ | Cha | Mẹ"),
        text(f"Họ và tên | {father.name} | {mother.name}"),
        text(f"Tuổi | {born.year - father.birth.year} | {born.year - mother.birth.year}"),
        text("Dân tộc | Kinh | Kinh"),
        text("Quốc tịch | Việt Nam | Việt Nam"),
        text(f"Nơi thường trú | {ward}, {district} | {ward}, {district}"),
        f("Họ và tên người đứng khai", f"{father.name}, quan hệ với người được khai sinh: cha"),
        f("Đăng ký ngày", _d(registered)),
        text(f"Sao từ Sổ đăng ký khai sinh, ngày 14 tháng 03 năm 2002, {ward}."),
        _sig(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "", "Lại Văn Thịnh"]),
    ])


def _hoc_ba(subject: Person, mother: Person, father: Person) -> Layout:
    start = subject.birth.year + 15
    return _doc("hoc_ba", [
        header([f"SỞ GIÁO DỤC VÀ ĐÀO TẠO {_province(subject)}", "TRƯỜNG THPT PHAN BỘI CHÂU"]),
        title("HỌC BẠ"), sub("TRUNG HỌC PHỔ THÔNG"),
        f("Họ và tên", subject.name), f("Giới tính", subject.sex_vi),
        f("Ngày sinh", _d(subject.birth)), f("Nơi sinh", subject.province),
        f("Dân tộc", "Kinh      Con liệt sĩ, con thương binh: Không"),
        f("Chỗ ở hiện tại", subject.address),
        f("Họ và tên cha", f"{father.name}      Nghề nghiệp: Công nhân"),
        f("Họ và tên mẹ", f"{mother.name}      Nghề nghiệp: Giáo viên"),
        text("QUÁ TRÌNH HỌC TẬP"),
        text("Năm học | Lớp | Tên trường, tỉnh/thành phố"),
        text(f"{start}-{start + 1} | 10A2 | Trường THPT Phan Bội Châu"),
        text(f"{start + 1}-{start + 2} | 11A2 | Trường THPT Phan Bội Châu"),
        text(f"{start + 2}-{start + 3} | 12A2 | Trường THPT Phan Bội Châu"),
        _sig(["HIỆU TRƯỞNG", "(Ký, ghi rõ họ tên và đóng dấu)", "", "Tô Hoài Nam"]),
        text("CHỨNG THỰC BẢN SAO ĐÚNG VỚI BẢN CHÍNH. Số chứng thực 1157, quyển số 04/2026-SCT/BS, ngày "
             f"{_d(FILED - dt.timedelta(days=5))}."),
    ])


def _xac_nhan_co_quan(subject: Person, mother: Person, father: Person) -> Layout:
    return _doc("xac_nhan_co_quan", [
        header(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "SỞ TÀI CHÍNH", "Số: 1045/XN-STC"]),
        title("GIẤY XÁC NHẬN"), sub("Về nội dung khai sinh của công chức"),
        text("Giám đốc Sở Tài chính thành phố Hải Phòng xác nhận:"),
        f("Ông/Bà", subject.name),
        f("Chức vụ, đơn vị công tác", "Chuyên viên Phòng Quản lý ngân sách, Sở Tài chính"),
        f("Giới tính", subject.sex_vi), f("Ngày, tháng, năm sinh", _d(subject.birth)),
        f("Dân tộc", "Kinh      Quốc tịch: Việt Nam"), f("Quê quán", subject.province),
        f("Họ, chữ đệm, tên cha", father.name), f("Họ, chữ đệm, tên mẹ", mother.name),
        text("Các nội dung trên phù hợp với hồ sơ cán bộ, công chức do Sở Tài chính đang quản lý. Giấy xác nhận "
             "được cấp để làm thủ tục đăng ký lại khai sinh."),
        _on("Hải Phòng", FILED - dt.timedelta(days=4)),
        _sig(["GIÁM ĐỐC", "(Ký tên, đóng dấu)", "", "Đinh Quang Thiều"]),
    ])


# ---------------------------------------------------------------------------------------------- household business

def _kinh_gui_hkd(p: Person) -> str:
    return f"Kính gửi: Phòng Kinh tế, Hạ tầng và Đô thị - Ủy ban nhân dân {_ward(p)}, {_city(p)}"


def _tb_cham_dut(owner: Person, business: str, since: dt.date, owner_id: str | None = None) -> Layout:
    return _doc("thong_bao_cham_dut_hkd", [
        Block("header", left=["TÊN HỘ KINH DOANH", business.upper(), "Số: 01/TB-HKD"], right=list(MOTTO)),
        _on(_town(owner), FILED),
        title("THÔNG BÁO"), sub("Về việc chấm dứt hoạt động hộ kinh doanh"),
        text(_kinh_gui_hkd(owner)),
        f("Tên hộ kinh doanh (ghi bằng chữ in hoa)", business.upper()),
        f("Mã số thuế", f"80{owner.id_number[-8:]}"),
        f("Số Giấy chứng nhận đăng ký hộ kinh doanh", f"32F8{owner.id_number[-6:]}, cấp lần đầu ngày 14/03/2019"),
        f("Địa chỉ trụ sở hộ kinh doanh", owner.address),
        text(f"Hộ kinh doanh thông báo chấm dứt hoạt động kể từ ngày {_d(since)}."),
        f("Lý do", "Chủ hộ chuyển sang làm công việc khác"),
        text("Hộ kinh doanh cam kết đã thanh toán đầy đủ các khoản nợ, kể cả nợ thuế, và hoàn thành các nghĩa vụ tài "
             "chính khác; đã chấm dứt hợp đồng lao động với người lao động."),
        text("Thông tin về chủ hộ kinh doanh:"),
        f("Họ, chữ đệm và tên", owner.name), f("Ngày, tháng, năm sinh", _d(owner.birth)),
        f("Số định danh cá nhân", owner_id or owner.id_number), f("Nơi cư trú", owner.address),
        _sig(_signer("CHỦ HỘ KINH DOANH", owner.name, "(Ký và ghi họ tên)")),
    ])


def _bien_ban_nhom(members: list[Person], chair: Person, business: str) -> Layout:
    blocks = [
        header(), title("BIÊN BẢN HỌP"),
        sub("Nhóm cá nhân thành lập hộ kinh doanh về việc chấm dứt hoạt động hộ kinh doanh"),
        text(f"Hôm nay, hồi 08 giờ 30 phút ngày {_d(FILED - dt.timedelta(days=6))}, tại {chair.address}, nhóm cá "
             f"nhân đã thành lập hộ kinh doanh {business.upper()} (đăng ký năm 2019) họp gồm:"),
    ]
    for n, m in enumerate(members, start=1):
        blocks.append(text(f"{n}. {m.name}, sinh ngày {_d(m.birth)}, số định danh cá nhân {m.id_number}"))
    blocks += [
        f("Chủ trì", chair.name), f("Thư ký", members[-1].name),
        text("Nội dung: Do hoạt động kinh doanh không hiệu quả, các thành viên thống nhất chấm dứt hoạt động hộ kinh "
             f"doanh, giao ông/bà {chair.name} làm thủ tục thông báo với cơ quan đăng ký kinh doanh."),
        text(f"Biểu quyết: {len(members)}/{len(members)} thành viên nhất trí (100%)."),
        text("Cuộc họp kết thúc lúc 10 giờ 00 phút cùng ngày; biên bản đã được đọc lại cho các thành viên cùng nghe."),
        _sig(_signer("CHỦ TRÌ", chair.name), _signer("THƯ KÝ", members[-1].name)),
    ]
    return _doc("bien_ban_hop_nhom", blocks)


def _gdn_hkd(owner: Person, business: str, sectors: list[tuple[str, str]], capital: str, workers: int,
             owner_id: str | None = None) -> Layout:
    blocks = [
        Block("header", left=["Mẫu ban hành kèm theo", "Thông tư số 68/2025/TT-BTC"], right=list(MOTTO)),
        title("GIẤY ĐỀ NGHỊ"), title("ĐĂNG KÝ HỘ KINH DOANH"),
        text(_kinh_gui_hkd(owner)),
        f("Tôi là (ghi họ tên bằng chữ in hoa)", owner.name.upper()),
        f("Ngày, tháng, năm sinh", f"{_d(owner.birth)}      Giới tính: {owner.sex_vi}"),
        f("Số định danh cá nhân", owner_id or owner.id_number),
        f("Điện thoại", f"09{owner.id_number[-8:]}"),
        text("Đăng ký hộ kinh doanh do tôi là chủ hộ với các nội dung sau:"),
        f("1. Tên hộ kinh doanh (ghi bằng chữ in hoa)", business.upper()),
        f("2. Địa chỉ trụ sở hộ kinh doanh", owner.address),
        text("3. Ngành, nghề kinh doanh:"),
        text("STT | Tên ngành | Mã ngành"),
    ]
    blocks += [text(f"{n} | {name} | {code}") for n, (name, code) in enumerate(sectors, start=1)]
    blocks += [
        f("4. Vốn kinh doanh", capital), f("5. Số lượng lao động", f"{workers:02d} người"),
        text("Tôi cam kết bản thân không thuộc diện bị cấm đăng ký hộ kinh doanh; trụ sở hộ kinh doanh thuộc quyền sử "
             "dụng hợp pháp của tôi; chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung thực của "
             "nội dung đăng ký."),
        _on(_town(owner), FILED),
        _sig(_signer("CHỦ HỘ KINH DOANH", owner.name, "(Ký và ghi họ tên)")),
    ]
    return _doc("giay_de_nghi_hkd", blocks)


def _uy_quyen_chu_ho(members: list[Person], owner: Person, owner_id: str | None = None) -> Layout:
    """Household members authorising one of them to own the business; a certified copy of a notarised paper."""
    blocks = [
        header(), text("BẢN SAO"), title("GIẤY ỦY QUYỀN"),
        sub("(Về việc cử thành viên hộ gia đình làm chủ hộ kinh doanh)"),
        text("Chúng tôi là các thành viên hộ gia đình cùng cư trú tại " + owner.address + ", gồm:"),
    ]
    for n, m in enumerate(members, start=1):
        number = owner_id if (m is owner and owner_id) else m.id_number
        blocks.append(text(f"{n}. Họ, chữ đệm và tên: {m.name}; ngày sinh: {_d(m.birth)}; số định danh cá nhân: "
                           f"{number}"))
    blocks += [
        text(f"Thống nhất ủy quyền cho {owner.name} làm chủ hộ kinh doanh, thay mặt hộ gia đình đăng ký, quản lý "
             "và chịu trách nhiệm về hoạt động của hộ kinh doanh."),
        _sig(_signer("NGƯỜI ĐƯỢC ỦY QUYỀN", owner.name), _signer("CÁC THÀNH VIÊN", members[0].name)),
        text(f"LỜI CHỨNG: Văn bản được công chứng tại Phòng Công chứng số 2, số công chứng 4471, quyển số "
             f"09/2026 TP/CC-SCC/HĐGD. Chứng thực bản sao đúng với bản chính, số 882/2026-SCT/BS, ngày {_d(FILED)}."),
    ]
    return _doc("uy_quyen_chu_ho", blocks)


def _hd_dich_vu(owner: Person, staff: Person) -> list[Layout]:
    """A copy of the service contract with a consulting firm, and the firm's introduction letter (one file)."""
    contract = _doc("hop_dong_dich_vu", [
        header(), title("HỢP ĐỒNG DỊCH VỤ"), sub("(V/v thực hiện thủ tục đăng ký hộ kinh doanh)"),
        text("Số: 217/2026/HĐDV"),
        text("BÊN SỬ DỤNG DỊCH VỤ (Bên A):"),
        f("Ông/Bà", owner.name), f("Ngày sinh", _d(owner.birth)),
        f("Số định danh cá nhân", owner.id_number), f("Địa chỉ", owner.address),
        text("BÊN CUNG CẤP DỊCH VỤ (Bên B): CÔNG TY TNHH TƯ VẤN DOANH NGHIỆP KHÁNH AN"),
        f("Mã số doanh nghiệp", "0402198765"), f("Người đại diện", "Ông Quách Văn Thịnh - Giám đốc"),
        text("Điều 1. Bên B thay mặt Bên A chuẩn bị hồ sơ, nộp hồ sơ và nhận kết quả đăng ký hộ kinh doanh tại cơ "
             "quan đăng ký kinh doanh cấp xã."),
        text("Điều 2. Phí dịch vụ: 1.500.000 đồng (chưa gồm lệ phí nhà nước). Điều 3. Thời hạn: 15 ngày."),
        _sig(_signer("ĐẠI DIỆN BÊN B", "Quách Văn Thịnh"), _signer("BÊN A", owner.name)),
        text("Sao y bản chính."),
    ])
    letter = _doc("giay_gioi_thieu", [
        header(["CÔNG TY TNHH TƯ VẤN", "DOANH NGHIỆP KHÁNH AN", "Số: 58/GGT"]),
        title("GIẤY GIỚI THIỆU"),
        text(f"Kính gửi: Phòng Kinh tế, Hạ tầng và Đô thị - Ủy ban nhân dân {_ward(owner)}"),
        text("Công ty TNHH Tư vấn doanh nghiệp Khánh An trân trọng giới thiệu:"),
        f("Ông/Bà", staff.name), f("Chức vụ", "Chuyên viên pháp lý"),
        f("Số định danh cá nhân", staff.id_number),
        text(f"Được cử đến liên hệ nộp hồ sơ đăng ký hộ kinh doanh cho ông/bà {owner.name} theo Hợp đồng dịch vụ số "
             "217/2026/HĐDV."),
        text(f"Giấy giới thiệu có giá trị đến hết ngày {_d(FILED + dt.timedelta(days=30))}."),
        _sig(["GIÁM ĐỐC", "(Ký tên, đóng dấu)", "", "Quách Văn Thịnh"]),
    ])
    return [contract, letter]


# ---------------------------------------------------------------------------------------------- residence

def _ct01(person: Person, head: Person, relation: str, police: str, request: str,
          members: list[tuple[Person, str]] | None = None, consent: tuple[str, str, str] | None = None,
          ) -> Layout:
    """Form CT01; ``consent`` is (heading, words, name) of the household head's or owner's agreement."""
    blocks = [
        Block("header", left=["Mẫu CT01", "(Ban hành kèm theo Thông tư", "số 53/2025/TT-BCA)"], right=list(MOTTO)),
        title("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"),
        text(f"Kính gửi (1): {police}"),
        f("1. Họ, chữ đệm và tên", person.name),
        f("2. Ngày, tháng, năm sinh", f"{_d(person.birth)}      3. Giới tính: {person.sex_vi}"),
        f("4. Số định danh cá nhân", person.id_number),
        f("5. Số điện thoại liên hệ", f"09{person.id_number[-8:-4]} {person.id_number[-4:]}"),
        f("6. Email", "khong co"),
        f("7. Họ, chữ đệm và tên chủ hộ", head.name),
        f("8. Mối quan hệ với chủ hộ", relation),
        f("9. Số định danh cá nhân của chủ hộ", head.id_number),
        f("10. Nội dung đề nghị (2)", request),
        text("11. Những thành viên trong hộ gia đình cùng thay đổi:"),
    ]
    if members:
        blocks.append(text("TT | Họ, chữ đệm và tên | Ngày, tháng, năm sinh | Giới tính | Số định danh cá nhân | "
                           "Mối quan hệ với chủ hộ"))
        blocks += [text(f"{n} | {m.name} | {_d(m.birth)} | {m.sex_vi} | {m.id_number} | {rel}")
                   for n, (m, rel) in enumerate(members, start=1)]
    else:
        blocks.append(text("(Không có)"))
    blocks.append(_on(_town(police), FILED))
    left = [consent[0], "(Ghi rõ nội dung, ký, ghi rõ họ tên)", consent[1], consent[2]] if consent else []
    blocks.append(_sig(_signer("NGƯỜI KÊ KHAI", person.name), left))
    return _doc("ct01", blocks)


def _hd_thue_nha(lessor: Person, lessee: Person, place: str, start: dt.date, lessee_name: str | None = None,
                 ) -> Layout:
    return _doc("hop_dong_thue_nha", [
        header(), title("HỢP ĐỒNG THUÊ NHÀ"),
        text(f"Hôm nay, ngày {_d(start)}, tại {place}, chúng tôi gồm:"),
        text("BÊN CHO THUÊ NHÀ (gọi tắt là Bên A):"),
        f("Ông/Bà", lessor.name), f("Sinh ngày", _d(lessor.birth)),
        f("Căn cước số", f"{lessor.id_number}, cấp ngày {_d(_issued(lessor))}"),
        f("Nơi thường trú", lessor.address),
        text("BÊN THUÊ NHÀ (gọi tắt là Bên B):"),
        f("Ông/Bà", lessee_name or lessee.name), f("Sinh ngày", _d(lessee.birth)),
        f("Căn cước số", f"{lessee.id_number}, cấp ngày {_d(_issued(lessee))}"),
        f("Nơi thường trú", lessee.address),
        text("Hai bên thống nhất ký kết hợp đồng thuê nhà với các điều khoản sau:"),
        text(f"Điều 1. Bên A cho Bên B thuê 01 phòng tại tầng 2 nhà số {place}, diện tích 28 m2, có khu vệ sinh "
             "khép kín, để ở."),
        text(f"Điều 2. Giá thuê 3.500.000 đồng/tháng, thanh toán vào ngày 05 hằng tháng; tiền đặt cọc 01 tháng. "
             f"Điều 3. Thời hạn thuê 12 tháng, từ ngày {_d(start)}."),
        text("Điều 4. Bên A đồng ý để Bên B đăng ký tạm trú tại địa chỉ thuê. Hợp đồng lập thành 02 bản, mỗi bên giữ "
             "01 bản có giá trị như nhau."),
        _sig(_signer("BÊN B", lessee_name or lessee.name), _signer("BÊN A", lessor.name)),
    ])


def _tam_tru_danh_sach(students: list[Person], until: dt.date) -> Layout:
    blocks = [
        header(["TRƯỜNG ĐẠI HỌC VINH", "TRUNG TÂM QUẢN LÝ KÝ TÚC XÁ", "Số: 45/KTX-ĐHV"]),
        title("VĂN BẢN ĐỀ NGHỊ ĐĂNG KÝ TẠM TRÚ"),
        sub("(Dùng cho trường hợp đăng ký tạm trú theo danh sách)"),
        text("Kính gửi: Công an phường Thành Vinh, tỉnh Nghệ An"),
        text("Chỗ ở hợp pháp: Ký túc xá A, Trường Đại học Vinh, số 182 đường Lê Duẩn, phường Thành Vinh, tỉnh Nghệ "
             "An (nhà ở thuộc sở hữu của Trường, giao Trung tâm quản lý)."),
        text("Đề nghị đăng ký tạm trú cho các sinh viên có tên dưới đây:"),
        text("STT | Họ, chữ đệm và tên | Ngày, tháng, năm sinh | Giới tính | Số định danh cá nhân | Thời hạn tạm trú"),
    ]
    blocks += [text(f"{n} | {s.name} | {_d(s.birth)} | {s.sex_vi} | {s.id_number} | đến {_d(until)}")
               for n, s in enumerate(students, start=1)]
    blocks += [text(f"(Danh sách gồm {len(students):02d} người.)"), _on("Nghệ An", FILED - dt.timedelta(days=2)),
               _sig(["GIÁM ĐỐC TRUNG TÂM", "(Ký, ghi rõ họ tên, đóng dấu)", "", "Trịnh Quốc Bảo"],
                    ["NGƯỜI LẬP DANH SÁCH", "(Ký, ghi rõ họ tên)", "", "Kiều Thị Mỹ Duyên"])]
    return _doc("tam_tru_danh_sach", blocks)


def _gioi_thieu_cand(officer: Person, housing: str) -> Layout:
    """Referral letter of a police unit for an officer living in the unit's housing (component c5)."""
    return _doc("giay_gioi_thieu", [
        header(["CÔNG AN TỈNH THANH HÓA", "PHÒNG CẢNH SÁT CƠ ĐỘNG", "Số: 215/GGT-PK02"]),
        title("GIẤY GIỚI THIỆU"),
        text("Kính gửi: Công an phường Hạc Thành, tỉnh Thanh Hóa"),
        text("Trưởng phòng Cảnh sát cơ động Công an tỉnh Thanh Hóa trân trọng giới thiệu:"),
        f("Đồng chí", officer.name), f("Cấp bậc", "Thượng úy"), f("Chức vụ", "Cán bộ Đội Cảnh sát cơ động"),
        f("Ngày sinh", _d(officer.birth)), f("Số định danh cá nhân", officer.id_number),
        text(f"Được cử đến làm thủ tục đăng ký tạm trú tại nhà ở công vụ của đơn vị: {housing}. Đơn vị bố trí chỗ ở "
             "cho đồng chí trong thời gian công tác từ tháng 12/2026."),
        text("Đề nghị quý cơ quan tạo điều kiện để đồng chí hoàn thành nhiệm vụ."),
        text(f"Giấy giới thiệu có giá trị đến ngày {_d(FILED + dt.timedelta(days=30))}."),
        _on("Thanh Hóa", FILED - dt.timedelta(days=3)),
        _sig(["TRƯỞNG PHÒNG", "(Ký tên, đóng dấu)", "", "Đại tá Lê Trọng Hiếu"]),
    ])


def _qd_ly_hon(wife: Person, husband: Person, child: Person) -> Layout:
    return _doc("quyet_dinh_ly_hon", [
        header(["TÒA ÁN NHÂN DÂN", "QUẬN SƠN TRÀ", "THÀNH PHỐ ĐÀ NẴNG", "Số: 214/2023/QĐST-HNGĐ"]),
        _on("Sơn Trà", dt.date(2023, 9, 18)),
        title("QUYẾT ĐỊNH"), sub("CÔNG NHẬN THUẬN TÌNH LY HÔN VÀ SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ"),
        text("Căn cứ các Điều 212 và 213 của Bộ luật Tố tụng dân sự; căn cứ Điều 55 của Luật Hôn nhân và gia đình; "
             "xét biên bản hòa giải thành ngày 08/9/2023,"),
        text("QUYẾT ĐỊNH:"),
        text(f"1. Công nhận sự thuận tình ly hôn giữa: chị {wife.name}, sinh ngày {_d(wife.birth)}, số định danh cá "
             f"nhân {wife.id_number}; và anh {husband.name}, sinh ngày {_d(husband.birth)}, số định danh cá nhân "
             f"{husband.id_number}; cùng cư trú tại {husband.address}."),
        text(f"2. Về con chung: giao cháu {child.name}, sinh ngày {_d(child.birth)}, cho chị {wife.name} trực tiếp "
             "nuôi dưỡng; anh cấp dưỡng nuôi con 3.000.000 đồng/tháng."),
        text(f"3. Về chỗ ở: anh {husband.name} đồng ý để chị {wife.name} và cháu {child.name} tiếp tục được ở và sử "
             f"dụng tầng 1 căn nhà tại {husband.address} (thuộc quyền sở hữu của anh) cho đến khi có thỏa thuận "
             "khác."),
        text("4. Quyết định này có hiệu lực pháp luật ngay và không bị kháng cáo, kháng nghị theo thủ tục phúc thẩm."),
        _sig(["THẨM PHÁN", "(Ký tên, đóng dấu)", "", "Phan Thị Hoài Thu"]),
    ])


def _dn_doi_gplx(driver: Person) -> Layout:
    """An application to exchange a driving licence (another procedure), handed in by mistake."""
    return _doc("don_doi_gplx", [
        header(), title("ĐƠN ĐỀ NGHỊ ĐỔI, CẤP LẠI GIẤY PHÉP LÁI XE"),
        text(f"Kính gửi: Phòng Cảnh sát giao thông Công an {_city(driver)}"),
        f("Tôi là", driver.name), f("Ngày, tháng, năm sinh", _d(driver.birth)),
        f("Quốc tịch", "Việt Nam"), f("Số định danh cá nhân", driver.id_number), f("Nơi cư trú", driver.address),
        f("Hiện đã có giấy phép lái xe hạng", "B2, cấp ngày 12/05/2017, có giá trị đến ngày 12/05/2027"),
        f("Lý do đề nghị", "Giấy phép lái xe hết hạn sử dụng"),
        text("Đề nghị cho tôi được đổi giấy phép lái xe. Tôi cam đoan những điều ghi trên là đúng sự thật."),
        _on(_town(driver), FILED),
        _sig(_signer("NGƯỜI LÀM ĐƠN", driver.name)),
    ])


# ---------------------------------------------------------------------------------------------- land

@dataclasses.dataclass
class Plot:
    number: int
    sheet: int
    area: str
    book: str  # số vào sổ cấp GCN
    serial: str  # số phát hành


def _don_mau_18(owner: Person, plot: Plot, change: str, reason: str, attached: str, owner_id: str | None = None,
                ) -> Layout:
    return _doc("don_bien_dong", [
        Block("header", left=["PHẦN GHI CỦA NGƯỜI NHẬN HỒ SƠ", "Vào sổ tiếp nhận hồ sơ số: ....",
                              "Quyển .... Ngày ..../..../...."], right=list(MOTTO)),
        text("Mẫu số 18"),
        title("ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        text("Kính gửi: Chi nhánh Văn phòng đăng ký đất đai thành phố Hải Phòng tại khu vực Lê Chân"),
        text("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
        f("1.1. Tên người sử dụng đất (viết chữ in hoa)", f"ÔNG {owner.name.upper()}"),
        f("1.2. Năm sinh", str(owner.birth.year)),
        f("1.3. Giấy tờ nhân thân", f"Căn cước số {owner_id or owner.id_number}"),
        f("1.4. Địa chỉ", owner.address),
        f("2.1. Số vào sổ cấp Giấy chứng nhận", plot.book),
        f("2.2. Số phát hành Giấy chứng nhận", f"{plot.serial}      2.3. Ngày cấp: 16/10/2019"),
        f("3. Thửa đất", f"số {plot.number}, tờ bản đồ số {plot.sheet}, diện tích {plot.area}"),
        f("4. Nội dung biến động", change),
        f("5. Lý do biến động", reason),
        f("6. Giấy tờ liên quan nộp kèm theo đơn", attached),
        text("Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm trước "
             "pháp luật."),
        _on("Hải Phòng", FILED),
        _sig(_signer("NGƯỜI VIẾT ĐƠN", owner.name, "(Ký, ghi rõ họ tên)")),
    ])


def _gcn_2019(owner: Person, plot: Plot, owner_name: str | None = None) -> Layout:
    """A certificate of the 2014-2024 model, issued by a district before the 2025 reorganisation."""
    return _doc("gcn_2019", [
        header(), title("GIẤY CHỨNG NHẬN"),
        title("QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
        text(plot.serial),
        text("I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất"),
        f("Ông", (owner_name or owner.name).upper()), f("Sinh năm", str(owner.birth.year)),
        f("CCCD số", owner.id_number), f("Địa chỉ thường trú", owner.address),
        text("II. Thửa đất, nhà ở và tài sản khác gắn liền với đất"),
        f("a) Thửa đất số", f"{plot.number}      Tờ bản đồ số: {plot.sheet}"),
        f("b) Địa chỉ", owner.address),
        f("c) Diện tích", plot.area), f("d) Hình thức sử dụng", "Sử dụng riêng"),
        f("đ) Mục đích sử dụng", "Đất ở tại đô thị"), f("e) Thời hạn sử dụng", "Lâu dài"),
        f("g) Nguồn gốc sử dụng", "Nhận chuyển nhượng đất được Công nhận QSDĐ như giao đất có thu tiền sử dụng đất"),
        f("Nhà ở", "Nhà ở riêng lẻ, diện tích xây dựng 52,0 m2, 3 tầng, kết cấu bê tông cốt thép"),
        _on("Lê Chân", dt.date(2019, 10, 16)),
        _sig(["TM. ỦY BAN NHÂN DÂN QUẬN LÊ CHÂN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "", "Vũ Thanh Hải"]),
        f("Số vào sổ cấp GCN", plot.book),
    ])


def _trich_do(owner: Person, plot: Plot) -> Layout:
    return _doc("trich_do", [
        header(["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG HẢI PHÒNG", "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI"]),
        title("MẢNH TRÍCH ĐO ĐỊA CHÍNH"), sub("Số: 112-2026      Tỷ lệ 1:200"),
        f("Thửa đất số", f"{plot.number}      Tờ bản đồ số: {plot.sheet}"),
        f("Địa chỉ thửa đất", owner.address),
        f("Diện tích", "67,9 m2 (đo đạc lại)      Mục đích sử dụng: Đất ở tại đô thị"),
        f("Tên người sử dụng đất", owner.name),
        text("Hệ tọa độ VN-2000, kinh tuyến trục 105°45', múi chiếu 3°"),
        text("Điểm | X (m) | Y (m) | Cạnh (m)"),
        text("1 | 2304512.36 | 595318.42 | 4.12"),
        text("2 | 2304514.21 | 595322.10 | 16.45"),
        text("3 | 2304499.63 | 595329.58 | 4.10"),
        text("4 | 2304497.80 | 595325.91 | 16.48"),
        _on("Hải Phòng", FILED - dt.timedelta(days=10)),
        _sig(_signer("NGƯỜI SỬ DỤNG ĐẤT", owner.name), _signer("NGƯỜI ĐO ĐẠC", "Khúc Minh Tuấn")),
    ])


# ---------------------------------------------------------------------------------------------- health insurance

def _don_bhyt(person: Person, officer: str, reason: str, birth: dt.date | None = None) -> Layout:
    return _doc("don_cap_lai_bhyt", [
        Block("header", left=["Mẫu 01-ĐN"], right=list(MOTTO)),
        title("ĐƠN ĐỀ NGHỊ"), title("CẤP LẠI THẺ BẢO HIỂM Y TẾ"),
        text("Kính gửi: Phòng Tổ chức cán bộ Công an tỉnh Nghệ An"),
        f("Họ và tên", person.name), f("Ngày, tháng, năm sinh", _d(birth or person.birth)),
        f("Giới tính", person.sex_vi), f("Số định danh cá nhân", person.id_number),
        f("Mã số bảo hiểm xã hội", f"40{person.id_number[-8:]}"),
        f("Nơi đăng ký khám bệnh, chữa bệnh ban đầu", "Bệnh xá Công an tỉnh Nghệ An"),
        f("Đối tượng tham gia", officer),
        f("Lý do đề nghị cấp lại", reason),
        text("Tôi xin cam đoan những thông tin trên là đúng sự thật."),
        _on("Nghệ An", FILED - dt.timedelta(days=9)),
        _sig(_signer("NGƯỜI LÀM ĐƠN", person.name),
             ["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)", "", "Thượng tá Hồ Sỹ Lương"]),
    ])


def _ds_bhyt(rows: list[tuple[Person, str]], form: str, heading: str, stamp: str) -> Layout:
    blocks = [
        header(["CÔNG AN TỈNH NGHỆ AN", "PHÒNG TỔ CHỨC CÁN BỘ"]),
        text(form),
        title(heading),
        sub("(Kèm theo văn bản đề nghị cấp lại thẻ bảo hiểm y tế)"),
        text("STT | Họ và tên | Ngày sinh | Giới tính | Số định danh cá nhân | Mã số BHXH | Ghi chú"),
    ]
    blocks += [text(f"{n} | {p.name} | {_d(p.birth)} | {p.sex_vi} | {p.id_number} | 40{p.id_number[-8:]} | {note}")
               for n, (p, note) in enumerate(rows, start=1)]
    blocks += [text(f"Tổng cộng: {len(rows):02d} người."), _on("Nghệ An", FILED - dt.timedelta(days=7)),
               _sig(["TRƯỞNG PHÒNG", "(Ký, ghi rõ họ tên, đóng dấu)", "", "Đại tá Nguyễn Hữu Cường"],
                    [stamp, "(Ký, ghi rõ họ tên)", "", "Trung úy Lại Thị Hằng"])]
    return _doc("danh_sach_bhyt", blocks)


def _cv_02dn(count: int) -> Layout:
    return _doc("cong_van_02dn", [
        header(["CÔNG AN TỈNH NGHỆ AN", "Số: 1187/CAT-TCCB", "V/v đề nghị cấp lại thẻ bảo hiểm y tế"]),
        text("Mẫu 02-ĐN"),
        _on("Nghệ An", FILED - dt.timedelta(days=6)),
        text("Kính gửi: Bảo hiểm xã hội tỉnh Nghệ An"),
        text(f"Công an tỉnh Nghệ An đề nghị Bảo hiểm xã hội tỉnh Nghệ An cấp lại thẻ bảo hiểm y tế cho {count:02d} "
             "trường hợp là thân nhân cán bộ, chiến sĩ và người lao động thuộc Công an tỉnh, do bị mất hoặc hư hỏng "
             "thẻ (có danh sách và đơn đề nghị kèm theo)."),
        text("Thời hạn sử dụng thẻ cấp lại: theo thời hạn của thẻ đã cấp trước đây."),
        text("Đề nghị Bảo hiểm xã hội tỉnh xem xét, giải quyết./."),
        text("Nơi nhận: - Như trên; - Lưu: VT, PX01."),
        _sig(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Đại tá Trần Ngọc Khánh"]),
    ])


# ============================================================================================== cases

def _family(c: Cast) -> tuple[Person, Person, Person]:
    father = c.person("male", (1987, 1997))
    mother = c.person("female", (1990, 2000), home=father)
    child = c.baby(father, mother, FILED - dt.timedelta(days=c.rng.randint(12, 50)))
    return father, mother, child


def _birth(c: Cast) -> list[DossierCase]:
    """1.001193: c1 form, c3 birth notice | c4 witness | c5 sworn statement, c8 authorisation, c9 ID shown."""
    code, cases = "1.001193", []
    father, mother, child = _family(c)
    at_hospital = f"{MATERNITY[_city(mother)][1]}, {_city(mother)}"
    tk = _tk_khai_sinh(mother, "Mẹ đẻ", child, mother, father, at_hospital)
    cases.append(DossierCase("birth: declaration + birth notice with serial and book lines", code,
                             [tk, _giay_chung_sinh(mother, child)], {"c1", "c3"}))

    father, mother, child = _family(c)
    witness = c.person("female", (1960, 1975), where=_ward(mother))
    cases.append(DossierCase("birth at home: 'GIẤY XÁC NHẬN VỀ VIỆC SINH' by a neighbour instead of a birth notice",
                             code, [_tk_khai_sinh(father, "Cha đẻ", child, mother, father,
                                                  f"Tại nhà riêng, {mother.address}"),
                                    _xac_nhan_viec_sinh(witness, mother, child)], {"c1", "c4"}))

    father, mother, child = _family(c)
    agent = c.person(born=(1975, 1990))
    at_hospital = f"{MATERNITY[_city(mother)][1]}, {_city(mother)}"
    scope = (f"Bên B được thay mặt Bên A liên hệ Ủy ban nhân dân {_ward(mother)} làm thủ tục đăng ký khai sinh cho "
             f"cháu {child.name}, sinh ngày {_d(child.birth)}, là con của Bên A, và nhận Giấy khai sinh.")
    cases.append(DossierCase("birth: filed by a family friend with a notarised 'HỢP ĐỒNG ỦY QUYỀN'", code,
                             [_tk_khai_sinh(agent, "Người được ủy quyền", child, mother, father, at_hospital),
                              _giay_chung_sinh(mother, child),
                              _hop_dong_uy_quyen(mother, agent, scope, "Phòng Công chứng số 1", 2284)],
                             {"c1", "c3", "c8"}))

    father, mother, child = _family(c)
    at_hospital = f"{MATERNITY[_city(mother)][1]}, {_city(mother)}"
    cases.append(DossierCase("birth: declaration + father's 2024 'CĂN CƯỚC' card, no birth notice", code,
                             [_tk_khai_sinh(father, "Cha đẻ", child, mother, father, at_hospital), _can_cuoc(father)],
                             {"c1", "c9"}, {"c3"}, complete=False))

    father, mother, child = _family(c)
    at_hospital = f"{MATERNITY[_city(mother)][1]}, {_city(mother)}"
    cases.append(DossierCase("birth: mother's given name differs on the birth notice", code,
                             [_tk_khai_sinh(mother, "Mẹ đẻ", child, mother, father, at_hospital),
                              _giay_chung_sinh(mother, child, mother_name=c.other_name(mother, (child,)))],
                             {"c1", "c3"}, mismatch=True))

    father, mother, child = _family(c)
    at_hospital = f"{MATERNITY[_city(mother)][1]}, {_city(mother)}"
    cases.append(DossierCase("birth: hospital discharge paper ('GIẤY RA VIỆN') added by mistake", code,
                             [_tk_khai_sinh(mother, "Mẹ đẻ", child, mother, father, at_hospital),
                              _giay_chung_sinh(mother, child), _giay_ra_vien(mother, child)],
                             {"c1", "c3"}, unmatched=1))
    return cases


def _death(c: Cast) -> list[DossierCase]:
    """1.000656: c1 form, c3 death notice (or a paper replacing it), c5 authorisation, c6 ID shown."""
    code, cases = "1.000656", []

    def in_hospital() -> tuple[Person, Person, Death]:
        child = c.person(born=(1966, 1980), where="tỉnh Thanh Hóa")
        dead = c.person(born=(1936, 1950), home=child)
        death = Death(dt.datetime(2026, 11, 29, 4, 45), "Khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh Thanh Hóa",
                      "Suy hô hấp cấp do viêm phổi nặng", "1426/GBT", "Bệnh viện Đa khoa tỉnh Thanh Hóa")
        return child, dead, death

    def at_home() -> tuple[Person, Person, Death]:
        child = c.person(born=(1966, 1980))
        dead = c.person(born=(1932, 1948), home=child)
        death = Death(dt.datetime(2026, 12, 1, 22, 10), f"Tại nhà riêng, {dead.address}", "Già yếu, bệnh tật",
                      "27/GBT-UBND", f"Chủ tịch Ủy ban nhân dân {_ward(dead)}")
        return child, dead, death

    child, dead, death = in_hospital()
    cases.append(DossierCase("death: declaration + hospital death notice ('Họ và tên người tử vong')", code,
                             [_tk_khai_tu(child, "Con đẻ", dead, death), _bao_tu_benh_vien(dead, death, child)],
                             {"c1", "c3"}))

    child, dead, death = at_home()
    agent = c.person(born=(1980, 1995))
    parent = "cha" if dead.sex == "male" else "mẹ"
    task = (f"thay mặt tôi làm thủ tục đăng ký khai tử cho {parent} tôi là {dead.name} tại Ủy ban nhân dân "
            f"{_ward(dead)} và nhận Trích lục khai tử.")
    cases.append(DossierCase("death at home: notice of the ward chairman + certified authorisation", code,
                             [_tk_khai_tu(agent, "Người được ủy quyền", dead, death), _bao_tu_xa(dead, death),
                              _giay_uy_quyen(child, agent, task)], {"c1", "c3", "c5"}))

    child, dead, death = at_home()
    cases.append(DossierCase("death: ward's death notice + requester's card, no declaration", code,
                             [_bao_tu_xa(dead, death), _can_cuoc(child)], {"c3", "c6"}, {"c1"}, complete=False))

    child, dead, death = in_hospital()
    cases.append(DossierCase("death: deceased's date of birth differs between declaration and notice", code,
                             [_tk_khai_tu(child, "Con đẻ", dead, death, dead_birth=c.other_birth(dead.birth)),
                              _bao_tu_benh_vien(dead, death, child)], {"c1", "c3"}, mismatch=True))

    child, dead, death = in_hospital()
    cases.append(DossierCase("death: requester's marital-status request form added by mistake", code,
                             [_tk_khai_tu(child, "Con đẻ", dead, death), _bao_tu_benh_vien(dead, death, child),
                              _tk_xn_hon_nhan(child, child, "Bản thân", "Để làm thủ tục mua bán nhà đất")],
                             {"c1", "c3"}, unmatched=1))
    return cases


def _marriage(c: Cast) -> list[DossierCase]:
    """1.000894: c1 joint form (required), c3 IDs shown."""
    code, cases = "1.000894", []

    def couple() -> tuple[Person, Person]:
        return c.person("female", (1995, 2001)), c.person("male", (1992, 1999))

    wife, husband = couple()
    cases.append(DossierCase("marriage: declaration as a two-column table", code, [_tk_ket_hon(wife, husband)],
                             {"c1"}))
    wife, husband = couple()
    cases.append(DossierCase("marriage: declaration + both 2024 cards", code,
                             [_tk_ket_hon(wife, husband), _can_cuoc(wife), _can_cuoc(husband)], {"c1", "c3"}))
    wife, husband = couple()
    cases.append(DossierCase("marriage: groom's ID number in the table differs from his card", code,
                             [_tk_ket_hon(wife, husband, husband_id=c.other_id(husband.id_number)),
                              _can_cuoc(husband)], {"c1", "c3"}, mismatch=True))
    wife, husband = couple()
    purpose = f"Để làm thủ tục đăng ký kết hôn với anh {husband.name}, sinh năm {husband.birth.year}"
    cases.append(DossierCase("marriage: bride's single-status certificate + card, no declaration", code,
                             [_gxn_hon_nhan(wife, purpose, FILED - dt.timedelta(days=20), 486), _can_cuoc(wife)],
                             {"c3"}, {"c1"}, complete=False, unmatched=1))
    return cases


def _marital_status(c: Cast) -> list[DossierCase]:
    """1.004873: c1 form, c3 earlier certificate, c4 authorisation, c5 ID shown."""
    code, cases = "1.004873", []
    loan = "Để bổ sung hồ sơ vay vốn mua nhà ở tại Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam"
    subject = c.person(born=(1990, 2000))
    cases.append(DossierCase("marital status: two-line-title request form", code,
                             [_tk_xn_hon_nhan(subject, subject, "Bản thân", loan)], {"c1"}))

    subject = c.person(born=(1990, 2000))
    cases.append(DossierCase("marital status: request + expired certificate issued for a loan", code,
                             [_tk_xn_hon_nhan(subject, subject, "Bản thân", "Để làm thủ tục đăng ký kết hôn"),
                              _gxn_hon_nhan(subject, loan, FILED - dt.timedelta(days=250), 133)], {"c1", "c3"}))

    subject = c.person(born=(1990, 2000))
    sibling = c.person(born=(1985, 1998), surname=subject.name.split()[0])
    task = ("thay mặt tôi nộp tờ khai và nhận Giấy xác nhận tình trạng hôn nhân tại Ủy ban nhân dân "
            f"{_ward(subject)} (người được ủy quyền là anh, chị, em ruột của tôi).")
    cases.append(DossierCase("marital status: filed by a sibling with an uncertified 'VĂN BẢN ỦY QUYỀN'", code,
                             [_tk_xn_hon_nhan(sibling, subject, "Anh/chị ruột, người được ủy quyền", loan),
                              _giay_uy_quyen(subject, sibling, task, heading="VĂN BẢN ỦY QUYỀN", certified=False)],
                             {"c1", "c4"}))

    subject = c.person(born=(1990, 2000))
    cases.append(DossierCase("marital status: request + 2024 card", code,
                             [_tk_xn_hon_nhan(subject, subject, "Bản thân", loan), _can_cuoc(subject)],
                             {"c1", "c5"}))

    subject = c.person(born=(1990, 2000))
    cases.append(DossierCase("marital status: old certificate + card, no request form", code,
                             [_gxn_hon_nhan(subject, loan, FILED - dt.timedelta(days=210), 97), _can_cuoc(subject)],
                             {"c3", "c5"}, {"c1"}, complete=False))
    return cases


def _civil_copy(c: Cast) -> list[DossierCase]:
    """2.000635: c1 individual's form | c2 organisation's letter, c4 authorisation."""
    code, cases = "2.000635", []
    reg = "Ủy ban nhân dân phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh; số 214, quyển số 01/{}"
    subject = c.person(born=(1988, 2000))
    cases.append(DossierCase("civil-status copy: request for a birth certificate copy", code,
                             [_tk_ban_sao(subject, "Bản thân", subject, "Giấy khai sinh",
                                          reg.format(subject.birth.year), "Bổ sung hồ sơ xin việc")], {"c1"}))

    dead = c.person(born=(1940, 1955), where="phường Sơn Trà")
    cases.append(DossierCase("civil-status copy: ward police letter asking for a death extract", code,
                             [_cong_van_trich_luc(dead, "Ủy ban nhân dân phường Sơn Trà ngày 03/02/2026, số 41")],
                             {"c2"}))

    subject, agent = c.person(born=(1985, 2000)), c.person(born=(1980, 1998))
    task = (f"thay mặt tôi làm thủ tục xin cấp bản sao Giấy khai sinh của tôi tại Ủy ban nhân dân {_ward(agent)} "
            "và nhận kết quả.")
    cases.append(DossierCase("civil-status copy: filed by a friend with a certified authorisation", code,
                             [_tk_ban_sao(agent, "Người được ủy quyền", subject, "Giấy khai sinh",
                                          reg.format(subject.birth.year), "Làm hồ sơ du học"),
                              _giay_uy_quyen(subject, agent, task, subtitle="(V/v xin cấp bản sao Giấy khai sinh)")],
                             {"c1", "c4"}))

    subject = c.person(born=(2000, 2006))
    cases.append(DossierCase("civil-status copy: request + upper-secondary diploma added by mistake", code,
                             [_tk_ban_sao(subject, "Bản thân", subject, "Giấy khai sinh",
                                          reg.format(subject.birth.year), "Nộp hồ sơ nhập học"),
                              _bang_thpt(subject)], {"c1"}, unmatched=1))
    return cases


# Wards and urban districts that existed in the 1980s-1990s, before the 2025 reorganisation.
OLD_REGISTRIES = [("phường Bến Nghé", "Quận 1", "Thành phố Hồ Chí Minh"),
                  ("phường Hàng Trống", "quận Hoàn Kiếm", "thành phố Hà Nội"),
                  ("phường Đa Kao", "Quận 1", "Thành phố Hồ Chí Minh"),
                  ("phường Cửa Đông", "quận Hoàn Kiếm", "thành phố Hà Nội")]


def _birth_again(c: Cast) -> list[DossierCase]:
    """1.004884: c1 form, c3 old birth certificate copy | c4 other papers with name and birth date, c5 agency."""
    code, cases = "1.004884", []

    def someone(n: int, where: str | None = None) -> tuple[Person, Person, Person, str, str, Layout]:
        subject = c.person(born=(1984, 1995), where=where)
        father = c.person("male", (subject.birth.year - 34, subject.birth.year - 26), surname=subject.name.split()[0],
                          kin=(subject,))
        mother = c.person("female", (subject.birth.year - 32, subject.birth.year - 22))
        ward, district, city = OLD_REGISTRIES[n % len(OLD_REGISTRIES)]
        day = subject.birth + dt.timedelta(days=20)
        registered = f"Ủy ban nhân dân {ward}, {district}, {city}; ngày {_d(day)}; số {day.day + 40}, quyển số 01"
        old = _gks_ban_sao_cu(subject, mother, father, ward, district, city)
        return subject, father, mother, f"Nhà hộ sinh {district}, {city}", registered, old

    subject, father, mother, born_at, registered, old = someone(0)
    cases.append(DossierCase("birth re-registration: form + copy of a 1990s birth certificate", code,
                             [_tk_dk_lai(subject, mother, father, born_at, registered, "Bản sao Giấy khai sinh"), old],
                             {"c1", "c3"}))

    subject, father, mother, born_at, registered, _ = someone(1)
    cases.append(DossierCase("birth re-registration: no birth certificate copy, certified school record instead",
                             code, [_tk_dk_lai(subject, mother, father, born_at, registered,
                                               "Bản sao chứng thực học bạ trung học phổ thông"),
                                    _hoc_ba(subject, mother, father)], {"c1", "c4"}))

    subject, father, mother, born_at, registered, old = someone(2, where="thành phố Hải Phòng")
    cases.append(DossierCase("birth re-registration: civil servant, with the agency's confirmation", code,
                             [_tk_dk_lai(subject, mother, father, born_at, registered,
                                         "Bản sao Giấy khai sinh; Giấy xác nhận của Sở Tài chính"), old,
                              _xac_nhan_co_quan(subject, mother, father)], {"c1", "c3", "c5"}))

    subject, father, mother, born_at, registered, _ = someone(3)
    cases.append(DossierCase("birth re-registration: form only", code,
                             [_tk_dk_lai(subject, mother, father, born_at, registered, "Không có")],
                             {"c1"}, {"c3"}, complete=False))
    return cases


def _business_closing(c: Cast) -> list[DossierCase]:
    """1.001266: c1 notice, c2 minutes of the founding group, c3 authorisation of an individual."""
    code, cases = "1.001266", []
    owner = c.person(born=(1965, 1985))
    business = "Hộ kinh doanh Quán cơm Bình Minh"
    cases.append(DossierCase("household business closing: notice", code,
                             [_tb_cham_dut(owner, business, FILED + dt.timedelta(days=10))], {"c1"}))

    owner = c.person(born=(1965, 1985))
    members = [owner, c.person(born=(1965, 1990)), c.person(born=(1965, 1990))]
    business = "Hộ kinh doanh Xưởng mộc Thành Công"
    minutes = _bien_ban_nhom(members, owner, business)
    cases.append(DossierCase("household business closing: founded by a group, notice + minutes", code,
                             [_tb_cham_dut(owner, business, FILED + dt.timedelta(days=7)), minutes], {"c1", "c2"}))
    cases.append(DossierCase("household business closing: minutes only", code, [minutes], {"c2"}, {"c1"},
                             complete=False))

    owner, agent = c.person(born=(1965, 1985)), c.person(born=(1985, 1998))
    business = "Hộ kinh doanh Tiệm may Hồng Nhung"
    task = (f"thay mặt tôi nộp Thông báo chấm dứt hoạt động {business} tại cơ quan đăng ký kinh doanh cấp xã, bổ "
            "sung hồ sơ (nếu có) và nhận kết quả.")
    cases.append(DossierCase("household business closing: notice + authorisation of an individual", code,
                             [_tb_cham_dut(owner, business, FILED + dt.timedelta(days=5)),
                              _giay_uy_quyen(owner, agent, task, certified=False)], {"c1", "c3"}))

    owner = c.person(born=(1965, 1985))
    business = "Hộ kinh doanh Tạp hóa Phúc Lộc"
    cases.append(DossierCase("household business closing: old registration request added by mistake", code,
                             [_tb_cham_dut(owner, business, FILED + dt.timedelta(days=10)),
                              _gdn_hkd(owner, business, [("Bán lẻ lương thực, thực phẩm, đồ uống trong cửa hàng "
                                                          "kinh doanh tổng hợp", "4711")], "80.000.000 đồng", 1)],
                             {"c1"}, unmatched=1))
    return cases


def _business_opening(c: Cast) -> list[DossierCase]:
    """1.001612: c1 request, c2 family authorisation of the owner, c4 service contract + introduction letter."""
    code, cases = "1.001612", []
    food = [("Nhà hàng và các dịch vụ ăn uống phục vụ lưu động", "5610"), ("Dịch vụ phục vụ đồ uống", "5630")]
    owner = c.person(born=(1975, 1995))
    cases.append(DossierCase("household business: request with a sector table", code,
                             [_gdn_hkd(owner, "Hộ kinh doanh Quán phở Gia Truyền", food, "200.000.000 đồng", 4)],
                             {"c1"}))

    owner = c.person("male", (1970, 1985))
    family = [c.person("female", (1972, 1988), home=owner), owner,
              c.person(born=(1995, 2003), surname=owner.name.split()[0], home=owner, kin=(owner,))]
    authorisation = _uy_quyen_chu_ho(family, owner)
    cases.append(DossierCase("household business: request + certified copy of the family's authorisation", code,
                             [_gdn_hkd(owner, "Hộ kinh doanh Cà phê Hương Xưa", food[1:], "120.000.000 đồng", 3),
                              authorisation], {"c1", "c2"}))
    cases.append(DossierCase("household business: family authorisation only", code, [authorisation], {"c2"},
                             {"c1"}, complete=False))

    owner, staff = c.person(born=(1975, 1995)), c.person(born=(1990, 2000))
    cases.append(DossierCase("household business: through a consulting firm (contract + letter in one file)", code,
                             [_gdn_hkd(owner, "Hộ kinh doanh Sửa chữa xe máy Tiến Đạt",
                                       [("Bảo dưỡng và sửa chữa mô tô, xe máy", "4542")], "60.000.000 đồng", 2),
                              *_hd_dich_vu(owner, staff)], {"c1", "c4"}, bundle=[[0], [1, 2]]))
    return cases


def _temporary_residence(c: Cast) -> list[DossierCase]:
    """1.004194: c1 CT01, c2 lawful-residence papers (shown), c3 list letter, c5 police unit's referral."""
    code, cases = "1.004194", []

    def tenancy() -> tuple[Person, Person, str, Layout, str]:
        lessor = c.person(born=(1955, 1975))
        tenant = c.person(born=(1996, 2004))
        place = lessor.address
        lease = _hd_thue_nha(lessor, tenant, place, FILED - dt.timedelta(days=12))
        request = f"Đăng ký tạm trú tại {place}; thời hạn tạm trú đến ngày {_d(FILED + dt.timedelta(days=350))}"
        return lessor, tenant, request, lease, f"Công an {_ward(lessor)}, {_city(lessor)}"

    def form(tenant: Person, lessor: Person, request: str, police: str) -> Layout:
        return _ct01(tenant, tenant, "Chủ hộ", police, request,
                     consent=("Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở", "Đồng ý cho đăng ký tạm trú", lessor.name))

    lessor, tenant, request, lease, police = tenancy()
    cases.append(DossierCase("temporary residence: CT01 with the owner's consent", code,
                             [form(tenant, lessor, request, police)], {"c1"}))
    lessor, tenant, request, lease, police = tenancy()
    cases.append(DossierCase("temporary residence: CT01 + 'HỢP ĐỒNG THUÊ NHÀ'", code,
                             [form(tenant, lessor, request, police), lease], {"c1", "c2"}))
    lessor, tenant, request, lease, police = tenancy()
    cases.append(DossierCase("temporary residence: tenant's given name differs between CT01 and lease", code,
                             [form(dataclasses.replace(tenant, name=c.other_name(tenant)), lessor, request, police),
                              lease],
                             {"c1", "c2"}, mismatch=True))
    lessor, tenant, request, lease, police = tenancy()
    cases.append(DossierCase("temporary residence: lease only", code, [lease], {"c2"}, {"c1"}, complete=False))

    students = [c.person(born=(2005, 2007)) for _ in range(4)]
    until = dt.date(2027, 6, 30)
    dorm = "Ký túc xá A, Trường Đại học Vinh, số 182 đường Lê Duẩn, phường Thành Vinh, tỉnh Nghệ An"
    cases.append(DossierCase("temporary residence: student's CT01 + dormitory list letter", code,
                             [_ct01(students[0], students[0], "Chủ hộ", "Công an phường Thành Vinh, tỉnh Nghệ An",
                                    f"Đăng ký tạm trú tại {dorm}; thời hạn đến ngày {_d(until)}",
                                    consent=("Ý KIẾN CỦA CƠ SỞ QUẢN LÝ CHỖ Ở", "Đồng ý", "Trịnh Quốc Bảo")),
                              _tam_tru_danh_sach(students, until)], {"c1", "c3"}))

    officer = c.person("male", (1992, 1999))
    housing = "Nhà ở công vụ Phòng Cảnh sát cơ động, số 12 đường Lê Hoàn, phường Hạc Thành, tỉnh Thanh Hóa"
    cases.append(DossierCase("temporary residence: police officer in service housing, with the unit's referral",
                             code, [_ct01(officer, officer, "Chủ hộ", "Công an phường Hạc Thành, tỉnh Thanh Hóa",
                                          f"Đăng ký tạm trú tại {housing}; thời hạn 24 tháng"),
                                    _gioi_thieu_cand(officer, housing)], {"c1", "c5"}))
    return cases


def _household_split(c: Cast) -> list[DossierCase]:
    """1.010038: c1 CT01 with the head's consent, c2 divorce papers showing the right to stay."""
    code, cases = "1.010038", []

    def grown_son() -> tuple[Person, Person, Layout]:
        head = c.person("male", (1952, 1964))
        son = c.person("male", (1986, 1994), surname=head.name.split()[0], home=head, kin=(head,))
        wife = c.person("female", (1988, 1996), home=head)
        kid = c.person(born=(2016, 2020), surname=head.name.split()[0], home=head, kin=(head, son, wife))
        form = _ct01(son, head, "Con đẻ", f"Công an {_ward(head)}, {_city(head)}",
                     f"Tách hộ để đăng ký thường trú tại cùng chỗ ở hợp pháp: {head.address}; chủ hộ mới: {son.name}",
                     members=[(wife, "Vợ"), (kid, "Con đẻ")],
                     consent=("Ý KIẾN CỦA CHỦ HỘ, CHỦ SỞ HỮU CHỖ Ở", "Đồng ý cho tách hộ", head.name))
        return head, son, form

    _, _, form = grown_son()
    cases.append(DossierCase("household split: CT01 with a member table and the head's consent", code, [form],
                             {"c1"}))

    husband = c.person("male", (1984, 1992), where="phường Sơn Trà")
    wife = c.person("female", (1986, 1994), home=husband)
    kid = c.person(born=(2014, 2019), surname=husband.name.split()[0], home=husband, kin=(husband, wife))
    decision = _qd_ly_hon(wife, husband, kid)
    form = _ct01(wife, husband, "Vợ (đã ly hôn)", "Công an phường Sơn Trà, thành phố Đà Nẵng",
                 f"Tách hộ tại cùng chỗ ở hợp pháp {husband.address}: đã ly hôn và được tiếp tục sử dụng chỗ ở theo "
                 "Quyết định số 214/2023/QĐST-HNGĐ", members=[(kid, "Con đẻ")])
    cases.append(DossierCase("household split: divorced wife, CT01 + court decision", code, [form, decision],
                             {"c1", "c2"}))
    cases.append(DossierCase("household split: court decision only", code, [decision], {"c2"}, {"c1"},
                             complete=False))

    _, son, form = grown_son()
    cases.append(DossierCase("household split: driving-licence application added by mistake", code,
                             [form, _dn_doi_gplx(son)], {"c1"}, unmatched=1))
    return cases


def _land_exchange(c: Cast) -> list[DossierCase]:
    """1.012783: c1 form No. 18, c2 original certificate, c3 cadastral survey extract."""
    code, cases = "1.012783", []
    damaged = ("Cấp đổi Giấy chứng nhận", "Giấy chứng nhận bị rách, ố nhòe do ngập nước",
               "Bản gốc Giấy chứng nhận đã cấp")

    def owner_and_plot(n: int) -> tuple[Person, Plot]:
        owner = c.person("male", (1960, 1985), where="phường Lê Chân")
        return owner, Plot(318 + n, 27, "68,2 m2", f"CH 0{4127 + n * 37}", f"CĐ {482915 + n * 1013}")

    owner, plot = owner_and_plot(0)
    cases.append(DossierCase("land certificate exchange: form No. 18 + original 2019 certificate", code,
                             [_don_mau_18(owner, plot, *damaged), _gcn_2019(owner, plot)], {"c1", "c2"}))

    owner, plot = owner_and_plot(1)
    cases.append(DossierCase("land certificate exchange: re-survey, with the cadastral extract", code,
                             [_don_mau_18(owner, plot, "Cấp đổi Giấy chứng nhận sau khi đo đạc lại",
                                          "Đo đạc xác định lại kích thước các cạnh, diện tích thửa đất",
                                          "Bản gốc Giấy chứng nhận; Mảnh trích đo địa chính số 112-2026"),
                              _gcn_2019(owner, plot), _trich_do(owner, plot)], {"c1", "c2", "c3"}))

    owner, plot = owner_and_plot(2)
    cases.append(DossierCase("land certificate exchange: form lists the certificate, but it is not attached", code,
                             [_don_mau_18(owner, plot, *damaged)], {"c1"}, {"c2"}, complete=False))

    owner, plot = owner_and_plot(3)
    cases.append(DossierCase("land certificate exchange: owner's ID number differs between form and certificate",
                             code, [_don_mau_18(owner, plot, *damaged, owner_id=c.other_id(owner.id_number)),
                                    _gcn_2019(owner, plot)], {"c1", "c2"}, mismatch=True))

    owner, plot = owner_and_plot(4)
    tenant = c.person(born=(1995, 2003))
    cases.append(DossierCase("land certificate exchange: a lease of the house added by mistake", code,
                             [_don_mau_18(owner, plot, *damaged), _gcn_2019(owner, plot),
                              _hd_thue_nha(owner, tenant, owner.address, dt.date(2026, 3, 1))],
                             {"c1", "c2"}, unmatched=1))
    return cases


def _health_card(c: Cast) -> list[DossierCase]:
    """1.001294: c1 personal application (01-ĐN), c2 list 01-DS, c3 list 02-DS (if any), c4 unit's letter 02-ĐN."""
    code, cases = "1.001294", []
    list_01 = ("DANH SÁCH NGƯỜI LAO ĐỘNG, HỌC SINH, SINH VIÊN VÀ THÂN NHÂN SĨ QUAN, HẠ SĨ QUAN, CHIẾN SĨ TRONG "
               "CÔNG AN NHÂN DÂN THAM GIA BẢO HIỂM Y TẾ")
    list_02 = "DANH SÁCH NGƯỜI LAO ĐỘNG ĐANG THAM GIA BẢO HIỂM XÃ HỘI TRONG CÔNG AN NHÂN DÂN"

    def relative() -> tuple[Person, str, Person]:
        spouse = c.person("female", (1984, 1994), where="tỉnh Nghệ An")
        officer = c.person("male", (1980, 1990), home=spouse)
        other = c.person(born=(2008, 2014), where="tỉnh Nghệ An")
        return spouse, f"Thân nhân (vợ) của đồng chí {officer.name}, Trung tá, Phòng Cảnh sát hình sự", other

    spouse, who, other = relative()
    rows = [(spouse, "Mất thẻ"), (other, "Thẻ bị hư hỏng")]
    cases.append(DossierCase("health card re-issue: application + list 01-DS + unit's letter 02-ĐN", code,
                             [_don_bhyt(spouse, who, "Bị mất thẻ khi đi công tác"),
                              _ds_bhyt(rows, "Mẫu 01-DS", list_01, "NGƯỜI LẬP BIỂU"), _cv_02dn(2)],
                             {"c1", "c2", "c4"}))

    worker = c.person(born=(1985, 1998), where="tỉnh Nghệ An")
    job = "Người lao động hợp đồng không xác định thời hạn tại Nhà khách Công an tỉnh"
    cases.append(DossierCase("health card re-issue: contract worker, with list 02-DS confirmed by police SI", code,
                             [_don_bhyt(worker, job, "Thẻ bị rách, không đọc được mã QR"),
                              _ds_bhyt([(worker, "Thẻ bị hư hỏng")], "Mẫu 01-DS", list_01, "NGƯỜI LẬP BIỂU"),
                              _ds_bhyt([(worker, "Đang tham gia BHXH")], "Mẫu 02-DS", list_02,
                                       "XÁC NHẬN CỦA BHXH CAND"),
                              _cv_02dn(1)], {"c1", "c2", "c3", "c4"}))

    spouse, who, _ = relative()
    cases.append(DossierCase("health card re-issue: personal application only", code,
                             [_don_bhyt(spouse, who, "Bị mất thẻ")], {"c1"}, {"c2", "c4"}, complete=False))

    spouse, who, other = relative()
    rows = [(spouse, "Mất thẻ"), (other, "Mất thẻ")]
    cases.append(DossierCase("health card re-issue: applicant's date of birth differs from the list", code,
                             [_don_bhyt(spouse, who, "Bị mất thẻ", birth=c.other_birth(spouse.birth)),
                              _ds_bhyt(rows, "Mẫu 01-DS", list_01, "NGƯỜI LẬP BIỂU"), _cv_02dn(2)],
                             {"c1", "c2", "c4"}, mismatch=True))

    spouse, who, other = relative()
    cases.append(DossierCase("health card re-issue: card copy instead of the unit's letter", code,
                             [_don_bhyt(spouse, who, "Bị mất thẻ"),
                              _ds_bhyt([(spouse, "Mất thẻ")], "Mẫu 01-DS", list_01, "NGƯỜI LẬP BIỂU"),
                              _can_cuoc(spouse)], {"c1", "c2"}, {"c4"}, complete=False, unmatched=1))
    return cases


# ---------------------------------------------------------------------------------------------- entry point

_STEMS = ("IMG_20261207_{n:04d}", "scan{n:04d}", "hoso_{n:03d}", "Zalo_{n:05d}", "document{n}", "CamScanner_{n:03d}")


def _neutral(cases: list[DossierCase]) -> None:
    """Give every paper a file name that says nothing about what it is."""
    n = 0
    for case in cases:
        renamed = []
        for layout in case.layouts:
            n += 1
            renamed.append(dataclasses.replace(layout, kind=_STEMS[n % len(_STEMS)].format(n=n)))
        case.layouts = renamed


def heldout_cases(seed: int = 4242, *, neutral_names: bool = True) -> list[DossierCase]:
    cast = Cast(seed)
    cases = [*_birth(cast), *_death(cast), *_marriage(cast), *_marital_status(cast), *_civil_copy(cast),
             *_birth_again(cast), *_business_closing(cast), *_business_opening(cast), *_temporary_residence(cast),
             *_household_split(cast), *_land_exchange(cast), *_health_card(cast)]
    if neutral_names:
        _neutral(cases)
    return cases
