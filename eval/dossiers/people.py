"""Made-up people for generated dossiers: Vietnamese names, dates of birth and 12-digit personal ID numbers whose
structure fits the person (province code, century-and-sex digit, two-digit birth year)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý"]
MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Bảo"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Gia"]
GIVEN_FEMALE = ["Hương", "Lan", "Mai", "Hạnh", "Trang", "Linh", "Thảo", "Yến", "Ngân", "Phương", "Nhung", "Hà"]
GIVEN_MALE = ["Khôi", "Nam", "Dũng", "Hùng", "Tuấn", "Long", "Bình", "Phúc", "Sơn", "Khang", "Quân", "Trung"]
PROVINCES = {"001": "Hà Nội", "031": "Hải Phòng", "048": "Đà Nẵng", "079": "Thành phố Hồ Chí Minh",
             "025": "Phú Thọ", "038": "Thanh Hóa", "040": "Nghệ An", "092": "Cần Thơ"}
WARDS = ["phường Cửa Nam", "phường Hoàn Kiếm", "xã Phù Ninh", "phường Hải Châu", "phường Bến Thành",
         "phường Việt Trì", "xã Thanh Miện", "phường Ninh Kiều"]
STREETS = ["Hàng Bài", "Lê Lợi", "Trần Phú", "Nguyễn Huệ", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt"]


@dataclass
class Person:
    name: str
    birth: dt.date
    sex: str
    id_number: str
    province: str
    address: str

    @property
    def birth_text(self) -> str:
        return self.birth.strftime("%d/%m/%Y")

    @property
    def birth_words(self) -> str:
        return f"ngày {self.birth.day:02d} tháng {self.birth.month:02d} năm {self.birth.year}"

    @property
    def sex_vi(self) -> str:
        return "Nữ" if self.sex == "female" else "Nam"


def id_number(rng: random.Random, province_code: str, birth: dt.date, sex: str) -> str:
    century = (birth.year // 100 - 19) * 2 + (1 if sex == "female" else 0)
    return f"{province_code}{century}{birth.year % 100:02d}{rng.randrange(10**6):06d}"


class People:
    """A seeded source of people; the same seed gives the same dossier."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def address(self) -> str:
        return f"Số {self.rng.randint(2, 180)} phố {self.rng.choice(STREETS)}, {self.rng.choice(WARDS)}"

    def person(self, sex: str | None = None, born: tuple[int, int] = (1960, 2000),
               surname: str | None = None) -> Person:
        rng = self.rng
        sex = sex or rng.choice(["male", "female"])
        middle = MIDDLE_FEMALE if sex == "female" else MIDDLE_MALE
        given = GIVEN_FEMALE if sex == "female" else GIVEN_MALE
        name = f"{surname or rng.choice(SURNAMES)} {rng.choice(middle)} {rng.choice(given)}"
        birth = dt.date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
        code = rng.choice(sorted(PROVINCES))
        return Person(name, birth, sex, id_number(rng, code, birth, sex), PROVINCES[code], self.address())

    def child(self, father: Person) -> Person:
        surname = father.name.split()[0]
        person = self.person(born=(2025, 2026), surname=surname)
        person.address = father.address
        return person

    def other_name(self, person: Person) -> str:
        """The same person's name with a different given name (a real mismatch, not a spelling variant)."""
        pool = GIVEN_FEMALE if person.sex == "female" else GIVEN_MALE
        parts = person.name.split()
        parts[-1] = self.rng.choice([g for g in pool if g != parts[-1]])
        return " ".join(parts)
