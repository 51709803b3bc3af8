"""A second held-out set of generated dossiers, written apart from the development fixtures (cases.py) and from the
first held-out set. It covers eighteen procedures of the core pack: birth registration with recognition of
parentage, recognition of parentage, re-registration of marriage and of death, guardianship, change and correction
of civil status information, confirmation of civil status information, pausing and changing a household business,
copies from the master register, certifying a will, splitting land parcels, land use change without permission,
health insurance cards for relatives of police officers, one-time social insurance, sickness benefit, birth
registration and permanent residence.

Each builder lays a paper out as the real one is: issuing body and number in the header, a form code where the form
has one, the title (often on two lines), the labelled fields in that paper's own spelling and order, tables written
out as text rows, ID cards of the chip card issued up to mid-2024 (CĂN CƯỚC CÔNG DÂN) and of the card issued since
(CĂN CƯỚC). People, numbers and places other than public institutions are made up.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from eval.dossiers.cases import DossierCase
from eval.dossiers.documents import Block, Layout, _layout, dated, f, header, sub, text, title
from eval.dossiers.people import GIVEN_FEMALE, GIVEN_MALE, People, Person

MOTTO_EN = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"]
PROMISE = ("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam "
           "đoan của mình.")


# ------------------------------------------------------------------------------------------------------ people


class Cast:
    """The people of a set of dossiers. Full names never repeat; within one procedure (a ``scope``) no two people
    share two of the three parts of their names, so that a clean dossier never holds two people whose names differ in
    one part only."""

    def __init__(self, seed: int) -> None:
        self.people = People(seed)
        self.rng = random.Random(seed * 31 + 7)
        self.names: set[str] = set()
        self.pairs: set[str] = set()

    def scope(self) -> None:
        self.pairs = set()

    def _take(self, person: Person) -> bool:
        parts = person.name.split()
        keys = {f"{parts[0]} {parts[1]} *", f"{parts[0]} * {parts[2]}", f"* {parts[1]} {parts[2]}"}
        if person.name in self.names or keys & self.pairs:
            return False
        self.names.add(person.name)
        self.pairs |= keys
        return True

    def one(self, sex: str | None = None, born: tuple[int, int] = (1962, 1998), surname: str | None = None,
            address: str | None = None) -> Person:
        while True:
            person = self.people.person(sex, born, surname)
            if self._take(person):
                return replace(person, address=address) if address else person

    def child(self, parent: Person, first: dt.date, last: dt.date, sex: str | None = None) -> Person:
        """A child with the parent's surname and address, born between ``first`` and ``last``."""
        while True:
            person = self.people.person(sex, (first.year, last.year), parent.name.split()[0])
            if first <= person.birth <= last and self._take(person):
                return replace(person, address=parent.address)

    def far_name(self, person: Person) -> str:
        """The person's name with another given name that differs in at least three letters."""
        pool = GIVEN_FEMALE if person.sex == "female" else GIVEN_MALE
        parts = person.name.split()
        options = [g for g in pool if _distance(g.lower(), parts[-1].lower()) >= 3 and g[0] != parts[-1][0]]
        parts[-1] = self.rng.choice(options)
        return " ".join(parts)

    def far_id(self, person: Person) -> str:
        """Another number with the same province, century and year digits; five of the last six digits differ."""
        tail = person.id_number[6:]
        digits = [str((int(c) + 3 + i) % 10) if i != 2 else c for i, c in enumerate(tail)]
        return person.id_number[:6] + "".join(digits)


def far_birth(person: Person) -> dt.date:
    """Another day and month of the same year (not a swap of day and month, not a neighbouring day)."""
    day = (person.birth.day + 12) % 28 + 1
    month = (person.birth.month + 4) % 12 + 1
    if day == person.birth.month and month == person.birth.day:
        day = (day + 5) % 28 + 1
    return dt.date(person.birth.year, month, day)


def _distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


# ----------------------------------------------------------------------------------------------------- wording

_ONES = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _so(n: int) -> str:
    if n < 10:
        return _ONES[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_ONES[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1 and tens > 1:
        return f"{head} mốt"
    if unit == 5:
        return f"{head} lăm"
    if unit == 4 and tens > 1:
        return f"{head} tư"
    return f"{head} {_ONES[unit]}"


def _nam(year: int) -> str:
    thousands, rest = divmod(year, 1000)
    hundreds, last = divmod(rest, 100)
    out = f"{_ONES[thousands]} nghìn {_ONES[hundreds]} trăm"
    if last == 0:
        return out
    return f"{out} lẻ {_ONES[last]}" if last < 10 else f"{out} {_so(last)}"


def in_words(day: dt.date) -> str:
    """A date written out as on a birth certificate: 'Ngày mười lăm, tháng tư, năm hai nghìn không trăm ...'."""
    month = "tư" if day.month == 4 else _so(day.month)
    return f"Ngày {'mồng ' if day.day <= 10 else ''}{_so(day.day)}, tháng {month}, năm {_nam(day.year)}"


def dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def long_date(day: dt.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def ward(person: Person) -> str:
    return person.address.split(", ")[-1]


def place(person: Person) -> str:
    """The ward or commune name without its kind, as written before a date ('Cửa Nam, ngày ...')."""
    return ward(person).split(" ", 1)[1]


def signature(left: list[str], right: list[str]) -> Block:
    return Block("sign", left=left, right=right)


def certified(number: int, book: str, day: dt.date, body: str) -> Block:
    return text(f"Chứng thực bản sao đúng với bản chính. Số chứng thực: {number}, quyển số {book}. {body}, "
                f"{long_date(day)}.")


# ---------------------------------------------------------------------------------------------------- ID cards


def _expiry(person: Person, issued: dt.date, ages: tuple[int, ...]) -> str:
    for age in ages:
        limit = person.birth.replace(year=person.birth.year + age)
        if limit > issued.replace(year=issued.year + 2):
            return dmy(limit)
    return "Không thời hạn"


def id_card(person: Person, new: bool = False) -> Layout:
    """The chip ID card as issued from 2021 to mid-2024 (CĂN CƯỚC CÔNG DÂN), or the card issued since July 2024
    (CĂN CƯỚC). An old card that would have run out by now is replaced by a new one, as its holder would have."""
    issued = dt.date(2021, 5, 14)
    expiry = _expiry(person, issued, (25, 40, 60))
    if not new and expiry != "Không thời hạn" and expiry[-4:] < "2027":
        new = True
    if new:
        issued = dt.date(2024, 10, 3) if person.birth.day % 2 else dt.date(2025, 3, 21)
        return _layout("cccd", [
            Block("header", left=[], right=MOTTO_EN), title("CĂN CƯỚC"), sub("IDENTITY CARD"),
            f("Số định danh cá nhân / Personal identification number", person.id_number),
            f("Họ, chữ đệm và tên khai sinh / Full name", person.name.upper()),
            f("Ngày, tháng, năm sinh / Date of birth", dmy(person.birth)),
            f("Giới tính / Sex", f"{person.sex_vi}      Quốc tịch / Nationality: Việt Nam"),
            f("Nơi cư trú / Place of residence", person.address),
            f("Nơi đăng ký khai sinh / Place of birth", person.province),
            f("Ngày, tháng, năm cấp / Date of issue", dmy(issued)),
            f("Ngày, tháng, năm hết hạn / Date of expiry", _expiry(person, issued, (14, 25, 40, 60))),
            text("BỘ CÔNG AN / MINISTRY OF PUBLIC SECURITY"),
        ])
    return _layout("cccd", [
        Block("header", left=[], right=MOTTO_EN), title("CĂN CƯỚC CÔNG DÂN"), sub("Citizen Identity Card"),
        f("Số / No.", person.id_number),
        f("Họ và tên / Full name", person.name.upper()),
        f("Ngày sinh / Date of birth", dmy(person.birth)),
        f("Giới tính / Sex", f"{person.sex_vi}      Quốc tịch / Nationality: Việt Nam"),
        f("Quê quán / Place of origin", person.province),
        f("Nơi thường trú / Place of residence", person.address),
        f("Có giá trị đến / Date of expiry", expiry),
    ])


# ----------------------------------------------------------------------------------------------- civil status


def tk_khai_sinh(requester: Person, child: Person, mother: Person, father: Person | None, relation: str,
                 birthplace: str, day: dt.date) -> Layout:
    """Birth registration form (Ministry of Justice civil status form)."""
    blocks = [
        header(), title("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(requester)}"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Nơi cư trú", requester.address),
        f("Giấy tờ tùy thân", f"Thẻ căn cước số {requester.id_number}"),
        f("Quan hệ với người được đăng ký khai sinh", relation),
        text("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
        f("Họ, chữ đệm, tên", child.name.upper()),
        f("Ngày, tháng, năm sinh", dmy(child.birth)),
        f("Ghi bằng chữ", in_words(child.birth)),
        f("Giới tính", f"{child.sex_vi}        Dân tộc: Kinh        Quốc tịch: Việt Nam"),
        f("Nơi sinh", birthplace),
        f("Quê quán", (father or mother).province),
        f("Họ, chữ đệm, tên người mẹ", mother.name),
        f("Năm sinh", f"{mother.birth.year}     Dân tộc: Kinh     Quốc tịch: Việt Nam"),
        f("Nơi cư trú", mother.address),
    ]
    if father:
        blocks += [f("Họ, chữ đệm, tên người cha", father.name),
                   f("Năm sinh", f"{father.birth.year}     Dân tộc: Kinh     Quốc tịch: Việt Nam"),
                   f("Nơi cư trú", father.address)]
    else:
        blocks.append(f("Họ, chữ đệm, tên người cha", ""))
    return _layout("to_khai_khai_sinh", [*blocks, text(PROMISE), dated(place(requester), day),
                                         signature([], ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "",
                                                        requester.name])])


def giay_chung_sinh(mother: Person, child: Person, hospital: tuple[str, str, str], number: str) -> Layout:
    """Birth notice of the health facility (Ministry of Health form)."""
    department, name, city = hospital
    return _layout("giay_chung_sinh", [
        header([department, name, f"Số: {number}", "Quyển số: 08"]),
        title("GIẤY CHỨNG SINH"),
        f("Họ và tên mẹ/người nuôi dưỡng", mother.name),
        f("Năm sinh", str(mother.birth.year)),
        f("Nơi đăng ký thường trú", mother.address),
        f("Số định danh cá nhân", mother.id_number),
        f("Dân tộc", "Kinh"),
        f("Đã sinh con vào lúc", f"{child.birth.day % 12 + 7:02d} giờ {child.birth.month * 4:02d} phút, "
                                 f"{long_date(child.birth)}"),
        f("Tại", name.capitalize().replace(city.lower(), city)),
        f("Số con trong lần sinh này", "01"),
        f("Giới tính của con", child.sex_vi),
        f("Cân nặng", f"{2900 + child.birth.day * 20} gam"),
        f("Hiện trạng sức khỏe của con", "Bình thường"),
        f("Dự định đặt tên con", child.name),
        f("Ghi chú", "Sinh thường, đủ tháng"),
        dated(city, child.birth + dt.timedelta(days=3)),
        signature(["Người đỡ đẻ", "(Ký, ghi rõ họ tên)", "", "Hộ sinh Đinh Thị Nga"],
                  ["THỦ TRƯỞNG CƠ SỞ Y TẾ", "(Ký, ghi rõ họ tên, đóng dấu)", "", "BSCKII. Vũ Mạnh Cường"]),
    ])


def xac_nhan_lam_chung(witness: Person, mother: Person, child: Person) -> Layout:
    """A witness's written confirmation of a birth without a birth notice."""
    return _layout("xac_nhan_nguoi_lam_chung", [
        header(), title("VĂN BẢN XÁC NHẬN"), sub("(Của người làm chứng về việc sinh)"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(mother)}"),
        f("Tôi tên là", witness.name),
        f("Sinh ngày", dmy(witness.birth)),
        f("Số định danh cá nhân", witness.id_number),
        f("Nơi cư trú", witness.address),
        f("Quan hệ với người mẹ", "Hàng xóm"),
        text(f"Tôi xác nhận: vào khoảng 23 giờ {long_date(child.birth)}, chị {mother.name}, sinh năm "
             f"{mother.birth.year}, cư trú tại {mother.address}, đã sinh một cháu {child.sex_vi.lower()} tại nhà "
             "riêng do chuyển dạ nhanh, không kịp đến cơ sở y tế. Tôi có mặt, trực tiếp giúp đỡ và chứng kiến "
             "việc sinh."),
        text(f"Cháu được gia đình đặt tên là {child.name}. Mẹ và cháu sau đó được Trạm y tế kiểm tra, sức khỏe "
             "bình thường."),
        text("Tôi xin chịu trách nhiệm trước pháp luật về nội dung xác nhận trên."),
        dated(place(mother), dt.date(2026, 10, 27)),
        signature([], ["NGƯỜI LÀM CHỨNG", "(Ký, ghi rõ họ tên)", "", witness.name]),
    ])


def tk_nhan_cha_me_con(claimant: Person, child: Person, other: Person, relation: str, day: dt.date,
                       claimant_id: str | None = None) -> Layout:
    """Form for registering recognition of a father, mother or child."""
    child_id = f("Số định danh cá nhân", child.id_number) if child.birth.year < 2025 else f("Giấy tờ tùy thân", "")
    return _layout("to_khai_nhan_cha_me_con", [
        header(), title("TỜ KHAI ĐĂNG KÝ NHẬN CHA, MẸ, CON"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(claimant)}"),
        f("Họ, chữ đệm, tên người nhận", claimant.name),
        f("Ngày, tháng, năm sinh", dmy(claimant.birth)),
        f("Dân tộc", "Kinh          Quốc tịch: Việt Nam"),
        f("Nơi cư trú", claimant.address),
        f("Giấy tờ tùy thân", f"Căn cước công dân số {claimant_id or claimant.id_number}"),
        text("Họ, chữ đệm, tên người được nhận là con:"),
        f("Họ, chữ đệm, tên", child.name),
        f("Ngày, tháng, năm sinh", dmy(child.birth)),
        f("Dân tộc", "Kinh          Quốc tịch: Việt Nam"),
        f("Nơi cư trú", child.address),
        child_id,
        f("Quan hệ giữa người nhận và người được nhận", relation),
        text(f"Ý kiến của người mẹ: Tôi là {other.name}, sinh năm {other.birth.year}, số định danh cá nhân "
             f"{other.id_number}, đồng ý việc nhận con nêu trên."),
        text("Tôi cam đoan việc nhận con nêu trên là đúng sự thật, tự nguyện và không có tranh chấp; tôi chịu "
             "trách nhiệm trước pháp luật về cam đoan của mình."),
        dated(place(claimant), day),
        signature(["Người mẹ", "(Ký, ghi rõ họ, chữ đệm, tên)", "", other.name],
                  ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "", claimant.name]),
    ])


def ket_qua_adn(father: Person, child: Person, number: str, received: dt.date) -> Layout:
    """A forensic DNA paternity result."""
    return _layout("ket_qua_giam_dinh_adn", [
        header(["BỘ Y TẾ", "VIỆN PHÁP Y QUỐC GIA", f"Số: {number}/KQ-VPYQG"]),
        title("KẾT QUẢ GIÁM ĐỊNH ADN"), sub("(Xác định quan hệ huyết thống cha - con)"),
        f("Người yêu cầu giám định", f"{father.name}, số định danh cá nhân {father.id_number}"),
        f("Địa chỉ", father.address),
        f("Ngày nhận mẫu", dmy(received)),
        text("Mẫu | Họ và tên | Năm sinh | Loại mẫu | Ký hiệu mẫu"),
        text(f"M1 | {father.name} | {father.birth.year} | Tế bào niêm mạc miệng | {number}-01"),
        text(f"M2 | {child.name} | {child.birth.year} | Tế bào niêm mạc miệng | {number}-02"),
        text("Phương pháp: phân tích 24 locus gen STR trên nhiễm sắc thể thường bằng bộ kit GlobalFiler, điện di "
             "mao quản."),
        text("Kết quả: tại cả 24 locus được phân tích, mẫu M2 đều mang một alen trùng với alen của mẫu M1."),
        text(f"KẾT LUẬN: Ông {father.name} là cha đẻ của {child.name}. Xác suất quan hệ cha - con: 99,9999998%."),
        text("Kết quả chỉ có giá trị đối với các mẫu do người yêu cầu cung cấp."),
        dated("Hà Nội", received + dt.timedelta(days=6)),
        signature(["GIÁM ĐỊNH VIÊN", "(Ký, ghi rõ họ tên)", "", "ThS. Ngô Thùy Dung"],
                  ["VIỆN TRƯỞNG", "(Ký tên, đóng dấu)", "", "TS. Phạm Đức Anh"]),
    ])


def cam_doan_quan_he(father: Person, mother: Person, child: Person, witnesses: list[Person]) -> Layout:
    """The parties' sworn statement on a parent-child relationship, with two witnesses."""
    blocks = [
        header(), title("VĂN BẢN CAM ĐOAN"), sub("Về mối quan hệ cha - con"),
        text(f"Chúng tôi gồm: ông {father.name}, sinh ngày {dmy(father.birth)}, số định danh cá nhân "
             f"{father.id_number}, cư trú tại {father.address} (người nhận con); và bà {mother.name}, sinh ngày "
             f"{dmy(mother.birth)}, số định danh cá nhân {mother.id_number}, là mẹ của cháu {child.name}, sinh ngày "
             f"{dmy(child.birth)}."),
        text(f"Chúng tôi cam đoan: ông {father.name} và bà {mother.name} chung sống với nhau từ năm "
             f"{child.birth.year - 1} nhưng chưa đăng ký kết hôn; cháu {child.name} là con chung của hai người. "
             "Việc nhận cha - con là đúng sự thật, tự nguyện, không có tranh chấp. Chúng tôi không có văn bản "
             "xác nhận của cơ quan y tế hay cơ quan giám định về quan hệ cha - con."),
        text("NGƯỜI LÀM CHỨNG"),
    ]
    for number, witness in enumerate(witnesses, start=1):
        blocks.append(text(f"{number}. {witness.name}, sinh năm {witness.birth.year}, số định danh cá nhân "
                           f"{witness.id_number}, cư trú tại {witness.address}."))
    return _layout("van_ban_cam_doan_cha_con", [
        *blocks,
        text("Những người làm chứng xác nhận biết rõ việc ông, bà nêu trên chung sống và có con chung như đã cam "
             "đoan."),
        dated(place(father), dt.date(2026, 10, 30)),
        signature(["NGƯỜI MẸ", "", "", mother.name], ["NGƯỜI NHẬN CON", "", "", father.name]),
        signature(["NGƯỜI LÀM CHỨNG THỨ NHẤT", "", "", witnesses[0].name],
                  ["NGƯỜI LÀM CHỨNG THỨ HAI", "", "", witnesses[1].name]),
    ])


def tk_ket_hon(wife: Person, husband: Person, day: dt.date) -> Layout:
    """Marriage registration form, written as its two-column table."""
    return _layout("to_khai_dang_ky_ket_hon", [
        header(), title("TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(wife)}"),
        text("Thông tin | Bên nữ | Bên nam"),
        text(f"Họ, chữ đệm, tên | {wife.name} | {husband.name}"),
        text(f"Ngày, tháng, năm sinh | {dmy(wife.birth)} | {dmy(husband.birth)}"),
        text("Dân tộc | Kinh | Kinh"),
        text("Quốc tịch | Việt Nam | Việt Nam"),
        text(f"Nơi cư trú | {wife.address} | {husband.address}"),
        text(f"Giấy tờ tùy thân | CCCD số {wife.id_number} | CCCD số {husband.id_number}"),
        text("Kết hôn lần thứ mấy | Thứ nhất | Thứ nhất"),
        text("Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, "
             "không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam."),
        text("Đề nghị Quý cơ quan đăng ký."),
        dated(place(wife), day),
        signature(["Bên nữ", "(Ký, ghi rõ họ, chữ đệm, tên)", "", wife.name],
                  ["Bên nam", "(Ký, ghi rõ họ, chữ đệm, tên)", "", husband.name]),
    ])


@dataclass
class Registration:
    """An earlier registration: where, when, and its book numbers."""

    body: str
    day: dt.date
    number: int
    book: str


def tk_dang_ky_lai_ket_hon(wife: Person, husband: Person, reg: Registration, reason: str, day: dt.date,
                           wife_birth: dt.date | None = None) -> Layout:
    """Form for re-registering a marriage."""
    rows = []
    for label, person, birth in (("BÊN NỮ", wife, wife_birth or wife.birth), ("BÊN NAM", husband, husband.birth)):
        rows += [text(label),
                 f("Họ, chữ đệm, tên", person.name),
                 f("Ngày, tháng, năm sinh", dmy(birth)),
                 f("Dân tộc", "Kinh       Quốc tịch: Việt Nam"),
                 f("Nơi cư trú", person.address),
                 f("Giấy tờ tùy thân", f"Căn cước số {person.id_number}")]
    return _layout("to_khai_dang_ky_lai_ket_hon", [
        header(), title("TỜ KHAI ĐĂNG KÝ LẠI KẾT HÔN"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(wife)}"),
        *rows,
        f("Đã đăng ký kết hôn tại", reg.body),
        f("Ngày đăng ký", f"{dmy(reg.day)}    Số: {reg.number}    Quyển số: {reg.book}"),
        f("Lý do đăng ký lại", reason),
        text("Chúng tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật "
             "về cam đoan của mình."),
        dated(place(wife), day),
        signature(["Bên nữ", "(Ký, ghi rõ họ, chữ đệm, tên)", "", wife.name],
                  ["Bên nam", "(Ký, ghi rõ họ, chữ đệm, tên)", "", husband.name]),
    ])


def gcn_ket_hon(wife: Person, husband: Person, reg: Registration, copied: dt.date) -> Layout:
    """A certified copy of a marriage certificate issued years ago."""
    return _layout("giay_chung_nhan_ket_hon", [
        header(["ỦY BAN NHÂN DÂN", reg.body.upper().replace("ỦY BAN NHÂN DÂN ", ""), f"Số: {reg.number}",
                f"Quyển số: {reg.book}"]),
        title("GIẤY CHỨNG NHẬN KẾT HÔN"),
        f("Họ và tên chồng", husband.name),
        f("Ngày, tháng, năm sinh", dmy(husband.birth)),
        f("Dân tộc", "Kinh       Quốc tịch: Việt Nam"),
        f("Nơi thường trú", husband.address),
        f("Họ và tên vợ", wife.name),
        f("Ngày, tháng, năm sinh", dmy(wife.birth)),
        f("Dân tộc", "Kinh       Quốc tịch: Việt Nam"),
        f("Nơi thường trú", wife.address),
        f("Ngày, tháng, năm đăng ký", long_date(reg.day)),
        signature(["Chồng", "(Ký, ghi rõ họ tên)", "", husband.name],
                  ["Vợ", "(Ký, ghi rõ họ tên)", "", wife.name]),
        signature([], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hà Văn Thắng"]),
        certified(612, f"01/{copied.year}-SCT/BS", copied, reg.body),
    ])


def so_yeu_ly_lich(person: Person, spouse: Person, reg: Registration) -> Layout:
    """A certified copy of a civil servant's personal record (form 2C) showing the marriage."""
    wife_or_husband = "Vợ" if spouse.sex == "female" else "Chồng"
    return _layout("so_yeu_ly_lich", [
        text("Mẫu 2C-BNV/2008"),
        header(["Cơ quan quản lý:", "Sở Giáo dục và Đào tạo", "Đơn vị sử dụng:", "Trường THCS Lê Lợi"]),
        title("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"),
        f("1) Họ và tên khai sinh (viết chữ in hoa)", person.name.upper()),
        f("2) Tên gọi khác", "Không"),
        f("3) Sinh ngày", f"{person.birth.day:02d} tháng {person.birth.month:02d} năm {person.birth.year}, "
                          f"Giới tính: {person.sex_vi}"),
        f("4) Nơi sinh", person.province),
        f("5) Quê quán", person.province),
        f("6) Dân tộc", "Kinh        7) Tôn giáo: Không"),
        f("8) Nơi đăng ký hộ khẩu thường trú", person.address),
        f("9) Số định danh cá nhân", person.id_number),
        f("10) Nghề nghiệp khi được tuyển dụng", "Giáo viên"),
        f("11) Ngày vào Đảng Cộng sản Việt Nam", "19/05/2015"),
        text("QUAN HỆ GIA ĐÌNH"),
        text("Mối quan hệ | Họ và tên | Năm sinh | Quê quán, nghề nghiệp, đơn vị công tác"),
        text(f"{wife_or_husband} | {spouse.name} | {spouse.birth.year} | {spouse.province}; kết hôn năm "
             f"{reg.day.year}, đăng ký kết hôn tại {reg.body} ngày {dmy(reg.day)}"),
        text("Tôi xin cam đoan những lời khai trên đây là đúng sự thật."),
        signature(["Xác nhận của cơ quan quản lý", "", "", "Hiệu trưởng Mai Quốc Toản"],
                  ["Người khai", "(Ký tên, ghi rõ họ tên)", "", person.name]),
        certified(2207, "04/2026-SCT/BS", dt.date(2026, 10, 21), "Ủy ban nhân dân " + ward(person)),
    ])


@dataclass
class Death:
    day: dt.date
    place: str
    cause: str


def tk_dang_ky_lai_khai_tu(requester: Person, deceased: Person, death: Death, reg: Registration, relation: str,
                           day: dt.date) -> Layout:
    """Form for re-registering a death."""
    return _layout("to_khai_dang_ky_lai_khai_tu", [
        header(), title("TỜ KHAI ĐĂNG KÝ LẠI KHAI TỬ"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(requester)}"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Nơi cư trú", requester.address),
        f("Giấy tờ tùy thân", f"Căn cước số {requester.id_number}, do Bộ Công an cấp"),
        f("Quan hệ với người đã chết", relation),
        text("Đề nghị cơ quan đăng ký lại khai tử cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", deceased.name),
        f("Ngày, tháng, năm sinh", dmy(deceased.birth)),
        f("Giới tính", f"{deceased.sex_vi}      Dân tộc: Kinh      Quốc tịch: Việt Nam"),
        f("Nơi cư trú cuối cùng", deceased.address),
        f("Đã chết vào lúc", f"{death.day.day % 9 + 10} giờ 40 phút, {long_date(death.day)}"),
        f("Nơi chết", death.place),
        f("Nguyên nhân chết", death.cause),
        f("Đã đăng ký khai tử tại", f"{reg.body}, ngày {dmy(reg.day)}"),
        f("Số", f"{reg.number}     Quyển số: {reg.book}"),
        f("Lý do đăng ký lại", "Sổ hộ tịch lưu tại Ủy ban nhân dân bị hư hỏng do ngập lụt năm 2024, không còn "
                               "lưu được nội dung"),
        text(PROMISE),
        dated(place(requester), day),
        signature([], ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "", requester.name]),
    ])


def giay_chung_tu(deceased: Person, death: Death, reg: Registration, informant: Person, relation: str) -> Layout:
    """A certified copy of an old-style death certificate (before 2016)."""
    return _layout("giay_chung_tu", [
        header(["ỦY BAN NHÂN DÂN", reg.body.upper().replace("ỦY BAN NHÂN DÂN ", ""), f"Số: {reg.number}",
                f"Quyển số: {reg.book}"]),
        title("GIẤY CHỨNG TỬ"), sub("(BẢN SAO)"),
        f("Họ và tên", deceased.name),
        f("Giới tính", deceased.sex_vi),
        f("Ngày, tháng, năm sinh", dmy(deceased.birth)),
        f("Dân tộc", "Kinh        Quốc tịch: Việt Nam"),
        f("Nơi thường trú/tạm trú cuối cùng", deceased.address),
        f("Đã chết vào lúc", f"{death.day.day % 9 + 10} giờ 40 phút, ngày {dmy(death.day)}"),
        f("Nơi chết", death.place),
        f("Nguyên nhân chết", death.cause),
        f("Họ và tên người đi khai tử", informant.name),
        f("Quan hệ với người chết", relation),
        f("Nơi đăng ký", reg.body),
        f("Ngày, tháng, năm đăng ký", dmy(reg.day)),
        signature(["Người đi khai tử", "", "", informant.name], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "",
                                                                  "Lò Văn Sơn"]),
        certified(845, "02/2026-SCT/BS", dt.date(2026, 9, 15), "Ủy ban nhân dân " + ward(informant)),
    ])


def giay_bao_tu(deceased: Person, death: Death, number: str) -> Layout:
    """A certified copy of a hospital death notice, kept by the family."""
    return _layout("giay_bao_tu", [
        header(["SỞ Y TẾ ĐÀ NẴNG", "BỆNH VIỆN ĐÀ NẴNG", f"Số: {number}/GBT"]),
        title("GIẤY BÁO TỬ"),
        f("Họ và tên người tử vong", deceased.name.upper()),
        f("Sinh ngày", dmy(deceased.birth)),
        f("Giới tính", deceased.sex_vi),
        f("Dân tộc", "Kinh     Quốc tịch: Việt Nam"),
        f("Địa chỉ", deceased.address),
        f("Vào viện lúc", f"07 giờ 15 phút, ngày {dmy(death.day - dt.timedelta(days=4))}"),
        f("Tử vong lúc", f"{death.day.day % 9 + 10} giờ 40 phút, ngày {dmy(death.day)}"),
        f("Tại", death.place),
        f("Nguyên nhân tử vong", death.cause),
        dated("Đà Nẵng", death.day),
        signature(["TRƯỞNG KHOA", "", "", "BSCKII. Trương Văn Lộc"],
                  ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "TS.BS. Lê Thanh Bình"]),
        certified(1493, "03/2026-SCT/BS", dt.date(2026, 9, 16), "Ủy ban nhân dân phường Hải Châu"),
    ])


def giay_uy_quyen(principal: Person, agent: Person, task: str, day: dt.date, relation: str | None = None,
                  heading: str = "GIẤY ỦY QUYỀN") -> Layout:
    """A power of attorney for filing a procedure, with the certification of the principal's signature (or, when the
    agent is a close relative, without one)."""
    blocks = [
        header(), title(heading),
        text("Căn cứ Bộ luật Dân sự năm 2015; hôm nay, chúng tôi gồm:"),
        text("BÊN ỦY QUYỀN (BÊN A):"),
        f("Ông/Bà", principal.name), f("Sinh ngày", dmy(principal.birth)),
        f("Căn cước công dân số", principal.id_number), f("Nơi cư trú", principal.address),
        text("BÊN ĐƯỢC ỦY QUYỀN (BÊN B):"),
        f("Ông/Bà", agent.name), f("Sinh ngày", dmy(agent.birth)),
        f("Căn cước công dân số", agent.id_number), f("Nơi cư trú", agent.address),
    ]
    if relation:
        blocks.append(f("Quan hệ với bên ủy quyền", relation))
    blocks += [
        text(f"NỘI DUNG ỦY QUYỀN: Bên B được thay mặt Bên A {task}; được ký các giấy tờ, nhận kết quả và nộp phí, "
             "lệ phí (nếu có)."),
        text("THỜI HẠN ỦY QUYỀN: Kể từ ngày ký đến khi hoàn thành công việc được ủy quyền."),
        text("Bên A chịu trách nhiệm về việc ủy quyền; Bên B thực hiện đúng phạm vi được ủy quyền."),
        dated(place(principal), day),
        signature(["BÊN ĐƯỢC ỦY QUYỀN", "(Ký, ghi rõ họ tên)", "", agent.name],
                  ["BÊN ỦY QUYỀN", "(Ký, ghi rõ họ tên)", "", principal.name]),
    ]
    if not relation:
        blocks.append(text(f"LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC: Ngày {dmy(day)}, tại Ủy ban nhân dân "
                           f"{ward(principal)}, ông/bà {principal.name} đã ký vào giấy ủy quyền này trước mặt tôi. "
                           f"Số chứng thực {day.day * 7 + 100}, quyển số 06/{day.year}-SCT/CK,ĐC."))
    return _layout("giay_uy_quyen", blocks)


def tk_giam_ho(guardian: Person, ward_person: Person, kind: str, reason: str, day: dt.date,
               guardian_name: str | None = None) -> Layout:
    """Form for registering a guardianship."""
    return _layout("to_khai_dang_ky_giam_ho", [
        header(), title("TỜ KHAI ĐĂNG KÝ GIÁM HỘ"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(ward_person)}"),
        text("Đề nghị cơ quan đăng ký việc giám hộ giữa những người có tên dưới đây:"),
        text("NGƯỜI GIÁM HỘ"),
        f("Họ, chữ đệm, tên", guardian_name or guardian.name),
        f("Ngày, tháng, năm sinh", dmy(guardian.birth)),
        f("Dân tộc", "Kinh        Quốc tịch: Việt Nam"),
        f("Nơi cư trú", guardian.address),
        f("Giấy tờ tùy thân", f"Thẻ căn cước công dân số {guardian.id_number}"),
        text("NGƯỜI ĐƯỢC GIÁM HỘ"),
        f("Họ, chữ đệm, tên", ward_person.name),
        f("Ngày, tháng, năm sinh", dmy(ward_person.birth)),
        f("Giới tính", f"{ward_person.sex_vi}       Dân tộc: Kinh       Quốc tịch: Việt Nam"),
        f("Nơi sinh", ward_person.province),
        f("Nơi cư trú", ward_person.address),
        f("Số định danh cá nhân", ward_person.id_number),
        f("Loại giám hộ", kind),
        f("Lý do đăng ký giám hộ", reason),
        text(PROMISE),
        dated(place(ward_person), day),
        signature([], ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "", guardian_name or guardian.name]),
    ])


def qd_cu_giam_ho(guardian: Person, ward_person: Person, number: str, day: dt.date,
                  ward_birth: dt.date | None = None) -> Layout:
    """A commune decision appointing a guardian for a child without a natural guardian."""
    area = ward(ward_person)
    return _layout("quyet_dinh_cu_giam_ho", [
        header(["ỦY BAN NHÂN DÂN", area.upper(), f"Số: {number}/QĐ-UBND"]),
        title("QUYẾT ĐỊNH"), sub("Về việc cử người giám hộ"),
        title(f"CHỦ TỊCH ỦY BAN NHÂN DÂN {area.upper()}"),
        text("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;"),
        text("Căn cứ các điều 46, 47, 54 và 56 Bộ luật Dân sự năm 2015;"),
        text(f"Xét hoàn cảnh của trẻ em {ward_person.name} không còn cha mẹ, không có người giám hộ đương nhiên và "
             "đề nghị của công chức Văn hóa - Xã hội,"),
        title("QUYẾT ĐỊNH:"),
        text(f"Điều 1. Cử ông/bà {guardian.name}, sinh ngày {dmy(guardian.birth)}, số định danh cá nhân "
             f"{guardian.id_number}, cư trú tại {guardian.address}, làm người giám hộ cho trẻ em "
             f"{ward_person.name}, sinh ngày {dmy(ward_birth or ward_person.birth)}, số định danh cá nhân "
             f"{ward_person.id_number}."),
        text("Điều 2. Người giám hộ có các nghĩa vụ, quyền theo quy định tại các điều 55, 56 và 58 Bộ luật Dân sự "
             "và có trách nhiệm đăng ký việc giám hộ theo quy định của pháp luật về hộ tịch."),
        text("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Công chức Tư pháp - Hộ tịch, người giám hộ và "
             "người được giám hộ chịu trách nhiệm thi hành Quyết định này."),
        dated(place(ward_person), day),
        signature(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."], ["CHỦ TỊCH", "", "", "Nông Thị Huyền"]),
    ])


def trich_luc_khai_tu(deceased: Person, death: Death, number: str, registered: dt.date) -> Layout:
    """A copy of a death registration extract (issued since 2016)."""
    return _layout("trich_luc_khai_tu", [
        header(["ỦY BAN NHÂN DÂN", ward(deceased).upper(), f"Số: {number}/TLKT-BS"]),
        title("TRÍCH LỤC KHAI TỬ"), sub("(BẢN SAO)"),
        f("Họ, chữ đệm, tên", deceased.name.upper()),
        f("Ngày, tháng, năm sinh", dmy(deceased.birth)),
        f("Giới tính", f"{deceased.sex_vi}       Dân tộc: Kinh       Quốc tịch: Việt Nam"),
        f("Số định danh cá nhân", deceased.id_number),
        f("Nơi cư trú cuối cùng", deceased.address),
        f("Đã chết vào lúc", f"{death.day.day % 9 + 6} giờ 05 phút, {long_date(death.day)}"),
        f("Nơi chết", death.place),
        f("Nguyên nhân chết", death.cause),
        f("Nơi đăng ký khai tử", "Ủy ban nhân dân " + ward(deceased)),
        f("Ngày, tháng, năm đăng ký", dmy(registered)),
        text("Sao từ Sổ đăng ký khai tử."),
        dated(place(deceased), dt.date(2026, 10, 12)),
        signature([], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Đỗ Minh Quang"]),
    ])


def thoa_thuan_giam_ho(chosen: Person, others: list[Person], ward_person: Person, parents: list[Person]) -> Layout:
    """The agreement of several natural guardians on which of them acts."""
    blocks = [
        header(), title("VĂN BẢN THỎA THUẬN"), sub("Về việc cử một người làm giám hộ đương nhiên"),
        text("Chúng tôi gồm:"),
    ]
    for number, person in enumerate([chosen, *others], start=1):
        blocks.append(text(f"{number}. {person.name}, sinh ngày {dmy(person.birth)}, số định danh cá nhân "
                           f"{person.id_number}, cư trú tại {person.address}."))
    parent_names = " và ".join(p.name for p in parents)
    blocks += [
        text(f"là ông, bà nội và ông, bà ngoại của cháu {ward_person.name}, sinh ngày {dmy(ward_person.birth)}. "
             f"Cha mẹ của cháu là {parent_names} đều đã chết; cháu không có anh, chị ruột."),
        text("Theo Điều 52 Bộ luật Dân sự năm 2015, chúng tôi cùng là người giám hộ đương nhiên của cháu. Sau khi "
             f"bàn bạc, chúng tôi thống nhất cử bà {chosen.name} làm người giám hộ cho cháu và đăng ký việc giám hộ "
             "tại Ủy ban nhân dân nơi cháu cư trú."),
        dated(place(ward_person), dt.date(2026, 10, 20)),
        signature(["NGƯỜI ĐƯỢC CỬ", "(Ký, ghi rõ họ tên)", "", chosen.name],
                  ["NHỮNG NGƯỜI THỎA THUẬN", "(Ký, ghi rõ họ tên)", "", others[0].name]),
        signature(["", "", "", others[1].name], ["", "", "", others[2].name]),
    ]
    return _layout("van_ban_thoa_thuan_giam_ho", blocks)


def tk_thay_doi_ho_tich(requester: Person, subject: Person, reg: Registration, content: list[tuple[str, str]],
                        reason: str, relation: str, day: dt.date) -> Layout:
    """Form for changing, correcting or supplementing civil status information (title on two lines)."""
    return _layout("to_khai_thay_doi_cai_chinh_ho_tich", [
        header(), title("TỜ KHAI ĐĂNG KÝ THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH, XÁC ĐỊNH LẠI DÂN TỘC"),
        text(f"Kính gửi: Ủy ban nhân dân {ward(requester)}"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Nơi cư trú", requester.address),
        f("Giấy tờ tùy thân", f"Căn cước công dân số {requester.id_number}"),
        f("Quan hệ với người được thay đổi, cải chính, bổ sung, xác định lại dân tộc", relation),
        text("Đề nghị cơ quan đăng ký cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", subject.name),
        f("Ngày, tháng, năm sinh", dmy(subject.birth)),
        f("Giới tính", subject.sex_vi),
        f("Nơi cư trú", subject.address),
        f("Số định danh cá nhân", subject.id_number),
        f("Đã đăng ký khai sinh tại", f"{reg.body}, ngày {dmy(reg.day)}, số {reg.number}, quyển số {reg.book}"),
        text("Nội dung đề nghị:"),
        *[f(label, value) for label, value in content],
        f("Lý do", reason),
        text("Giấy tờ kèm theo: bản sao giấy tờ làm căn cứ."),
        text(PROMISE),
        dated(place(requester), day),
        signature([], ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "", requester.name]),
    ])


def giay_khai_sinh(person: Person, mother: Person, father: Person, reg: Registration, ethnic: str = "Kinh"
                   ) -> Layout:
    """A copy of a birth certificate of the form used for births registered before 2016."""
    return _layout("giay_khai_sinh", [
        header(["ỦY BAN NHÂN DÂN", reg.body.upper().replace("ỦY BAN NHÂN DÂN ", ""), f"Số: {reg.number}",
                f"Quyển số: {reg.book}"]),
        title("GIẤY KHAI SINH"), sub("(BẢN SAO)"),
        f("Họ và tên", person.name),
        f("Giới tính", person.sex_vi),
        f("Ngày, tháng, năm sinh", f"{dmy(person.birth)}"),
        f("Ghi bằng chữ", in_words(person.birth)),
        f("Nơi sinh", person.province),
        f("Dân tộc", f"{ethnic}       Quốc tịch: Việt Nam"),
        f("Quê quán", person.province),
        f("Họ và tên cha", father.name),
        f("Dân tộc", f"{ethnic}     Quốc tịch: Việt Nam     Năm sinh: {father.birth.year}"),
        f("Họ và tên mẹ", mother.name),
        f("Dân tộc", f"{ethnic}     Quốc tịch: Việt Nam     Năm sinh: {mother.birth.year}"),
        f("Nơi thường trú của cha, mẹ", mother.address),
        f("Ngày, tháng, năm đăng ký", dmy(reg.day)),
        text("Sao từ Sổ đăng ký khai sinh."),
        dated(place(person), dt.date(2026, 10, 6)),
        signature([], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "", "Hoàng Anh Tuấn"]),
    ])


def tk_xac_nhan_ho_tich(requester: Person, subject: Person, relation: str, content: str, purpose: str,
                        day: dt.date) -> Layout:
    """Form requesting confirmation of civil status information (two-line title)."""
    return _layout("to_khai_xac_nhan_thong_tin_ho_tich", [
        header(), title("TỜ KHAI"), title("ĐỀ NGHỊ XÁC NHẬN THÔNG TIN HỘ TỊCH"),
        text("Kính gửi: Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Ngày, tháng, năm sinh", dmy(requester.birth)),
        f("Số định danh cá nhân", requester.id_number),
        f("Nơi cư trú", requester.address),
        f("Số điện thoại", "0983 214 675"),
        f("Quan hệ với người được xác nhận thông tin hộ tịch", relation),
        text("Đề nghị xác nhận thông tin hộ tịch của người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", subject.name),
        f("Ngày, tháng, năm sinh", dmy(subject.birth)),
        f("Giới tính", subject.sex_vi),
        f("Số định danh cá nhân", subject.id_number),
        f("Nơi cư trú", subject.address),
        f("Thông tin hộ tịch đề nghị xác nhận", content),
        f("Mục đích sử dụng", purpose),
        f("Số lượng văn bản đề nghị cấp", "02 bản"),
        text(PROMISE),
        dated(place(requester), day),
        signature([], ["Người yêu cầu", "(Ký, ghi rõ họ, chữ đệm, tên)", "", requester.name]),
    ])


# -------------------------------------------------------------------------------------------- household business


@dataclass
class Business:
    name: str
    code: str
    address: str
    trade: str
    registered: dt.date


def de_nghi_tam_ngung(owner: Person, shop: Business, start: dt.date, end: dt.date, reason: str,
                      day: dt.date) -> Layout:
    """Request to pause a household business (title on two lines)."""
    return _layout("giay_de_nghi_tam_ngung_kinh_doanh", [
        header(), title("GIẤY ĐỀ NGHỊ"),
        sub("Đăng ký tạm ngừng kinh doanh/tiếp tục kinh doanh trước thời hạn"),
        sub("đã đăng ký của hộ kinh doanh"),
        text(f"Kính gửi: Phòng Kinh tế - Ủy ban nhân dân {ward(owner)}"),
        f("Tôi là (ghi họ tên bằng chữ in hoa)", owner.name.upper()),
        f("Sinh ngày", dmy(owner.birth)),
        f("Số định danh cá nhân", owner.id_number),
        f("Là chủ hộ kinh doanh", shop.name.upper()),
        f("Mã số hộ kinh doanh/Mã số thuế", shop.code),
        f("Địa chỉ trụ sở hộ kinh doanh", shop.address),
        f("Điện thoại", "0904 618 233"),
        text("Đăng ký tạm ngừng kinh doanh như sau:"),
        f("Thời gian tạm ngừng", f"từ ngày {dmy(start)} đến hết ngày {dmy(end)}"),
        f("Lý do tạm ngừng", reason),
        text("Hộ kinh doanh cam kết đã thanh toán đủ số thuế còn nợ, tiếp tục thực hiện các hợp đồng đã ký với "
             "khách hàng và người lao động, trừ trường hợp có thỏa thuận khác."),
        text("Tôi chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung thực của nội dung Giấy đề "
             "nghị này."),
        dated(place(owner), day),
        signature([], ["CHỦ HỘ KINH DOANH", "(Ký và ghi họ tên)", "", owner.name]),
    ])


def de_nghi_thay_doi_hkd(owner: Person, shop: Business, changes: list[tuple[str, str]], day: dt.date) -> Layout:
    """Request to change the registered details of a household business."""
    return _layout("giay_de_nghi_thay_doi_ho_kinh_doanh", [
        header(), title("GIẤY ĐỀ NGHỊ"), sub("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh"),
        text(f"Kính gửi: Phòng Kinh tế - Ủy ban nhân dân {ward(owner)}"),
        f("Tên hộ kinh doanh (ghi bằng chữ in hoa)", shop.name.upper()),
        f("Mã số hộ kinh doanh/Mã số thuế", shop.code),
        f("Địa chỉ trụ sở hiện tại", shop.address),
        f("Họ, chữ đệm và tên chủ hộ kinh doanh", owner.name),
        f("Ngày, tháng, năm sinh", dmy(owner.birth)),
        f("Giới tính", owner.sex_vi),
        f("Số định danh cá nhân", owner.id_number),
        f("Nơi cư trú", owner.address),
        text("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh như sau:"),
        *[f(label, value) for label, value in changes],
        text("Tôi cam kết trụ sở hộ kinh doanh thuộc quyền sử dụng hợp pháp của hộ kinh doanh và chịu trách nhiệm "
             "trước pháp luật về tính hợp pháp, chính xác, trung thực của nội dung đăng ký trên."),
        dated(place(owner), day),
        signature([], ["CHỦ HỘ KINH DOANH", "(Ký và ghi họ tên)", "", owner.name]),
    ])


def bien_ban_hop_nhom(members: list[Person], shop: Business, matter: str, decision: str, day: dt.date) -> Layout:
    """Minutes of the meeting of the group of individuals that set up a household business."""
    blocks = [
        header(["HỘ KINH DOANH", shop.name.removeprefix("Hộ kinh doanh ").upper()]), title("BIÊN BẢN HỌP"),
        sub("Nhóm cá nhân tham gia hộ kinh doanh"), sub(f"Về việc {matter}"),
        text(f"Hôm nay, vào lúc 08 giờ 30 phút {long_date(day)}, tại trụ sở hộ kinh doanh, {shop.address}, các cá "
             f"nhân cùng tham gia thành lập {shop.name} (mã số hộ kinh doanh {shop.code}) họp gồm:"),
    ]
    for number, member in enumerate(members, start=1):
        blocks.append(text(f"{number}. {member.name}, sinh ngày {dmy(member.birth)}, số định danh cá nhân "
                           f"{member.id_number}" + (" - chủ hộ kinh doanh, chủ trì cuộc họp." if number == 1 else
                                                    ".")))
    blocks += [
        text(f"Thư ký cuộc họp: {members[-1].name}."),
        text(f"NỘI DUNG: {decision}"),
        text(f"BIỂU QUYẾT: {len(members):02d}/{len(members):02d} thành viên tán thành, không có ý kiến khác."),
        text("Cuộc họp kết thúc lúc 09 giờ 45 phút cùng ngày. Biên bản được lập thành 03 bản, đã được đọc lại cho "
             "các thành viên cùng nghe và nhất trí ký tên."),
        signature(["THƯ KÝ", "", "", members[-1].name], ["CHỦ TRÌ", "", "", members[0].name]),
        text("CÁC THÀNH VIÊN: " + "; ".join(m.name for m in members[1:-1]) + " (đã ký)"),
    ]
    return _layout("bien_ban_hop_nhom_ca_nhan", blocks)


def uy_quyen_hkd(owner: Person, agent: Person, shop: Business, task: str, day: dt.date) -> Layout:
    """A power of attorney for a household business filing (no notarisation needed)."""
    return _layout("van_ban_uy_quyen_ho_kinh_doanh", [
        header(), title("VĂN BẢN ỦY QUYỀN"), sub("(V/v thực hiện thủ tục đăng ký hộ kinh doanh)"),
        text("Bên ủy quyền:"),
        f("Họ và tên", owner.name), f("Ngày sinh", dmy(owner.birth)), f("Số định danh cá nhân", owner.id_number),
        f("Chức danh", f"Chủ hộ kinh doanh {shop.name}, mã số {shop.code}"),
        text("Bên được ủy quyền:"),
        f("Họ và tên", agent.name), f("Ngày sinh", dmy(agent.birth)), f("Số định danh cá nhân", agent.id_number),
        f("Nơi cư trú", agent.address), f("Số điện thoại", "0916 402 558"),
        text(f"Nội dung ủy quyền: {task} tại cơ quan đăng ký kinh doanh cấp xã; nộp hồ sơ, sửa đổi, bổ sung hồ sơ "
             "và nhận kết quả."),
        text(f"Thời hạn ủy quyền: từ ngày {dmy(day)} đến ngày {dmy(day + dt.timedelta(days=60))}."),
        dated(place(owner), day),
        signature(["BÊN ĐƯỢC ỦY QUYỀN", "(Ký, ghi rõ họ tên)", "", agent.name],
                  ["BÊN ỦY QUYỀN", "(Ký, ghi rõ họ tên)", "", owner.name]),
    ])


def gcn_ho_kinh_doanh(owner: Person, shop: Business) -> Layout:
    """A household business registration certificate (issued by the district office before July 2025)."""
    return _layout("giay_chung_nhan_dang_ky_ho_kinh_doanh", [
        header(["ỦY BAN NHÂN DÂN", "QUẬN ĐỐNG ĐA", "PHÒNG TÀI CHÍNH - KẾ HOẠCH"]),
        title("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH"),
        f("Số", shop.code),
        f("Đăng ký lần đầu", long_date(shop.registered)),
        f("1. Tên hộ kinh doanh", shop.name.upper()),
        f("2. Địa chỉ trụ sở", shop.address),
        f("Điện thoại", "0904 618 233"),
        f("3. Ngành, nghề kinh doanh", shop.trade),
        f("4. Vốn kinh doanh", "200.000.000 đồng (Hai trăm triệu đồng)"),
        text("5. Thông tin về chủ hộ kinh doanh"),
        f("Họ và tên", owner.name.upper()),
        f("Giới tính", owner.sex_vi),
        f("Sinh ngày", dmy(owner.birth)),
        f("Dân tộc", "Kinh      Quốc tịch: Việt Nam"),
        f("Số định danh cá nhân", owner.id_number),
        f("Nơi thường trú", owner.address),
        signature([], ["TRƯỞNG PHÒNG", "(Ký, ghi họ tên)", "", "Nguyễn Thanh Tùng"]),
    ])


# ---------------------------------------------------------------------------------------------- land and wills


@dataclass
class Parcel:
    number: int
    sheet: int
    area: str
    address: str
    use: str
    book: str
    serial: str
    issued: dt.date


def _term(parcel: Parcel) -> str:
    return "Lâu dài" if parcel.use.startswith("Đất ở") else "Đến ngày 15/10/2063"


def gcn_dat(owner: Person, parcel: Parcel, style: int, owner_name: str | None = None) -> Layout:
    """A land certificate in one of three forms: 0 the 2009-2024 certificate (land, house and other assets), 1 the
    certificate issued since August 2024, 2 a copy of the red book of before 2009."""
    name = owner_name or owner.name
    if style == 1:
        blocks = [
            header(), title("GIẤY CHỨNG NHẬN"),
            sub("QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
            f("Số phát hành", parcel.serial),
            text("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất:"),
            f(f"{'Ông' if owner.sex == 'male' else 'Bà'}", name),
            f("Năm sinh", str(owner.birth.year)),
            f("Số định danh cá nhân", owner.id_number),
            f("Địa chỉ", owner.address),
            text("2. Thông tin thửa đất:"),
            f("Thửa đất số", f"{parcel.number}     Tờ bản đồ số: {parcel.sheet}"),
            f("Diện tích", parcel.area), f("Địa chỉ thửa đất", parcel.address),
            f("Loại đất", parcel.use), f("Hình thức sử dụng", "Sử dụng riêng"),
            f("Thời hạn sử dụng", _term(parcel)),
            f("Nguồn gốc sử dụng", "Nhận chuyển nhượng đất được Nhà nước giao đất có thu tiền sử dụng đất"),
            text("3. Thông tin tài sản gắn liền với đất: -/-"),
            f("Số vào sổ cấp Giấy chứng nhận", parcel.book),
            dated("Phú Thọ", parcel.issued),
            signature([], ["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC", "", "Trịnh Quang Vinh"]),
        ]
    elif style == 0:
        blocks = [
            header(), title("GIẤY CHỨNG NHẬN"),
            sub("QUYỀN SỬ DỤNG ĐẤT"), sub("QUYỀN SỞ HỮU NHÀ Ở VÀ TÀI SẢN KHÁC GẮN LIỀN VỚI ĐẤT"),
            f("Số phát hành", parcel.serial),
            text("I. Người sử dụng đất, chủ sở hữu nhà ở và tài sản khác gắn liền với đất"),
            text(f"{'Ông' if owner.sex == 'male' else 'Bà'}: {name.upper()}, sinh năm {owner.birth.year}, CCCD số "
                 f"{owner.id_number}; địa chỉ thường trú: {owner.address}"),
            text("II. Thửa đất, nhà ở và tài sản khác gắn liền với đất"),
            text(f"1. Thửa đất: a) Thửa đất số: {parcel.number}; Tờ bản đồ số: {parcel.sheet}; b) Địa chỉ: "
                 f"{parcel.address}; c) Diện tích: {parcel.area}; d) Hình thức sử dụng: Sử dụng riêng; "
                 f"đ) Mục đích sử dụng: {parcel.use}; e) Thời hạn sử dụng: {_term(parcel)}; g) Nguồn gốc sử dụng: Công "
                 "nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất."),
            text("2. Nhà ở: -/-      3. Công trình xây dựng khác: -/-      4. Rừng sản xuất là rừng trồng: -/-"),
            text("5. Cây lâu năm: -/-      6. Ghi chú: -/-"),
            dated("Phú Thọ", parcel.issued),
            signature([], ["TM. ỦY BAN NHÂN DÂN HUYỆN", "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH", "", "Hà Quang Trung"]),
            f("Số vào sổ cấp GCN", parcel.book),
        ]
    else:
        blocks = [
            header(), title("GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT"),
            text("ỦY BAN NHÂN DÂN HUYỆN PHÙ NINH chứng nhận:"),
            f("Tên người sử dụng đất", f"{'Ông' if owner.sex == 'male' else 'Bà'} {name}, năm sinh "
                                       f"{owner.birth.year}"),
            f("Địa chỉ", owner.address),
            text("Được quyền sử dụng thửa đất sau:"),
            text("Thửa đất số | Tờ bản đồ số | Diện tích (m2) | Mục đích sử dụng | Thời hạn sử dụng"),
            text(f"{parcel.number} | {parcel.sheet} | {parcel.area.replace(' m2', '')} | {parcel.use} | "
                 f"{_term(parcel)}"),
            f("Địa chỉ thửa đất", parcel.address),
            dated("Phù Ninh", parcel.issued),
            signature([], ["TM. ỦY BAN NHÂN DÂN HUYỆN", "CHỦ TỊCH", "", "Bùi Văn Cương"]),
            f("Số vào sổ cấp giấy chứng nhận quyền sử dụng đất", parcel.book),
        ]
    blocks.append(certified(3108, "09/2026-SCT/BS", dt.date(2026, 10, 19), "Ủy ban nhân dân " + ward(owner)))
    return _layout("giay_chung_nhan_quyen_su_dung_dat", blocks)


def di_chuc(testator: Person, heir: Person, estate: str, day: dt.date, testator_id: str | None = None) -> Layout:
    """The draft of a will brought for certification."""
    kin = "con trai" if heir.sex == "male" else "con gái"
    return _layout("di_chuc", [
        header(), title("DI CHÚC"),
        text(f"Hôm nay, {long_date(day)}, tại trụ sở Ủy ban nhân dân {ward(testator)}, tôi là:"),
        f("Họ và tên", testator.name),
        f("Sinh ngày", dmy(testator.birth)),
        f("Căn cước công dân số", testator_id or testator.id_number),
        f("Nơi thường trú", testator.address),
        text("Trong trạng thái tinh thần minh mẫn, sáng suốt, hoàn toàn tự nguyện, không bị lừa dối, đe dọa hay "
             "cưỡng ép, tôi lập di chúc này để định đoạt tài sản của mình sau khi tôi qua đời như sau:"),
        text(f"1. Tài sản của tôi gồm: {estate}"),
        text(f"2. Sau khi tôi qua đời, toàn bộ tài sản nêu trên tôi để lại cho {kin} là {heir.name}, sinh ngày "
             f"{dmy(heir.birth)}, số định danh cá nhân {heir.id_number}, cư trú tại {heir.address}."),
        text(f"3. {heir.name} có trách nhiệm thờ cúng tổ tiên và chăm lo mồ mả ông bà."),
        text("4. Ngoài người nêu trên, tôi không để lại di sản cho ai khác. Di chúc này thay thế mọi di chúc tôi "
             "lập trước đây (nếu có)."),
        text("Di chúc gồm 01 trang, lập thành 03 bản có giá trị pháp lý như nhau. Tôi đã đọc lại toàn bộ nội dung, "
             "hiểu rõ và đồng ý ký tên dưới đây."),
        signature([], ["NGƯỜI LẬP DI CHÚC", "(Ký và ghi rõ họ tên)", "", testator.name]),
    ])


def don_tach_thua(owner: Person, parcel: Parcel, parts: list[str], reason: str, attached: list[str],
                  owner_name: str | None = None) -> Layout:
    """Application to split a land parcel (Mẫu số 21, Decree 151/2025/NĐ-CP)."""
    return _layout("don_de_nghi_tach_thua", [
        text("Mẫu số 21 - Ban hành kèm theo Nghị định số 151/2025/NĐ-CP"),
        header(), title("ĐƠN ĐỀ NGHỊ TÁCH THỬA ĐẤT, HỢP THỬA ĐẤT"),
        text("Kính gửi: Chi nhánh Văn phòng đăng ký đất đai khu vực Phù Ninh"),
        text("1. Người sử dụng đất:"),
        f("1.1. Tên (viết chữ in hoa)", (owner_name or owner.name).upper()),
        f("Năm sinh", str(owner.birth.year)),
        f("Giấy tờ nhân thân", f"Căn cước số {owner.id_number}"),
        f("1.2. Địa chỉ", owner.address),
        text("2. Đề nghị tách thửa đất như sau:"),
        f("Thửa đất số", f"{parcel.number}     Tờ bản đồ số: {parcel.sheet}"),
        f("Địa chỉ thửa đất", parcel.address),
        f("Diện tích", parcel.area),
        f("Số vào sổ cấp GCN", f"{parcel.book}     Số phát hành: {parcel.serial}"),
        f("Tách thành", f"{len(parts):02d} thửa: " + "; ".join(parts)),
        f("3. Lý do tách thửa", reason),
        text("4. Giấy tờ nộp kèm theo đơn này gồm: " + "; ".join(attached) + "."),
        text("Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm trước "
             "pháp luật."),
        dated("Phù Ninh", dt.date(2026, 11, 3)),
        signature([], ["NGƯỜI VIẾT ĐƠN", "(Ký, ghi rõ họ tên)", "", owner_name or owner.name]),
    ])


def ban_ve_tach_thua(owner: Person, parcel: Parcel, parts: list[tuple[str, str]]) -> Layout:
    """Parcel split drawing (Mẫu số 22), its coordinates and areas written out as rows."""
    rows = [text(f"{label} | {area} | {parcel.use}") for label, area in parts]
    return _layout("ban_ve_tach_thua", [
        header(["CÔNG TY TNHH ĐO ĐẠC", "VÀ BẢN ĐỒ HÙNG VƯƠNG", "Số: 118/2026/BV"]),
        text("Mẫu số 22"),
        title("BẢN VẼ TÁCH THỬA ĐẤT, HỢP THỬA ĐẤT"),
        f("Người sử dụng đất", owner.name),
        f("Thửa đất trước khi tách", f"số {parcel.number}, tờ bản đồ số {parcel.sheet}, diện tích {parcel.area}"),
        f("Địa chỉ thửa đất", parcel.address),
        text("Thửa đất sau khi tách | Diện tích | Loại đất"),
        *rows,
        text("Bảng tọa độ đỉnh thửa (Hệ tọa độ VN-2000):"),
        text("Điểm | X (m) | Y (m)"),
        text("1 | 2365412,18 | 541208,36"),
        text("2 | 2365419,74 | 541226,05"),
        text("3 | 2365404,51 | 541232,90"),
        text("4 | 2365396,88 | 541215,12"),
        text("Chiều dài cạnh: 1-2: 19,24 m; 2-3: 16,70 m; 3-4: 19,36 m; 4-1: 16,78 m. Đường phân chia: 5-6."),
        dated("Phù Ninh", dt.date(2026, 10, 28)),
        signature(["NGƯỜI SỬ DỤNG ĐẤT", "(Ký, ghi rõ họ tên)", "", owner.name],
                  ["ĐƠN VỊ ĐO ĐẠC", "(Ký, đóng dấu)", "", "Kỹ sư Tạ Văn Khải"]),
    ])


def qd_toa_an(owner: Person, sibling: Person, parcel: Parcel, parts: list[str]) -> Layout:
    """A court decision recognising the parties' agreement to divide a parcel."""
    return _layout("quyet_dinh_toa_an", [
        header(["TÒA ÁN NHÂN DÂN", "HUYỆN PHÙ NINH", "TỈNH PHÚ THỌ", "Số: 45/2024/QĐST-DS"]),
        title("QUYẾT ĐỊNH"), title("CÔNG NHẬN SỰ THỎA THUẬN CỦA CÁC ĐƯƠNG SỰ"),
        text("Căn cứ vào Điều 212 và Điều 213 của Bộ luật Tố tụng dân sự;"),
        text("Căn cứ vào biên bản hòa giải thành ngày 02 tháng 5 năm 2024 về việc các đương sự thỏa thuận được với "
             "nhau về việc giải quyết toàn bộ vụ án dân sự thụ lý số 27/2024/TLST-DS ngày 11 tháng 3 năm 2024,"),
        text("XÉT THẤY: Các thỏa thuận của các đương sự được ghi trong biên bản hòa giải thành là tự nguyện, không "
             "vi phạm điều cấm của luật và không trái đạo đức xã hội. Đã hết thời hạn 07 ngày, kể từ ngày lập biên "
             "bản hòa giải thành, không có đương sự nào thay đổi ý kiến về sự thỏa thuận đó."),
        title("QUYẾT ĐỊNH:"),
        text(f"1. Công nhận sự thỏa thuận của các đương sự: nguyên đơn {sibling.name}, sinh năm "
             f"{sibling.birth.year}, cư trú tại {sibling.address}; bị đơn {owner.name}, sinh năm {owner.birth.year}, "
             f"cư trú tại {owner.address}."),
        text(f"2. Sự thỏa thuận của các đương sự cụ thể như sau: chia thửa đất số {parcel.number}, tờ bản đồ số "
             f"{parcel.sheet}, diện tích {parcel.area} tại {parcel.address} thành hai phần: {parts[0]} thuộc quyền "
             f"sử dụng của {owner.name}; {parts[1]} thuộc quyền sử dụng của {sibling.name}."),
        text("3. Quyết định này có hiệu lực pháp luật ngay sau khi được ban hành và không bị kháng cáo, kháng nghị "
             "theo thủ tục phúc thẩm."),
        signature(["Nơi nhận:", "- Các đương sự;", "- Lưu hồ sơ vụ án."], ["THẨM PHÁN", "", "",
                                                                          "Lương Thị Thu Hà"]),
    ])


def don_bien_dong(owner: Person, parcel: Parcel, content: str, reason: str, attached: list[str],
                  agent: Person | None = None) -> Layout:
    """Land change registration form (Mẫu số 18, Decree 151/2025/NĐ-CP)."""
    signer = agent or owner
    blocks = [
        header(["Mẫu số 18", "(Ban hành kèm theo Nghị định", "số 151/2025/NĐ-CP)"]),
        title("ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI,"), title("TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        text("Kính gửi: Chi nhánh Văn phòng đăng ký đất đai khu vực Phù Ninh"),
        text("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
        f("1.1. Tên người sử dụng đất (viết chữ in hoa)", owner.name.upper()),
        f("1.2. Giấy tờ nhân thân", f"Căn cước công dân số {owner.id_number}; năm sinh: {owner.birth.year}"),
        f("1.3. Địa chỉ", owner.address),
    ]
    if agent:
        blocks += [f("Người được ủy quyền nộp hồ sơ", f"{agent.name}, sinh ngày {dmy(agent.birth)}, căn cước số "
                                                     f"{agent.id_number}")]
    blocks += [
        f("2. Giấy chứng nhận đã cấp: số vào sổ", f"{parcel.book}; số phát hành: {parcel.serial}; ngày cấp: "
                                                  f"{dmy(parcel.issued)}"),
        f("3. Thửa đất có thay đổi", f"thửa số {parcel.number}, tờ bản đồ số {parcel.sheet}, diện tích "
                                     f"{parcel.area}, tại {parcel.address}"),
        f("4. Nội dung biến động", content),
        f("5. Lý do biến động", reason),
        f("6. Giấy tờ liên quan nộp kèm theo", "; ".join(attached)),
        text("Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật, nếu sai tôi hoàn toàn chịu trách nhiệm trước "
             "pháp luật."),
        dated("Phù Ninh", dt.date(2026, 11, 4)),
        signature([], ["NGƯỜI VIẾT ĐƠN", "(Ký, ghi rõ họ tên, đóng dấu nếu có)", "", signer.name]),
    ]
    return _layout("don_dang_ky_bien_dong", blocks)


def trich_do(owner: Person, parcel: Parcel) -> Layout:
    """Cadastral survey extract of one parcel, edges written as rows."""
    return _layout("manh_trich_do_dia_chinh", [
        header(["SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "Số: 86-2026/TĐ"]),
        title("MẢNH TRÍCH ĐO ĐỊA CHÍNH"), sub(f"Thửa đất số {parcel.number}, tờ bản đồ số {parcel.sheet}"),
        f("Địa chỉ thửa đất", parcel.address),
        f("Tên người sử dụng đất", owner.name),
        f("Diện tích đo đạc", parcel.area),
        f("Mục đích sử dụng hiện trạng", parcel.use),
        f("Hệ tọa độ", "VN-2000, múi chiếu 3 độ"),
        text("Cạnh | Chiều dài (m) | Tiếp giáp"),
        text("1-2 | 24,35 | Đường giao thông nông thôn"),
        text("2-3 | 41,08 | Thửa đất số 318"),
        text("3-4 | 23,90 | Mương thủy lợi"),
        text("4-1 | 40,62 | Thửa đất số 320"),
        text("Diện tích sau đo đạc không thay đổi so với Giấy chứng nhận đã cấp. Ranh giới thửa đất đã được các "
             "chủ sử dụng đất liền kề ký xác nhận."),
        dated("Phù Ninh", dt.date(2026, 10, 24)),
        signature(["NGƯỜI ĐO ĐẠC", "", "", "Lý Văn Thịnh"], ["GIÁM ĐỐC CHI NHÁNH", "(Ký, đóng dấu)", "",
                                                           "Nguyễn Quang Hải"]),
    ])


def hop_dong_uy_quyen(owner: Person, agent: Person, parcel: Parcel) -> Layout:
    """A notarised authorisation contract for a land filing."""
    return _layout("hop_dong_uy_quyen", [
        header(), title("HỢP ĐỒNG ỦY QUYỀN"),
        text("Hôm nay, ngày 22/10/2026, tại Văn phòng công chứng Hùng Vương, tỉnh Phú Thọ, chúng tôi gồm:"),
        text(f"BÊN ỦY QUYỀN (Bên A): {'Ông' if owner.sex == 'male' else 'Bà'} {owner.name}, sinh ngày "
             f"{dmy(owner.birth)}, căn cước công dân số {owner.id_number}, cư trú tại {owner.address}."),
        text(f"BÊN ĐƯỢC ỦY QUYỀN (Bên B): {'Ông' if agent.sex == 'male' else 'Bà'} {agent.name}, sinh ngày "
             f"{dmy(agent.birth)}, căn cước công dân số {agent.id_number}, cư trú tại {agent.address}."),
        text("Điều 1. Phạm vi ủy quyền: Bên B được thay mặt Bên A lập, ký, nộp hồ sơ đăng ký biến động chuyển mục "
             f"đích sử dụng đất đối với thửa đất số {parcel.number}, tờ bản đồ số {parcel.sheet}, diện tích "
             f"{parcel.area} tại {parcel.address}, Giấy chứng nhận số vào sổ {parcel.book}; nhận kết quả."),
        text("Điều 2. Thời hạn ủy quyền: 12 tháng kể từ ngày hợp đồng được công chứng."),
        text("Điều 3. Thù lao: Bên B thực hiện công việc không có thù lao."),
        text("Điều 4. Hai bên cam đoan những thông tin về nhân thân trên đây là đúng sự thật và đã đọc lại, hiểu "
             "rõ, đồng ý toàn bộ nội dung hợp đồng."),
        signature(["BÊN A", "(Ký, ghi rõ họ tên)", "", owner.name], ["BÊN B", "(Ký, ghi rõ họ tên)", "",
                                                                    agent.name]),
        text("LỜI CHỨNG CỦA CÔNG CHỨNG VIÊN: Các bên giao kết hợp đồng đã tự nguyện, có năng lực hành vi dân sự "
             "theo quy định của pháp luật; nội dung hợp đồng không vi phạm pháp luật, không trái đạo đức xã hội. "
             "Số công chứng 4127, quyển số 10/2026 TP/CC-SCC/HĐGD."),
        signature([], ["CÔNG CHỨNG VIÊN", "", "", "Trần Đức Nghĩa"]),
    ])


# ---------------------------------------------------------------------------------------------- insurance


@dataclass
class Officer:
    name: str
    rank: str
    badge: str
    unit: str


def to_khai_bhyt(member: Person, officer: Officer, relation: str, clinic: str) -> Layout:
    """Health insurance enrolment form of a police officer's relative (Mẫu 01-BK)."""
    return _layout("to_khai_tham_gia_bhyt", [
        text("Mẫu 01-BK"),
        header(), title("TỜ KHAI THAM GIA BẢO HIỂM Y TẾ"),
        sub("(Dùng cho thân nhân sĩ quan, hạ sĩ quan, chiến sĩ, công nhân Công an)"),
        text("I. THÔNG TIN NGƯỜI THAM GIA"),
        f("1. Họ và tên (viết chữ in hoa)", member.name.upper()),
        f("2. Ngày, tháng, năm sinh", dmy(member.birth)),
        f("3. Giới tính", member.sex_vi),
        f("4. Số định danh cá nhân", member.id_number),
        f("5. Nơi cư trú", member.address),
        f("6. Quan hệ với cán bộ, chiến sĩ", relation),
        f("7. Nơi đăng ký khám bệnh, chữa bệnh ban đầu", clinic),
        text("II. THÔNG TIN CÁN BỘ, CHIẾN SĨ"),
        f("Họ và tên", officer.name),
        f("Cấp bậc", f"{officer.rank}      Số hiệu: {officer.badge}"),
        f("Đơn vị công tác", officer.unit),
        text("Tôi cam đoan người có tên trên chưa tham gia bảo hiểm y tế theo nhóm đối tượng khác; những nội dung "
             "kê khai là đúng sự thật."),
        dated("Thanh Hóa", dt.date(2026, 10, 29)),
        signature(["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên)", "", "Thiếu tá Lê Đình Hòa"],
                  ["NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)", "", officer.name]),
    ])


def danh_sach_01ds(rows: list[tuple[Person, str, Officer]], clinic: str) -> Layout:
    """The police unit's list of participants (Mẫu 01-DS), its table written as rows."""
    lines = [text(f"{n} | {p.name} | {dmy(p.birth)} | {p.sex_vi} | {p.id_number} | {rel} của {o.rank.lower()} "
                  f"{o.name} | {clinic}") for n, (p, rel, o) in enumerate(rows, start=1)]
    return _layout("danh_sach_01_ds", [
        header(["BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA", "Mẫu 01-DS"]),
        title("DANH SÁCH"),
        sub("Người lao động, học sinh, sinh viên và thân nhân sĩ quan, hạ sĩ quan, chiến sĩ trong Công an nhân "
            "dân tham gia bảo hiểm y tế"),
        text("Đơn vị đề nghị: Công an tỉnh Thanh Hóa        Tháng 11 năm 2026"),
        text("STT | Họ và tên | Ngày sinh | Giới tính | Số định danh cá nhân | Quan hệ với CBCS | Nơi KCB ban đầu"),
        *lines,
        text(f"Tổng cộng: {len(rows):02d} người. Thời hạn sử dụng thẻ đề nghị cấp: từ ngày 01/12/2026."),
        dated("Thanh Hóa", dt.date(2026, 11, 5)),
        signature(["NGƯỜI LẬP BIỂU", "", "", "Đại úy Phạm Thu Trang"],
                  ["TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ", "(Ký tên, đóng dấu)", "", "Đại tá Trịnh Văn Quyết"]),
    ])


def danh_sach_02ds(workers: list[tuple[Person, str]]) -> Layout:
    """List of workers already paying social insurance within the police (Mẫu 02-DS)."""
    lines = [text(f"{n} | {p.name} | {dmy(p.birth)} | {code} | Công nhân Công an | Trại giam Thanh Phong")
             for n, (p, code) in enumerate(workers, start=1)]
    return _layout("danh_sach_02_ds", [
        header(["BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA", "Mẫu 02-DS"]),
        title("DANH SÁCH NGƯỜI LAO ĐỘNG ĐANG THAM GIA"), title("BẢO HIỂM XÃ HỘI TRONG CÔNG AN NHÂN DÂN"),
        text("STT | Họ và tên | Ngày sinh | Mã số BHXH | Đối tượng | Đơn vị"),
        *lines,
        text(f"Tổng cộng: {len(workers):02d} người."),
        signature(["XÁC NHẬN CỦA BẢO HIỂM XÃ HỘI", "CÔNG AN NHÂN DÂN", "", "Thượng tá Đoàn Minh Chiến"],
                  ["TRƯỞNG PHÒNG TỔ CHỨC CÁN BỘ", "", "", "Đại tá Trịnh Văn Quyết"]),
    ])


def van_ban_de_nghi_02bk(count: int) -> Layout:
    """The police unit's request to the provincial social insurance office to issue cards (Mẫu 02-BK)."""
    return _layout("van_ban_de_nghi_cap_the_bhyt", [
        header(["BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA", "Số: 1853/CAT-PX01"]),
        text("Mẫu 02-BK"),
        title("VĂN BẢN ĐỀ NGHỊ"), sub("V/v cấp thẻ bảo hiểm y tế"),
        text("Kính gửi: Bảo hiểm xã hội tỉnh Thanh Hóa"),
        text("Căn cứ Luật Bảo hiểm y tế; Nghị định số 70/2015/NĐ-CP ngày 01/9/2015 của Chính phủ quy định chi tiết "
             "và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế đối với Quân đội nhân dân, Công an nhân dân "
             "và người làm công tác cơ yếu;"),
        text(f"Công an tỉnh Thanh Hóa đề nghị Bảo hiểm xã hội tỉnh Thanh Hóa cấp thẻ bảo hiểm y tế cho {count:02d} "
             "người là thân nhân cán bộ, chiến sĩ thuộc Công an tỉnh (có danh sách Mẫu 01-DS kèm theo)."),
        f("Thời hạn sử dụng thẻ", "từ ngày 01/12/2026 đến ngày 30/11/2027"),
        f("Kinh phí đóng", "do ngân sách nhà nước bảo đảm theo quy định"),
        f("Đầu mối liên hệ", "Phòng Tổ chức cán bộ, điện thoại 069 2862 114"),
        text("Đề nghị Bảo hiểm xã hội tỉnh xem xét, giải quyết./."),
        signature(["Nơi nhận:", "- Như trên;", "- Lưu: VT, PX01."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "",
                                                                    "Đại tá Lê Văn Tuấn"]),
    ])


def so_bhxh(person: Person, code: str, periods: list[tuple[str, str, str, str]], total: str,
            birth: dt.date | None = None) -> Layout:
    """A social insurance book: the cover data and the contribution record, written as rows."""
    rows = [text(f"{a} | {b} | {c} | {d}") for a, b, c, d in periods]
    return _layout("so_bao_hiem_xa_hoi", [
        header(["BẢO HIỂM XÃ HỘI VIỆT NAM"]),
        title("SỔ BẢO HIỂM XÃ HỘI"),
        f("Số", code),
        f("Họ và tên", person.name.upper()),
        f("Ngày tháng năm sinh", dmy(birth or person.birth)),
        f("Giới tính", person.sex_vi),
        f("Số CCCD/Số định danh cá nhân", person.id_number),
        f("Cấp ngày", "12/04/2019"),
        text("QUÁ TRÌNH ĐÓNG BẢO HIỂM XÃ HỘI BẮT BUỘC"),
        text("Từ tháng năm | Đến tháng năm | Diễn giải (cấp bậc, chức vụ, chức danh nghề, điều kiện, nơi làm việc) "
             "| Căn cứ đóng"),
        *rows,
        text(f"Tổng thời gian đóng: {total}"),
        signature(["Người lao động", "", "", person.name], ["GIÁM ĐỐC BẢO HIỂM XÃ HỘI", "(Ký, đóng dấu)", "",
                                                              "Vương Thị Hằng"]),
    ])


def don_14hsb(person: Person, code: str, reason: str, total: str, birth: dt.date | None = None) -> Layout:
    """Application for one-time social insurance (Mẫu số 14-HSB)."""
    return _layout("don_de_nghi_14_hsb", [
        header(["BẢO HIỂM XÃ HỘI VIỆT NAM", "Mẫu số 14-HSB"]),
        title("ĐƠN ĐỀ NGHỊ"), sub("Hưởng bảo hiểm xã hội một lần"),
        text("Kính gửi: Cơ quan Bảo hiểm xã hội"),
        f("Họ, chữ đệm và tên", person.name),
        f("Ngày, tháng, năm sinh", dmy(birth or person.birth)),
        f("Giới tính", person.sex_vi),
        f("Mã số BHXH", code),
        f("Số CCCD/ĐDCN/Hộ chiếu", person.id_number),
        f("Số điện thoại", "0975 113 602"),
        f("Địa chỉ nơi cư trú", person.address),
        f("Thời gian đóng bảo hiểm xã hội", total),
        f("Nay tôi đề nghị được hưởng bảo hiểm xã hội một lần với lý do", reason),
        text("Hình thức nhận: qua tài khoản cá nhân. Số tài khoản: 19037562841017; tại Ngân hàng TMCP Kỹ thương Việt "
             "Nam (Techcombank)."),
        text("Tôi xin cam đoan nội dung đề nghị trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về "
             "những nội dung đã kê khai."),
        dated(place(person), dt.date(2026, 11, 9)),
        signature([], ["NGƯỜI ĐỀ NGHỊ", "(Ký, ghi rõ họ tên)", "", person.name]),
    ])


def ban_dich_the_thuong_tru(person: Person, translator: str) -> Layout:
    """A certified Vietnamese translation of a foreign permanent resident card."""
    surname, *rest = person.name.split()
    return _layout("ban_dich_the_thuong_tru", [
        title("BẢN DỊCH"), sub("(Dịch từ tiếng Anh sang tiếng Việt)"),
        text("HỢP CHỦNG QUỐC HOA KỲ"),
        text("THẺ THƯỜNG TRÚ NHÂN"),
        f("Họ", surname.upper()),
        f("Tên", " ".join(rest).upper()),
        f("Số USCIS", "219-604-775"),
        f("Diện", "IR1"),
        f("Nơi sinh", "Việt Nam"),
        f("Ngày sinh", dmy(person.birth)),
        f("Giới tính", "Nữ" if person.sex == "female" else "Nam"),
        f("Thẻ hết hạn", "04/06/2036"),
        f("Thường trú từ", "04/06/2026"),
        text(f"LỜI CAM ĐOAN CỦA NGƯỜI DỊCH: Tôi, {translator}, cam đoan đã dịch chính xác nội dung của giấy tờ này "
             "từ tiếng Anh sang tiếng Việt."),
        signature([], ["NGƯỜI DỊCH", "(Ký, ghi rõ họ tên)", "", translator]),
        text(f"LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC: Ngày 16/10/2026, tại Ủy ban nhân dân {ward(person)}, tôi "
             f"chứng thực đây là chữ ký của người dịch {translator}. Số chứng thực 377, quyển số 02/2026-SCT/CK,ĐC."),
        signature([], ["NGƯỜI THỰC HIỆN CHỨNG THỰC", "(Ký, đóng dấu)", "", "Đinh Văn Thọ"]),
    ])


def tom_tat_benh_an(person: Person, admitted: dt.date) -> Layout:
    """Summary of a hospital record for a life-threatening illness."""
    return _layout("tom_tat_ho_so_benh_an", [
        header(["BỘ Y TẾ", "BỆNH VIỆN K", "Số lưu trữ: 26.118 427"]),
        title("TÓM TẮT HỒ SƠ BỆNH ÁN"),
        f("Họ và tên người bệnh", person.name.upper()),
        f("Ngày sinh", dmy(person.birth)),
        f("Giới tính", person.sex_vi),
        f("Số định danh cá nhân", person.id_number),
        f("Địa chỉ", person.address),
        f("Vào viện ngày", dmy(admitted)),
        f("Chẩn đoán", "Ung thư phổi không tế bào nhỏ giai đoạn IV, di căn xương"),
        text("Quá trình bệnh lý và diễn biến lâm sàng: người bệnh ho kéo dài, sút 9 kg trong 3 tháng; chụp cắt lớp "
             "vi tính phát hiện khối u thùy trên phổi phải, sinh thiết xác định ung thư biểu mô tuyến."),
        text("Phương pháp điều trị: hóa trị 04 đợt, xạ trị giảm đau."),
        text("Tình trạng người bệnh hiện tại: thể trạng suy kiệt, nằm tại giường, không tự phục vụ được sinh hoạt "
             "cá nhân, cần người chăm sóc thường xuyên."),
        dated("Hà Nội", admitted + dt.timedelta(days=52)),
        signature(["TRƯỞNG KHOA", "", "", "PGS.TS. Đỗ Hùng Kiên"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "",
                                                                     "TS. Lê Văn Quảng"]),
    ])


@dataclass
class Stay:
    admitted: dt.date
    discharged: dt.date
    diagnosis: str


def giay_ra_vien(person: Person, code: str, stay: Stay, hospital: tuple[str, str, str]) -> Layout:
    """Hospital discharge paper."""
    department, name, city = hospital
    return _layout("giay_ra_vien", [
        header([department, name, "Số lưu trữ: 26.015482", "Mã y tế: 0126 0548 1"]),
        title("GIẤY RA VIỆN"),
        f("Họ tên người bệnh", person.name.upper()),
        f("Ngày, tháng, năm sinh", dmy(person.birth)),
        f("Giới tính", f"{person.sex_vi}      Dân tộc: Kinh"),
        f("Nghề nghiệp", "Công nhân"),
        f("Mã số BHXH/Thẻ BHYT số", code),
        f("Số định danh cá nhân", person.id_number),
        f("Địa chỉ", person.address),
        f("Vào viện lúc", f"09 giờ 20 phút, ngày {dmy(stay.admitted)}"),
        f("Ra viện lúc", f"15 giờ 00 phút, ngày {dmy(stay.discharged)}"),
        f("Chẩn đoán", stay.diagnosis),
        f("Phương pháp điều trị", "Điều trị nội khoa"),
        f("Ghi chú", "Tái khám theo hẹn"),
        dated(city, stay.discharged),
        signature(["TRƯỞNG KHOA", "", "", "BSCKI. Hà Thị Liên"], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "",
                                                                  "BSCKII. Trần Quốc Việt"]),
    ])


def gcn_nghi_viec(person: Person, code: str, employer: str, start: dt.date, days: int, diagnosis: str) -> Layout:
    """Certificate of sick leave with social insurance benefit, first copy."""
    end = start + dt.timedelta(days=days - 1)
    return _layout("giay_chung_nhan_nghi_viec_huong_bhxh", [
        header(["SỞ Y TẾ HÀ NỘI", "BỆNH VIỆN ĐA KHOA XANH PÔN", "Số: 0528/KCB", "Số seri: 2610047"]),
        title("GIẤY CHỨNG NHẬN"), title("NGHỈ VIỆC HƯỞNG BẢO HIỂM XÃ HỘI"), sub("Liên số 1"),
        text("I. Thông tin người bệnh"),
        f("Họ và tên", person.name),
        f("Ngày sinh", dmy(person.birth)),
        f("Giới tính", person.sex_vi),
        f("Mã số BHXH/Số thẻ BHYT", code),
        f("Số định danh cá nhân", person.id_number),
        f("Đơn vị làm việc", employer),
        text("II. Chẩn đoán và phương pháp điều trị"),
        f("Chẩn đoán", diagnosis),
        f("Phương pháp điều trị", "Điều trị ngoại trú, dùng thuốc theo đơn"),
        text(f"III. Số ngày cho nghỉ: {days:02d} ngày (Từ ngày {dmy(start)} đến hết ngày {dmy(end)})"),
        dated("Hà Nội", start),
        signature(["XÁC NHẬN CỦA THỦ TRƯỞNG", "CƠ SỞ KHÁM BỆNH, CHỮA BỆNH", "", "(đã ký, đóng dấu)"],
                  ["NGƯỜI HÀNH NGHỀ", "KHÁM BỆNH, CHỮA BỆNH", "", "BS. Nguyễn Phương Thảo"]),
    ])


def giay_chuyen_tuyen(person: Person, code: str, start: dt.date, moved: dt.date) -> Layout:
    """Referral between hospitals during inpatient treatment."""
    return _layout("giay_chuyen_tuyen", [
        header(["SỞ Y TẾ PHÚ THỌ", "TRUNG TÂM Y TẾ PHÙ NINH", f"Số: 1204/{moved.year}/GCT"]),
        title("GIẤY CHUYỂN TUYẾN"), title("KHÁM BỆNH, CHỮA BỆNH BẢO HIỂM Y TẾ"),
        text("Kính gửi: Bệnh viện đa khoa tỉnh Phú Thọ"),
        text("Trung tâm Y tế Phù Ninh trân trọng giới thiệu:"),
        f("Họ và tên người bệnh", person.name),
        f("Ngày sinh", dmy(person.birth)),
        f("Giới tính", person.sex_vi),
        f("Địa chỉ", person.address),
        f("Số thẻ bảo hiểm y tế", code),
        f("Đã được khám bệnh, điều trị", f"nội trú từ ngày {dmy(start)} đến ngày {dmy(moved)}"),
        f("Dấu hiệu lâm sàng", "Sốt cao liên tục, đau hạ sườn phải"),
        f("Chẩn đoán", "Áp xe gan"),
        f("Tình trạng người bệnh lúc chuyển tuyến", "Tỉnh, mạch 96 lần/phút, huyết áp 110/70 mmHg"),
        f("Lý do chuyển tuyến", "Đủ điều kiện chuyển tuyến; vượt quá khả năng chuyên môn"),
        f("Hướng điều trị", "Tiếp tục kháng sinh, chọc hút ổ áp xe"),
        f("Phương tiện vận chuyển", "Xe cứu thương"),
        dated("Phù Ninh", moved),
        signature(["Y, BÁC SĨ KHÁM, ĐIỀU TRỊ", "", "", "BS. Kiều Văn Hưng"],
                  ["NGƯỜI CÓ THẨM QUYỀN CHUYỂN TUYẾN", "(Ký, đóng dấu)", "", "BSCKII. Nguyễn Văn Thụ"]),
    ])


def danh_sach_01bhsb(company: str, unit_code: str, rows: list[tuple[Person, str, str, dt.date, dt.date]],
                     day: dt.date) -> Layout:
    """Employer's list of sickness, maternity and recovery claims (Mẫu 01B-HSB), part A written as rows."""
    lines = [text(f"{n} | {p.name} | {code} | {cond} | {dmy(a)} | {dmy(b)} | {(b - a).days + 1}")
             for n, (p, code, cond, a, b) in enumerate(rows, start=1)]
    return _layout("danh_sach_01b_hsb", [
        header(["Tên đơn vị:", company, f"Mã đơn vị: {unit_code}", "Mẫu số: 01B-HSB"]),
        title("DANH SÁCH ĐỀ NGHỊ GIẢI QUYẾT HƯỞNG CHẾ ĐỘ"),
        title("ỐM ĐAU, THAI SẢN, DƯỠNG SỨC PHỤC HỒI SỨC KHỎE"),
        sub(f"Tháng {day.month:02d} năm {day.year}"),
        text("Số hiệu tài khoản: 1160 0004 17258, mở tại: Ngân hàng TMCP Công Thương Việt Nam, chi nhánh Đông Anh"),
        text("A. CHẾ ĐỘ ỐM ĐAU"),
        text("I. Bản thân ốm thường"),
        text("STT | Họ và tên | Mã số BHXH | Điều kiện tính hưởng | Từ ngày | Đến ngày | Số ngày đề nghị"),
        *lines,
        text(f"Cộng: {len(rows):02d} người"),
        text("B. CHẾ ĐỘ THAI SẢN: không phát sinh.      C. DƯỠNG SỨC, PHỤC HỒI SỨC KHỎE: không phát sinh."),
        dated("Đông Anh", day),
        signature(["NGƯỜI LẬP", "(Ký, ghi rõ họ tên)", "", "Chu Thị Bích"],
                  ["THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên, đóng dấu)", "", "Giám đốc Quách Văn Lực"]),
    ])


# ---------------------------------------------------------------------------------------------- residence


def ct01(person: Person, head: Person, relation: str, content: str, police: str, day: dt.date,
         owner_note: str = "") -> Layout:
    """Residence information change form (Mẫu CT01)."""
    head_is_self = head is person
    return _layout("to_khai_thay_doi_thong_tin_cu_tru", [
        header(["Mẫu CT01", "(Ban hành kèm theo Thông tư", "số 53/2025/TT-BCA)"]),
        title("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"),
        text(f"Kính gửi: Công an {police}"),
        f("1. Họ, chữ đệm và tên", person.name),
        f("2. Ngày, tháng, năm sinh", f"{dmy(person.birth)}        3. Giới tính: {person.sex_vi}"),
        f("4. Số định danh cá nhân", person.id_number),
        f("5. Số điện thoại liên hệ", "0358 627 114"),
        f("6. Email", "không có"),
        f("7. Họ, chữ đệm và tên chủ hộ", head.name),
        f("8. Mối quan hệ với chủ hộ", relation),
        f("9. Số định danh cá nhân của chủ hộ", head.id_number),
        f("10. Nội dung đề nghị", content),
        text("11. Những thành viên trong hộ gia đình cùng thay đổi:"),
        text("TT | Họ, chữ đệm và tên | Ngày, tháng, năm sinh | Giới tính | Số định danh cá nhân | Mối quan hệ "
             "với chủ hộ"),
        text("(không có)"),
        dated(police.split(" ", 1)[1], day),
        signature(["Ý KIẾN CỦA CHỦ HỘ", "(Ghi rõ nội dung và ký, ghi rõ họ tên)",
                   "Đồng ý" if not head_is_self else "", head.name if not head_is_self else ""],
                  ["NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)", "", person.name]),
        *([text(owner_note)] if owner_note else []),
    ])


def hop_dong_nha(owner: Person, guest: Person, address: str, area: str, rent: bool, day: dt.date) -> Layout:
    """A certified contract lending (letting someone live in) or renting out a house."""
    if rent:
        heading, a, b = "HỢP ĐỒNG THUÊ NHÀ Ở", "BÊN CHO THUÊ (Bên A)", "BÊN THUÊ (Bên B)"
        terms = [text(f"Điều 1. Bên A cho Bên B thuê toàn bộ căn nhà tại {address}, diện tích sử dụng {area}, để ở."),
                 text("Điều 2. Thời hạn thuê 36 tháng, từ ngày 01/11/2026; giá thuê 5.500.000 đồng/tháng, thanh toán "
                      "hằng tháng vào ngày 05."),
                 text("Điều 3. Bên A đồng ý để Bên B đăng ký thường trú tại nhà thuê.")]
    else:
        heading, a, b = "HỢP ĐỒNG CHO Ở NHỜ NHÀ Ở", "BÊN CHO Ở NHỜ (Bên A)", "BÊN Ở NHỜ (Bên B)"
        terms = [text(f"Điều 1. Bên A đồng ý cho Bên B ở nhờ tại nhà ở số {address}, diện tích sử dụng {area}, "
                      "thuộc quyền sở hữu hợp pháp của Bên A."),
                 text("Điều 2. Thời hạn ở nhờ: không xác định thời hạn. Bên B không phải trả tiền ở nhờ."),
                 text("Điều 3. Bên A đồng ý để Bên B đăng ký thường trú tại chỗ ở nêu trên.")]
    return _layout("hop_dong_nha_o", [
        header(), title(heading),
        text(f"Hôm nay, {long_date(day)}, chúng tôi gồm:"),
        text(a), f("Họ và tên", owner.name), f("Sinh ngày", dmy(owner.birth)),
        f("Số định danh cá nhân", owner.id_number), f("Nơi cư trú", owner.address),
        text(b), f("Họ và tên", guest.name), f("Sinh ngày", dmy(guest.birth)),
        f("Số định danh cá nhân", guest.id_number), f("Nơi cư trú hiện tại", guest.address),
        *terms,
        text("Hai bên đã đọc lại, hiểu rõ và cùng ký tên dưới đây."),
        signature([a.split(" (")[0], "", "", owner.name], [b.split(" (")[0], "", "", guest.name]),
        text(f"LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC: Hợp đồng được giao kết giữa {owner.name} và {guest.name}; "
             "các bên tự nguyện giao kết và đã ký trước mặt tôi. Số chứng thực 268, quyển số 03/2026-SCT/HĐGD."),
    ])


# ================================================================================================== the cases

HOSPITALS = [("SỞ Y TẾ HÀ NỘI", "BỆNH VIỆN PHỤ SẢN HÀ NỘI", "Hà Nội"),
             ("SỞ Y TẾ PHÚ THỌ", "BỆNH VIỆN SẢN NHI PHÚ THỌ", "Phú Thọ"),
             ("BỘ Y TẾ", "BỆNH VIỆN PHỤ SẢN TRUNG ƯƠNG", "Hà Nội")]
NEWBORN = (dt.date(2025, 3, 1), dt.date(2026, 9, 30))


def _hospital_name(hospital: tuple[str, str, str]) -> str:
    return hospital[1].capitalize().replace(hospital[2].lower(), hospital[2])


def _couple(cast: Cast) -> tuple[Person, Person, Person]:
    mother, father = cast.one("female", (1990, 2001)), cast.one("male", (1986, 1999))
    child = replace(cast.child(father, *NEWBORN), address=mother.address)
    return mother, father, child


def _birth_and_recognition(cast: Cast) -> list[DossierCase]:
    code = "1.000689"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(5):
        mother, father, child = _couple(cast)
        hospital = HOSPITALS[n % 3]
        tkks = tk_khai_sinh(mother if n % 2 == 0 else father, child, mother, father, "Mẹ" if n % 2 == 0 else "Cha",
                            _hospital_name(hospital), dt.date(2026, 10, 21 + n))
        nhan = tk_nhan_cha_me_con(father, child, mother, "Cha - con", dt.date(2026, 10, 21 + n))
        gcs = giay_chung_sinh(mother, child, hospital, f"{1180 + 37 * n}/GCS")
        adn = ket_qua_adn(father, child, f"{2400 + 11 * n}", dt.date(2026, 10, 2 + n))
        if n == 0:
            out.append(DossierCase("birth + recognition: both forms, birth notice and DNA result", code,
                                   [tkks, nhan, gcs, adn], {"c1", "c2", "c3", "c6"}))
        elif n == 1:
            witnesses = [cast.one(born=(1965, 1990)), cast.one(born=(1965, 1990))]
            out.append(DossierCase("birth + recognition: parents' sworn statement with two witnesses", code,
                                   [tkks, nhan, gcs, cam_doan_quan_he(father, mother, child, witnesses)],
                                   {"c1", "c2", "c3", "c7"}))
        elif n == 2:
            out.append(DossierCase("birth + recognition: recognition form left out", code, [tkks, gcs, adn],
                                   {"c1", "c3", "c6"}, {"c2"}, complete=False))
        elif n == 3:
            witness = cast.one(born=(1960, 1985))
            home = tk_khai_sinh(father, child, mother, father, "Cha", f"Nhà riêng, {mother.address}",
                                dt.date(2026, 10, 24))
            out.append(DossierCase("birth + recognition: home birth with a witness, father's ID card", code,
                                   [home, nhan, xac_nhan_lam_chung(witness, mother, child), adn, id_card(father)],
                                   {"c1", "c2", "c4", "c6", "c8"}))
        else:
            out.append(DossierCase("birth + recognition: no proof of the father-child relationship", code,
                                   [tkks, nhan, gcs], {"c1", "c2", "c3"}, {"c6"}, complete=False))
    return out


def _recognition(cast: Cast) -> list[DossierCase]:
    code = "1.001022"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(5):
        mother, father = cast.one("female", (1986, 1996)), cast.one("male", (1982, 1994))
        child = replace(cast.child(father, dt.date(2015, 1, 1), dt.date(2021, 12, 28)), address=mother.address)
        day = dt.date(2026, 11, 2 + n)
        nhan = tk_nhan_cha_me_con(father, child, mother, "Cha - con", day)
        adn = ket_qua_adn(father, child, f"{3110 + 7 * n}", dt.date(2026, 10, 5 + n))
        if n == 0:
            out.append(DossierCase("recognition: form and DNA result", code, [nhan, adn], {"c1", "c3"}))
        elif n == 1:
            witnesses = [cast.one(born=(1962, 1988)), cast.one(born=(1962, 1988))]
            out.append(DossierCase("recognition: sworn statement with two witnesses instead of DNA result", code,
                                   [nhan, cam_doan_quan_he(father, mother, child, witnesses)], {"c1", "c4"}))
        elif n == 2:
            out.append(DossierCase("recognition: only the DNA result", code, [adn], {"c3"}, {"c1"},
                                   complete=False))
        elif n == 3:
            wrong = tk_nhan_cha_me_con(father, child, mother, "Cha - con", day, claimant_id=cast.far_id(father))
            out.append(DossierCase("recognition: father's ID number on the form differs from his card", code,
                                   [wrong, adn, id_card(father)], {"c1", "c3", "c5"}, mismatch=True))
        else:
            out.append(DossierCase("recognition: marriage form handed in as well", code,
                                   [nhan, adn, tk_ket_hon(mother, father, day)], {"c1", "c3"}, unmatched=1))
    return out


def _marriage_again(cast: Cast) -> list[DossierCase]:
    code = "1.004746"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(4):
        wife, husband = cast.one("female", (1980, 1992)), cast.one("male", (1976, 1990))
        husband = replace(husband, address=wife.address)
        reg = Registration(f"Ủy ban nhân dân {ward(wife)}", dt.date(2009 + n, 3 + n, 8 + n), 31 + 4 * n,
                           f"01/{2009 + n}")
        day = dt.date(2026, 10, 26 + n)
        copy = gcn_ket_hon(wife, husband, reg, dt.date(2019, 6, 11))
        lost = "Sổ đăng ký kết hôn bị hư hỏng do bão số 3 (Yagi) năm 2024; bản chính Giấy chứng nhận bị thất lạc"
        form = tk_dang_ky_lai_ket_hon(wife, husband, reg, lost, day)
        if n == 0:
            out.append(DossierCase("marriage re-registration: form and copy of the certificate", code, [form, copy],
                                   {"c1", "c3"}))
        elif n == 1:
            both = ("Sổ đăng ký kết hôn bị hư hỏng do bão số 3 (Yagi) năm 2024; bản chính và bản sao Giấy chứng "
                    "nhận kết hôn đều bị mất")
            out.append(DossierCase("marriage re-registration: personal record showing the marriage", code,
                                   [tk_dang_ky_lai_ket_hon(wife, husband, reg, both, day),
                                    so_yeu_ly_lich(husband, wife, reg)], {"c1", "c4"}))
        elif n == 2:
            out.append(DossierCase("marriage re-registration: only the old certificate", code, [copy], {"c3"},
                                   {"c1"}, complete=False))
        else:
            wrong = tk_dang_ky_lai_ket_hon(wife, husband, reg, lost, day, wife_birth=far_birth(wife))
            out.append(DossierCase("marriage re-registration: wife's date of birth differs on the form", code,
                                   [wrong, copy, id_card(wife), id_card(husband, new=True)], {"c1", "c3", "c5"},
                                   mismatch=True))
    return out


def _death_again(cast: Cast) -> list[DossierCase]:
    code = "1.005461"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(4):
        deceased = cast.one("male" if n % 2 else "female", (1928, 1948))
        requester = cast.one(born=(1962, 1980), surname=deceased.name.split()[0] if n % 2 else None)
        deceased = replace(deceased, address=requester.address)
        died = dt.date(2010 + n, 2 + 2 * n, 5 + 3 * n)
        death = Death(died, "Bệnh viện Đà Nẵng" if n == 1 else "Tại nhà riêng",
                      "Suy hô hấp" if n == 1 else "Già yếu")
        reg = Registration(f"Ủy ban nhân dân {ward(deceased)}", died + dt.timedelta(days=6), 14 + 9 * n,
                           f"01/{died.year}")
        relation = "Con" if requester.birth.year - deceased.birth.year > 15 else "Cháu"
        day = dt.date(2026, 11, 10 + n)
        form = tk_dang_ky_lai_khai_tu(requester, deceased, death, reg, relation, day)
        old = giay_chung_tu(deceased, death, reg, requester, relation)
        if n == 0:
            out.append(DossierCase("death re-registration: form and copy of the death certificate", code,
                                   [form, old], {"c1", "c3"}))
        elif n == 1:
            out.append(DossierCase("death re-registration: hospital death notice instead of the certificate", code,
                                   [form, giay_bao_tu(deceased, death, f"{200 + n}")], {"c1", "c4"}))
        elif n == 2:
            agent = cast.one(born=(1975, 1995))
            task = f"thực hiện thủ tục đăng ký lại khai tử cho {deceased.name} tại Ủy ban nhân dân {ward(deceased)}"
            out.append(DossierCase("death re-registration: filed by an authorised person", code,
                                   [tk_dang_ky_lai_khai_tu(agent, deceased, death, reg, "Người được ủy quyền", day),
                                    old, giay_uy_quyen(requester, agent, task, dt.date(2026, 11, 3))],
                                   {"c1", "c3", "c5"}))
        else:
            removal = ct01(deceased, requester, "Cha" if deceased.sex == "male" else "Mẹ",
                           f"Xóa đăng ký thường trú do đã chết ngày {dmy(died)}", ward(requester), day)
            out.append(DossierCase("death re-registration: residence form instead of the re-registration form",
                                   code, [old, removal], {"c3"}, {"c1"}, complete=False, unmatched=1))
    return out


def _guardianship(cast: Cast) -> list[DossierCase]:
    code = "1.004837"
    cast.scope()
    out: list[DossierCase] = []
    # appointed guardians
    for n in range(3):
        guardian = cast.one(born=(1968, 1988))
        parent = cast.one("male", (1980, 1992))
        child = replace(cast.child(parent, dt.date(2012, 1, 1), dt.date(2019, 12, 28)), address=guardian.address)
        decision = qd_cu_giam_ho(guardian, child, f"{312 + 5 * n}", dt.date(2026, 10, 14 + n))
        reason = "Trẻ em không còn cha mẹ, không có người giám hộ đương nhiên; đã có quyết định cử người giám hộ"
        form = tk_giam_ho(guardian, child, "Giám hộ cử", reason, dt.date(2026, 10, 27 + n))
        if n == 0:
            out.append(DossierCase("guardianship: form and decision appointing the guardian", code,
                                   [form, decision], {"c1", "c5"}))
        elif n == 1:
            out.append(DossierCase("guardianship: only the appointment decision", code, [decision], {"c5"},
                                   {"c1"}, complete=False))
        else:
            wrong = tk_giam_ho(guardian, child, "Giám hộ cử", reason, dt.date(2026, 10, 29),
                               guardian_name=cast.far_name(guardian))
            out.append(DossierCase("guardianship: guardian's given name on the form differs", code,
                                   [wrong, decision, id_card(guardian)], {"c1", "c5", "c7"}, mismatch=True))
    # a natural guardian chosen among the grandparents
    grandma = cast.one("female", (1952, 1962))
    others = [cast.one("male", (1950, 1960)), cast.one("female", (1952, 1962)), cast.one("male", (1950, 1960))]
    father = cast.one("male", (1982, 1990), surname=others[0].name.split()[0])
    mother = cast.one("female", (1984, 1992), surname=others[2].name.split()[0], address=father.address)
    child = replace(cast.child(father, dt.date(2013, 1, 1), dt.date(2018, 12, 28)), address=grandma.address)
    accident = Death(dt.date(2025, 8, 14), "Quốc lộ 2, đoạn qua xã Phù Ninh, tỉnh Phú Thọ", "Tai nạn giao thông")
    reason = "Cha mẹ của trẻ đều đã chết; bà ngoại là người giám hộ đương nhiên theo thỏa thuận của ông bà"
    out.append(DossierCase("guardianship: natural guardian with the parents' death extracts and an agreement", code,
                           [tk_giam_ho(grandma, child, "Giám hộ đương nhiên", reason, dt.date(2026, 10, 30)),
                            trich_luc_khai_tu(father, accident, "57", dt.date(2025, 8, 19)),
                            trich_luc_khai_tu(mother, accident, "58", dt.date(2025, 8, 19)),
                            thoa_thuan_giam_ho(grandma, others, child, [father, mother])],
                           {"c1", "c3", "c4"}))
    return out


def _civil_status_change(cast: Cast) -> list[DossierCase]:
    code = "1.004859"
    cast.scope()
    out: list[DossierCase] = []
    # redetermining a child's ethnicity after the mother's, on the strength of the mother's birth certificate
    for n in range(2):
        mother, father = cast.one("female", (1984, 1992)), cast.one("male", (1980, 1990))
        child = replace(cast.child(father, dt.date(2012, 1, 1), dt.date(2018, 12, 28)), address=mother.address)
        grandma = cast.one("female", (1955, 1966))
        grandpa = cast.one("male", (1952, 1964), surname=mother.name.split()[0])
        mother_reg = Registration("Ủy ban nhân dân xã Thanh Miện", mother.birth + dt.timedelta(days=25), 88 + n,
                                  f"01/{mother.birth.year}")
        evidence = giay_khai_sinh(mother, grandma, grandpa, mother_reg, ethnic="Tày")
        child_reg = Registration(f"Ủy ban nhân dân {ward(mother)}", child.birth + dt.timedelta(days=20), 140 + n,
                                 f"01/{child.birth.year}")
        form = tk_thay_doi_ho_tich(
            mother, child, child_reg,
            [("Dân tộc đã đăng ký", "Kinh (theo dân tộc của cha)"),
             ("Nay đề nghị xác định lại dân tộc thành", "Tày (theo dân tộc của mẹ)")],
            "Cha mẹ thỏa thuận xác định lại dân tộc cho con theo dân tộc của mẹ; người cha đã đồng ý",
            "Mẹ", dt.date(2026, 11, 4 + n))
        if n == 0:
            out.append(DossierCase("civil status change: ethnicity redetermined, mother's birth certificate", code,
                                   [form, evidence], {"c1", "c3"}))
        else:
            confirm = tk_xac_nhan_ho_tich(mother, child, "Mẹ", "Dân tộc và quê quán đã đăng ký khai sinh",
                                          "Bổ sung hồ sơ học tập", dt.date(2026, 11, 5))
            out.append(DossierCase("civil status change: confirmation form handed in instead of the change form",
                                   code, [evidence, confirm], {"c3"}, {"c1"}, complete=False, unmatched=1))
    # correcting the place of birth, no supporting paper
    person = cast.one(born=(1988, 2000))
    reg = Registration(f"Ủy ban nhân dân {ward(person)}", person.birth + dt.timedelta(days=30), 203,
                       f"01/{person.birth.year}")
    out.append(DossierCase("civil status change: correction of the place of birth without supporting paper", code,
                           [tk_thay_doi_ho_tich(person, person, reg,
                                                [("Nơi sinh đã đăng ký", "Trạm y tế xã Phù Ninh"),
                                                 ("Nay đề nghị cải chính thành",
                                                  "Bệnh viện đa khoa tỉnh Phú Thọ")],
                                                "Cán bộ hộ tịch ghi sai nơi sinh khi đăng ký khai sinh",
                                                "Bản thân", dt.date(2026, 11, 6))],
                           {"c1"}, {"c3"}, complete=False))
    # supplementing the place of origin through an authorised person, with the father's birth certificate
    person, agent = cast.one(born=(1986, 1998)), cast.one(born=(1980, 1996))
    father, grandpa, grandma = (cast.one("male", (1955, 1966), surname=person.name.split()[0]),
                                cast.one("male", (1930, 1940), surname=person.name.split()[0]),
                                cast.one("female", (1932, 1942)))
    reg = Registration(f"Ủy ban nhân dân {ward(person)}", person.birth + dt.timedelta(days=40), 317,
                       f"02/{person.birth.year}")
    father_reg = Registration("Ủy ban nhân dân xã Phù Ninh", father.birth + dt.timedelta(days=15), 52,
                              f"01/{father.birth.year}")
    task = "thực hiện thủ tục bổ sung thông tin quê quán trong Sổ đăng ký khai sinh của Bên A"
    out.append(DossierCase("civil status change: place of origin added, filed by an authorised person", code,
                           [tk_thay_doi_ho_tich(agent, person, reg,
                                                [("Quê quán đã đăng ký", "(bỏ trống)"),
                                                 ("Nay đề nghị bổ sung quê quán",
                                                  f"{father.province} (theo quê quán của cha)")],
                                                "Khi đăng ký khai sinh chưa ghi quê quán", "Người được ủy quyền",
                                                dt.date(2026, 11, 9)),
                            giay_khai_sinh(father, grandma, grandpa, father_reg),
                            giay_uy_quyen(person, agent, task, dt.date(2026, 11, 2))],
                           {"c1", "c3", "c4"}))
    return out


def _civil_status_confirmation(cast: Cast) -> list[DossierCase]:
    code = "2.002516"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(3):
        person = cast.one(born=(1984, 1999))
        mother, father = cast.one("female", (1955, 1972)), cast.one("male", (1953, 1970),
                                                                     surname=person.name.split()[0])
        reg = Registration(f"Ủy ban nhân dân {ward(person)}", person.birth + dt.timedelta(days=18), 96 + 21 * n,
                           f"01/{person.birth.year}")
        gks = giay_khai_sinh(person, mother, father, reg)
        content = ("Các thông tin đã đăng ký khai sinh và việc bổ sung quê quán đã ghi vào Sổ đăng ký khai sinh "
                   "năm 2019")
        purpose = ["Nộp hồ sơ xin thị thực định cư", "Bổ sung hồ sơ du học", "Nộp hồ sơ xin việc tại nước ngoài"][n]
        day = dt.date(2026, 11, 11 + n)
        if n == 0:
            out.append(DossierCase("civil status confirmation: form and birth certificate", code,
                                   [tk_xac_nhan_ho_tich(person, person, "Bản thân", content, purpose, day), gks],
                                   {"c1", "c3"}))
        elif n == 1:
            out.append(DossierCase("civil status confirmation: only the form", code,
                                   [tk_xac_nhan_ho_tich(person, person, "Bản thân", content, purpose, day)],
                                   {"c1"}, {"c3"}, complete=False))
        else:
            agent = cast.one(born=(1975, 1995))
            task = "thực hiện thủ tục đề nghị xác nhận thông tin hộ tịch của Bên A và nhận văn bản xác nhận"
            out.append(DossierCase("civil status confirmation: filed by an authorised person with an ID card", code,
                                   [tk_xac_nhan_ho_tich(agent, person, "Người được ủy quyền", content, purpose, day),
                                    gks, giay_uy_quyen(person, agent, task, dt.date(2026, 11, 8),
                                                       heading="VĂN BẢN ỦY QUYỀN"),
                                    id_card(agent, new=True)],
                                   {"c1", "c3", "c4", "c5"}))
    return out


def _shop(cast: Cast, owner: Person, name: str, trade: str, year: int) -> Business:
    number = f"8{cast.rng.randrange(10**8, 10**9)}"
    return Business(name, number, owner.address, trade, dt.date(year, 4, 16))


def _business_pause(cast: Cast) -> list[DossierCase]:
    code = "1.001570"
    cast.scope()
    out: list[DossierCase] = []
    names = ["Hộ kinh doanh Tạp hóa Hồng Phát", "Hộ kinh doanh Quán Phở Gia Truyền Thu Cúc",
             "Hộ kinh doanh Sửa chữa Xe máy Tuấn Hưng", "Hộ kinh doanh Cơm Văn phòng Bếp Nhà",
             "Hộ kinh doanh Điện thoại Minh Khang"]
    trades = ["Bán lẻ lương thực, thực phẩm, đồ uống", "Dịch vụ ăn uống", "Bảo dưỡng và sửa chữa mô tô, xe máy",
              "Dịch vụ ăn uống", "Bán lẻ thiết bị viễn thông"]
    for n in range(5):
        owner = cast.one(born=(1965, 1992))
        shop = _shop(cast, owner, names[n], trades[n], 2018 + n)
        start, end = dt.date(2026, 12, 1), dt.date(2027, 5, 31)
        pause = de_nghi_tam_ngung(owner, shop, start, end, ["Sửa chữa, cải tạo mặt bằng kinh doanh",
                                                            "Chủ hộ ốm đau, điều trị dài ngày",
                                                            "Di chuyển địa điểm kinh doanh",
                                                            "Gia đình có việc riêng",
                                                            "Khó khăn về nguồn hàng"][n], dt.date(2026, 11, 16))
        if n == 0:
            out.append(DossierCase("business pause: request", code, [pause], {"c1"}))
        elif n == 1:
            members = [owner, cast.one(born=(1965, 1995)), cast.one(born=(1965, 1995))]
            minutes = bien_ban_hop_nhom(members, shop, "đăng ký tạm ngừng kinh doanh",
                                        f"Thống nhất tạm ngừng kinh doanh từ ngày {dmy(start)} đến hết ngày "
                                        f"{dmy(end)}; giao chủ hộ kinh doanh {owner.name} làm thủ tục.",
                                        dt.date(2026, 11, 12))
            out.append(DossierCase("business pause: request and minutes of the founding group", code,
                                   [pause, minutes], {"c1", "c2"}))
        elif n == 2:
            agent = cast.one(born=(1985, 2000))
            out.append(DossierCase("business pause: authorised person with a copy of the owner's ID card", code,
                                   [pause, uy_quyen_hkd(owner, agent, shop, "thực hiện thủ tục đăng ký tạm ngừng "
                                                                            "kinh doanh", dt.date(2026, 11, 13)),
                                    id_card(owner)], {"c1", "c3", "c6"}))
        elif n == 3:
            agent = cast.one(born=(1985, 2000))
            out.append(DossierCase("business pause: only the authorisation", code,
                                   [uy_quyen_hkd(owner, agent, shop, "thực hiện thủ tục đăng ký tạm ngừng kinh "
                                                                     "doanh", dt.date(2026, 11, 13))],
                                   {"c3"}, {"c1"}, complete=False))
        else:
            out.append(DossierCase("business pause: registration certificate attached", code,
                                   [pause, gcn_ho_kinh_doanh(owner, shop)], {"c1"}, unmatched=1))
    return out


def _business_change(cast: Cast) -> list[DossierCase]:
    code = "2.000720"
    cast.scope()
    out: list[DossierCase] = []
    owner = cast.one(born=(1970, 1992))
    shop = _shop(cast, owner, "Hộ kinh doanh Văn phòng phẩm An Khang", "Bán lẻ sách, báo, văn phòng phẩm", 2020)
    new_address = "Số 46 phố Trần Phú, phường Hải Châu"
    out.append(DossierCase("business change: new address", code,
                           [de_nghi_thay_doi_hkd(owner, shop, [("Địa chỉ trụ sở trước khi thay đổi", shop.address),
                                                               ("Địa chỉ trụ sở sau khi thay đổi", new_address)],
                                                 dt.date(2026, 11, 17))], {"c1"}))
    owner = cast.one(born=(1970, 1992))
    shop = _shop(cast, owner, "Hộ kinh doanh Nông sản Sạch Thanh Bình", "Bán lẻ rau, quả", 2021)
    members = [owner, cast.one(born=(1968, 1995)), cast.one(born=(1968, 1995)), cast.one(born=(1968, 1995))]
    trade = "Bổ sung: Bán lẻ thịt và các sản phẩm thịt; Bán lẻ thủy sản"
    out.append(DossierCase("business change: new trade, minutes of the founding group", code,
                           [de_nghi_thay_doi_hkd(owner, shop, [("Ngành, nghề kinh doanh", trade),
                                                               ("Ngành, nghề kinh doanh chính", "Bán lẻ rau, quả")],
                                                 dt.date(2026, 11, 18)),
                            bien_ban_hop_nhom(members, shop, "đăng ký thay đổi ngành, nghề kinh doanh",
                                              f"Thống nhất bổ sung ngành, nghề kinh doanh: bán lẻ thịt và các sản "
                                              f"phẩm thịt, bán lẻ thủy sản; giao chủ hộ {owner.name} ký giấy đề "
                                              "nghị.", dt.date(2026, 11, 14))],
                           {"c1", "c2"}))
    owner, agent = cast.one(born=(1970, 1992)), cast.one(born=(1985, 2001))
    shop = _shop(cast, owner, "Hộ kinh doanh Gốm sứ Bát Tràng Hà Linh", "Bán lẻ đồ gốm, sứ", 2019)
    out.append(DossierCase("business change: new capital through an authorised person, pause request added", code,
                           [de_nghi_thay_doi_hkd(owner, shop, [("Vốn kinh doanh trước khi thay đổi",
                                                                "150.000.000 đồng"),
                                                               ("Vốn kinh doanh sau khi thay đổi",
                                                                "400.000.000 đồng")], dt.date(2026, 11, 18)),
                            uy_quyen_hkd(owner, agent, shop, "thực hiện thủ tục đăng ký thay đổi nội dung đăng ký "
                                                             "hộ kinh doanh", dt.date(2026, 11, 16)),
                            de_nghi_tam_ngung(owner, shop, dt.date(2027, 1, 1), dt.date(2027, 3, 31),
                                              "Nghỉ để chuẩn bị mặt bằng mới", dt.date(2026, 11, 16))],
                           {"c1", "c7"}, unmatched=1))
    return out


def _register_copies(cast: Cast) -> list[DossierCase]:
    code = "2.000908"
    cast.scope()
    holder = cast.one(born=(1980, 2000))
    son = cast.one("male", (1998, 2004))
    mother = cast.one("female", (1968, 1978), address=son.address)
    father = cast.one("male", (1965, 1976), surname=son.name.split()[0], address=son.address)
    reg = Registration(f"Ủy ban nhân dân {ward(son)}", son.birth + dt.timedelta(days=12), 233,
                       f"01/{son.birth.year}")
    other = cast.one(born=(1980, 2000))
    return [
        DossierCase("copy from the master register: the holder's ID card", code, [id_card(holder, new=True)],
                    {"c1"}),
        DossierCase("copy from the master register: father asking for his son's record, with the birth "
                    "certificate", code, [id_card(father), giay_khai_sinh(son, mother, father, reg)],
                    {"c1", "c2"}),
        DossierCase("copy from the master register: residence form handed in by mistake", code,
                    [id_card(other), ct01(other, other, "Chủ hộ", f"Đăng ký thường trú tại {other.address}",
                                          ward(other), dt.date(2026, 11, 2))], {"c1"}, unmatched=1),
    ]


def _parcel(cast: Cast, use: str, area: str, address: str) -> Parcel:
    rng = cast.rng
    return Parcel(rng.randint(90, 480), rng.randint(3, 41), area, address, use,
                  f"{rng.choice(['CH', 'CS', 'VP'])} {rng.randint(1000, 9999):05d}",
                  f"{rng.choice(['BY', 'CK', 'DĐ'])} {rng.randint(100000, 999999)}",
                  dt.date(rng.randint(2012, 2023), rng.randint(1, 12), rng.randint(1, 28)))


def _wills(cast: Cast) -> list[DossierCase]:
    code = "2.001019"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(4):
        testator = cast.one(born=(1944, 1962))
        heir = cast.one(born=(1970, 1992), surname=testator.name.split()[0] if testator.sex == "male" else None)
        parcel = _parcel(cast, "Đất ở tại nông thôn", f"{cast.rng.randint(120, 320)},0 m2",
                         "Thôn Đồng Xuân, xã Phù Ninh, tỉnh Phú Thọ")
        land = (f"Quyền sử dụng thửa đất số {parcel.number}, tờ bản đồ số {parcel.sheet}, diện tích {parcel.area} "
                f"tại {parcel.address}, theo Giấy chứng nhận có số vào sổ cấp {parcel.book} cấp ngày "
                f"{dmy(parcel.issued)}, cùng toàn bộ nhà ở và công trình xây dựng trên đất.")
        day = dt.date(2026, 11, 12 + n)
        if n == 0:
            savings = ("Sổ tiết kiệm số TK 0486 2217 tại Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank), "
                       "chi nhánh Thanh Xuân, số tiền gốc 850.000.000 đồng (Tám trăm năm mươi triệu đồng) cùng "
                       "toàn bộ tiền lãi phát sinh.")
            out.append(DossierCase("will: draft disposing of savings, ID card", code,
                                   [di_chuc(testator, heir, savings, day), id_card(testator)], {"c1", "c3"}))
        elif n == 1:
            out.append(DossierCase("will: draft disposing of land, land certificate and new ID card", code,
                                   [di_chuc(testator, heir, land, day), gcn_dat(testator, parcel, 0),
                                    id_card(testator, new=True)], {"c1", "c2", "c3"}))
        elif n == 2:
            out.append(DossierCase("will: land certificate and ID card without the draft will", code,
                                   [gcn_dat(testator, parcel, 2), id_card(testator)], {"c2", "c3"}, {"c1"},
                                   complete=False))
        else:
            out.append(DossierCase("will: testator's ID number in the will differs from the card", code,
                                   [di_chuc(testator, heir, land, day, testator_id=cast.far_id(testator)),
                                    gcn_dat(testator, parcel, 1), id_card(testator)], {"c1", "c2", "c3"},
                                   mismatch=True))
    return out


def _parcel_split(cast: Cast) -> list[DossierCase]:
    code = "1.012784"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(5):
        owner = cast.one(born=(1958, 1985))
        whole = 140 + 12 * n
        parcel = _parcel(cast, "Đất ở tại nông thôn", f"{whole},0 m2", "Khu 4, xã Phù Ninh, tỉnh Phú Thọ")
        first = 80 + 2 * n
        parts = [f"thửa thứ nhất {first},0 m2", f"thửa thứ hai {whole - first},0 m2"]
        drawing = ban_ve_tach_thua(owner, parcel, [(f"{parcel.number}-1", f"{first},0 m2"),
                                                   (f"{parcel.number}-2", f"{whole - first},0 m2")])
        reason = "Tặng cho con một phần thửa đất để xây nhà ở"
        full = ["Giấy chứng nhận đã cấp (bản gốc)", "Bản vẽ tách thửa đất"]
        if n == 0:
            out.append(DossierCase("parcel split: application, certificate and drawing", code,
                                   [don_tach_thua(owner, parcel, parts, reason, full), gcn_dat(owner, parcel, 0),
                                    drawing], {"c1", "c2", "c4"}))
        elif n == 1:
            out.append(DossierCase("parcel split: no split drawing", code,
                                   [don_tach_thua(owner, parcel, parts, reason, ["Giấy chứng nhận đã cấp"]),
                                    gcn_dat(owner, parcel, 1)], {"c1", "c2"}, {"c4"}, complete=False))
        elif n == 2:
            sibling = cast.one(born=(1958, 1985), surname=owner.name.split()[0])
            court = qd_toa_an(owner, sibling, parcel, [f"{first},0 m2", f"{whole - first},0 m2"])
            out.append(DossierCase("parcel split: after a court decision dividing the parcel", code,
                                   [don_tach_thua(owner, parcel, parts, "Thực hiện Quyết định công nhận sự thỏa "
                                                  "thuận của các đương sự số 45/2024/QĐST-DS",
                                                  [*full, "Quyết định số 45/2024/QĐST-DS"]),
                                    gcn_dat(owner, parcel, 2), drawing, court], {"c1", "c2", "c3", "c4"}))
        elif n == 3:
            out.append(DossierCase("parcel split: owner's given name on the application differs", code,
                                   [don_tach_thua(owner, parcel, parts, reason, full,
                                                  owner_name=cast.far_name(owner)),
                                    gcn_dat(owner, parcel, 1), drawing], {"c1", "c2", "c4"}, mismatch=True))
        else:
            wrong = don_bien_dong(owner, parcel, "Chuyển mục đích sử dụng một phần thửa đất sang đất thương mại, "
                                  "dịch vụ", "Mở cửa hàng", ["Giấy chứng nhận đã cấp"])
            out.append(DossierCase("parcel split: change registration form instead of the certificate", code,
                                   [don_tach_thua(owner, parcel, parts, reason, ["Bản vẽ tách thửa đất"]), drawing,
                                    wrong], {"c1", "c4"}, {"c2"}, complete=False, unmatched=1))
    return out


def _land_use_change(cast: Cast) -> list[DossierCase]:
    code = "1.013992"
    cast.scope()
    out: list[DossierCase] = []
    content = "Chuyển mục đích sử dụng đất từ đất trồng cây hằng năm khác sang đất trồng cây lâu năm"
    reason = "Chuyển sang trồng bưởi và chè theo quy hoạch vùng sản xuất của xã"
    for n in range(4):
        owner = cast.one(born=(1960, 1988))
        parcel = _parcel(cast, "Đất trồng cây hằng năm khác", f"{cast.rng.randint(900, 2400)},0 m2",
                         "Xứ đồng Gò Chè, xã Phù Ninh, tỉnh Phú Thọ")
        if n == 0:
            out.append(DossierCase("land use change: form and certificate", code,
                                   [don_bien_dong(owner, parcel, content, reason, ["Giấy chứng nhận đã cấp"]),
                                    gcn_dat(owner, parcel, 0)], {"c1", "c2"}))
        elif n == 1:
            out.append(DossierCase("land use change: form, certificate and survey extract", code,
                                   [don_bien_dong(owner, parcel, content, reason + "; đề nghị đo đạc xác định lại "
                                                  "diện tích", ["Giấy chứng nhận đã cấp", "Mảnh trích đo địa chính"]),
                                    gcn_dat(owner, parcel, 2), trich_do(owner, parcel)], {"c1", "c2", "c3"}))
        elif n == 2:
            out.append(DossierCase("land use change: only the form", code,
                                   [don_bien_dong(owner, parcel, content, reason, [])], {"c1"}, {"c2"},
                                   complete=False))
        else:
            agent = cast.one(born=(1975, 1998))
            out.append(DossierCase("land use change: through a representative with a notarised contract", code,
                                   [don_bien_dong(owner, parcel, content, reason,
                                                  ["Giấy chứng nhận đã cấp", "Hợp đồng ủy quyền"], agent=agent),
                                    gcn_dat(owner, parcel, 1), hop_dong_uy_quyen(owner, agent, parcel)],
                                   {"c1", "c2", "c4"}))
    return out


def _police_health_cards(cast: Cast) -> list[DossierCase]:
    code = "2.000639"
    cast.scope()
    out: list[DossierCase] = []
    clinic = "Bệnh viện đa khoa tỉnh Thanh Hóa"
    units = ["Phòng Cảnh sát giao thông, Công an tỉnh Thanh Hóa", "Công an xã Quảng Phú, tỉnh Thanh Hóa",
             "Phòng Cảnh sát hình sự, Công an tỉnh Thanh Hóa", "Trại tạm giam Công an tỉnh Thanh Hóa"]
    ranks = ["Thượng úy", "Đại úy", "Trung úy", "Thiếu tá"]
    for n in range(4):
        person = cast.one("male", (1985, 1996))
        officer = Officer(person.name, ranks[n], f"{cast.rng.randint(100, 499)}-{cast.rng.randint(100, 999)}",
                          units[n])
        mother = cast.one("female", (1958, 1968))
        wife = cast.one("female", (1988, 1998))
        kid = cast.child(person, dt.date(2016, 1, 1), dt.date(2022, 12, 28))
        form = to_khai_bhyt(mother, officer, "Mẹ đẻ", clinic)
        rows = [(mother, "Mẹ đẻ", officer), (wife, "Vợ", officer), (kid, "Con đẻ", officer)]
        listing = danh_sach_01ds(rows, clinic)
        request = van_ban_de_nghi_02bk(len(rows))
        if n == 0:
            out.append(DossierCase("police health insurance: form, list and request letter", code,
                                   [form, listing, request], {"c1", "c2", "c4"}))
        elif n == 1:
            out.append(DossierCase("police health insurance: request letter missing", code, [form, listing],
                                   {"c1", "c2"}, {"c4"}, complete=False))
        elif n == 2:
            workers = [(cast.one(born=(1980, 1998)), f"38{cast.rng.randrange(10**8):08d}") for _ in range(2)]
            out.append(DossierCase("police health insurance: with the list of workers already insured", code,
                                   [form, listing, danh_sach_02ds(workers), request], {"c1", "c2", "c3", "c4"}))
        else:
            out.append(DossierCase("police health insurance: only the relative's form", code, [form], {"c1"},
                                   {"c2", "c4"}, complete=False))
    return out


def _bhxh_code(cast: Cast, person: Person) -> str:
    return f"{int(person.id_number[:3]) % 100:02d}{cast.rng.randrange(10**8):08d}"


def _one_time_insurance(cast: Cast) -> list[DossierCase]:
    code = "1.001613"
    cast.scope()
    out: list[DossierCase] = []
    periods = [("03/2011", "08/2016", "Công nhân may, Công ty TNHH May Hưng Long, Hưng Yên", "4.120.000"),
               ("10/2016", "12/2021", "Tổ trưởng sản xuất, Công ty CP Giày Thái Bình, Thái Bình", "6.350.000"),
               ("01/2022", "06/2024", "Nhân viên kho, Công ty TNHH Logistics Tân Cảng Bắc, Hải Phòng", "7.480.000")]
    total = "13 năm 2 tháng"
    quit_reason = ("Sau 12 tháng không thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc, không tham gia bảo hiểm "
                   "xã hội tự nguyện; thời gian đóng dưới 20 năm, tham gia trước ngày 01/7/2025")
    for n in range(5):
        person = cast.one("female" if n == 2 else None, (1976, 1990))
        number = _bhxh_code(cast, person)
        book = so_bhxh(person, number, periods, total)
        if n == 0:
            out.append(DossierCase("one-time social insurance: book and application", code,
                                   [book, don_14hsb(person, number, quit_reason, total)], {"c1", "c2"}))
        elif n == 1:
            out.append(DossierCase("one-time social insurance: application without the book", code,
                                   [don_14hsb(person, number, quit_reason, total)], {"c2"}, {"c1"},
                                   complete=False))
        elif n == 2:
            translator = cast.one(born=(1975, 1995)).name
            out.append(DossierCase("one-time social insurance: settling abroad, translated residence card", code,
                                   [book, don_14hsb(person, number, "Ra nước ngoài để định cư", total),
                                    ban_dich_the_thuong_tru(person, translator)], {"c1", "c2", "c6"}))
        elif n == 3:
            out.append(DossierCase("one-time social insurance: life-threatening illness, hospital summary", code,
                                   [book, don_14hsb(person, number, "Mắc bệnh nguy hiểm đến tính mạng (ung thư "
                                                                    "phổi giai đoạn IV)", total),
                                    tom_tat_benh_an(person, dt.date(2026, 8, 20))], {"c1", "c2", "c7"}))
        else:
            out.append(DossierCase("one-time social insurance: date of birth on the application differs from the "
                                   "book", code,
                                   [book, don_14hsb(person, number, quit_reason, total, birth=far_birth(person))],
                                   {"c1", "c2"}, mismatch=True))
    return out


def _sickness(cast: Cast) -> list[DossierCase]:
    code = "1.001667"
    cast.scope()
    out: list[DossierCase] = []
    company, unit_code = "Công ty TNHH Điện tử Sao Việt", "YN0421B"
    hanoi = ("SỞ Y TẾ HÀ NỘI", "BỆNH VIỆN ĐA KHOA ĐỨC GIANG", "Hà Nội")
    phutho = ("SỞ Y TẾ PHÚ THỌ", "BỆNH VIỆN ĐA KHOA TỈNH PHÚ THỌ", "Việt Trì")
    for n in range(5):
        worker, colleague = cast.one(born=(1980, 2002)), cast.one(born=(1980, 2002))
        number, other = _bhxh_code(cast, worker), _bhxh_code(cast, colleague)
        stay = Stay(dt.date(2026, 10, 6 + n), dt.date(2026, 10, 13 + n), "Viêm phổi cộng đồng")
        leave_start = dt.date(2026, 10, 19 + n)
        inpatient = (worker, number, "Điều trị nội trú", stay.admitted, stay.discharged)
        outpatient = (worker, number, "Điều trị ngoại trú", leave_start, leave_start + dt.timedelta(days=3))
        peer = (colleague, other, "Bình thường", dt.date(2026, 10, 2), dt.date(2026, 10, 3))
        discharge = giay_ra_vien(worker, number, stay, hanoi)
        day = dt.date(2026, 11, 10)
        if n == 0:
            out.append(DossierCase("sickness benefit: employer's list and discharge paper", code,
                                   [danh_sach_01bhsb(company, unit_code, [inpatient, peer], day), discharge],
                                   {"c1", "c7"}))
        elif n == 1:
            out.append(DossierCase("sickness benefit: outpatient sick-leave certificate", code,
                                   [danh_sach_01bhsb(company, unit_code, [peer, outpatient], day),
                                    gcn_nghi_viec(worker, number, company, leave_start, 4, "Sốt xuất huyết Dengue")],
                                   {"c4", "c7"}))
        elif n == 2:
            out.append(DossierCase("sickness benefit: discharge paper without the employer's list", code,
                                   [discharge], {"c1"}, {"c7"}, complete=False))
        elif n == 3:
            moved = dt.date(2026, 10, 9)
            longer = Stay(dt.date(2026, 10, 5), dt.date(2026, 10, 21), "Áp xe gan")
            transfer = giay_chuyen_tuyen(worker, number, longer.admitted, moved)
            out.append(DossierCase("sickness benefit: transferred between hospitals during the stay", code,
                                   [danh_sach_01bhsb(company, unit_code,
                                                     [(worker, number, "Điều trị nội trú", longer.admitted,
                                                       longer.discharged)], day),
                                    transfer, giay_ra_vien(worker, number, longer, phutho)], {"c1", "c3", "c7"}))
        else:
            out.append(DossierCase("sickness benefit: one-time insurance application handed in as well", code,
                                   [danh_sach_01bhsb(company, unit_code, [outpatient], day),
                                    gcn_nghi_viec(worker, number, company, leave_start, 4, "Viêm dạ dày cấp"),
                                    don_14hsb(worker, number, "Ra nước ngoài để định cư", "06 năm 5 tháng")],
                                   {"c4", "c7"}, unmatched=1))
    return out


def _birth(cast: Cast) -> list[DossierCase]:
    code = "1.001193"
    cast.scope()
    out: list[DossierCase] = []
    for n in range(3):
        mother, father, child = _couple(cast)
        father = replace(father, address=mother.address)
        hospital = HOSPITALS[(n + 1) % 3]
        gcs = giay_chung_sinh(mother, child, hospital, f"{2206 + 19 * n}/GCS")
        if n == 0:
            out.append(DossierCase("birth: form, birth notice and mother's new ID card", code,
                                   [tk_khai_sinh(mother, child, mother, father, "Mẹ", _hospital_name(hospital),
                                                 dt.date(2026, 10, 19)), gcs, id_card(mother, new=True)],
                                   {"c1", "c3", "c9"}))
        elif n == 1:
            witness = cast.one(born=(1958, 1990))
            out.append(DossierCase("birth: home birth with a witness's confirmation", code,
                                   [tk_khai_sinh(father, child, mother, father, "Cha", f"Nhà riêng, {mother.address}",
                                                 dt.date(2026, 10, 23)),
                                    xac_nhan_lam_chung(witness, mother, child)], {"c1", "c4"}))
        else:
            out.append(DossierCase("birth: birth notice and ID card without the form", code,
                                   [gcs, id_card(mother)], {"c3", "c9"}, {"c1"}, complete=False))
    return out


def _permanent_residence(cast: Cast) -> list[DossierCase]:
    code = "1.004222"
    cast.scope()
    day = dt.date(2026, 11, 18)
    owner, guest = cast.one(born=(1955, 1980)), cast.one(born=(1985, 2002))
    house = cast.people.address()
    police = house.split(", ")[-1]
    lent = [ct01(guest, guest, "Chủ hộ", f"Đăng ký thường trú tại {house}", police, day,
                 owner_note=f"Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP: Đồng ý cho {guest.name} đăng ký thường trú tại "
                            f"chỗ ở của tôi. (Đã ký) {owner.name}"),
            hop_dong_nha(owner, guest, house, "62 m2", rent=False, day=dt.date(2026, 11, 4))]
    buyer = cast.one(born=(1970, 1995))
    parcel = _parcel(cast, "Đất ở tại đô thị", "74,5 m2", f"{cast.people.address()}, tỉnh Phú Thọ")
    bought = [ct01(buyer, buyer, "Chủ hộ", f"Đăng ký thường trú tại nhà ở của mình: {parcel.address}",
                   parcel.address.split(", ")[1], day), gcn_dat(buyer, parcel, 1)]
    father, mother = cast.one("male", (1958, 1970)), cast.one("female", (1960, 1972))
    mother = replace(mother, address=father.address)
    son = cast.one("male", (1992, 2002), surname=father.name.split()[0])
    reg = Registration(f"Ủy ban nhân dân {ward(father)}", son.birth + dt.timedelta(days=21), 178,
                       f"01/{son.birth.year}")
    back_home = [ct01(son, father, "Con đẻ", f"Đăng ký thường trú vào hộ gia đình của cha tại {father.address}",
                      ward(father), day), giay_khai_sinh(son, mother, father, reg)]
    tenant, landlord = cast.one(born=(1985, 2000)), cast.one(born=(1955, 1980))
    flat = cast.people.address()
    return [
        DossierCase("permanent residence: lent house, certified lending contract", code, lent, {"c1", "c5"}),
        DossierCase("permanent residence: own house, land certificate shown", code, bought, {"c1", "c3"}),
        DossierCase("permanent residence: son moving back to his father's household, birth certificate", code,
                    back_home, {"c1", "c4"}),
        DossierCase("permanent residence: only the lease", code,
                    [hop_dong_nha(landlord, tenant, flat, "48 m2", rent=True, day=dt.date(2026, 10, 28))], {"c5"},
                    {"c1"}, complete=False),
    ]


def heldout2_cases(seed: int = 9090) -> list[DossierCase]:
    """The second held-out set: about seventy dossiers over eighteen procedures."""
    cast = Cast(seed)
    return [*_birth_and_recognition(cast), *_recognition(cast), *_marriage_again(cast), *_death_again(cast),
            *_guardianship(cast), *_civil_status_change(cast), *_civil_status_confirmation(cast),
            *_business_pause(cast), *_business_change(cast), *_register_copies(cast), *_wills(cast),
            *_parcel_split(cast), *_land_use_change(cast), *_police_health_cards(cast), *_one_time_insurance(cast),
            *_sickness(cast), *_birth(cast), *_permanent_residence(cast)]
