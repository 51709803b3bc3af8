"""Generated dossiers with their expected results, for eight procedures of the bundled pack: birth, death and
marriage registration, permanent and temporary residence, household business, certified copy, land certificate
re-issue. Each case lists its papers and the expected status of the components (ids of the curated record); any
component not listed is expected ``not_applicable``. Every case is rendered twice: born digital (PDF with a text
layer, DOCX) and scanned or photographed (JPEG, PNG, TIFF, HEIC, image-only PDF; skewed, sideways, noisy, at an
angle), so the two can be measured apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from eval.dossiers import documents as d
from eval.dossiers import render
from eval.dossiers.documents import Layout
from eval.dossiers.people import People


@dataclass
class DossierCase:
    name: str
    code: str
    layouts: list[Layout]
    present: set[str]
    missing: set[str] = field(default_factory=set)
    complete: bool = True
    mismatch: bool = False
    unmatched: int = 0
    bundle: list[list[int]] | None = None


@dataclass
class DossierFile:
    name: str
    data: bytes
    format: str


def _birth(people: People) -> list[DossierCase]:
    code = "1.001193"
    cases: list[DossierCase] = []
    for n in range(3):
        mother, father = people.person("female", (1988, 1999)), people.person("male", (1985, 1997))
        child = people.child(father)
        tkks = d.to_khai_khai_sinh(mother, child, mother, father)
        gcs = d.giay_chung_sinh(mother, child)
        if n == 0:
            cases += [
                DossierCase("birth: declaration + birth notice", code, [tkks, gcs], {"c1", "c3"}),
                DossierCase("birth: witness instead of birth notice", code,
                            [tkks, d.van_ban_lam_chung(people.person(), child, mother)], {"c1", "c4"}),
                DossierCase("birth: sworn statement instead of birth notice", code,
                            [tkks, d.giay_cam_doan_sinh(mother, child)], {"c1", "c5"}),
                DossierCase("birth: no birth notice", code, [tkks], {"c1"}, {"c3"}, complete=False),
            ]
        elif n == 1:
            agent = people.person()
            cases += [
                DossierCase("birth: no declaration", code, [gcs], {"c3"}, {"c1"}, complete=False),
                DossierCase("birth: through an authorised person", code,
                            [d.to_khai_khai_sinh(agent, child, mother, father, relation="Người được ủy quyền"), gcs,
                             d.giay_uy_quyen(mother, agent, "thực hiện thủ tục đăng ký khai sinh cho con")],
                            {"c1", "c3", "c8"}),
                DossierCase("birth: ID card shown", code, [tkks, gcs, d.cccd(mother)], {"c1", "c3", "c9"}),
                DossierCase("birth: death declaration handed in by mistake", code,
                            [d.to_khai_khai_tu(mother, father), gcs], {"c3"}, {"c1"}, complete=False, unmatched=1),
            ]
        else:
            cases += [
                DossierCase("birth: one scan with declaration, birth notice and an electricity bill", code,
                            [tkks, gcs, d.hoa_don_dien(mother)], {"c1", "c3"}, unmatched=1, bundle=[[0, 1, 2]]),
                DossierCase("birth: child's date of birth differs", code,
                            [d.to_khai_khai_sinh(mother, child, mother, father,
                                                 child_birth=f"{(child.birth.day % 27) + 1:02d}/"
                                                             f"{child.birth.month:02d}/{child.birth.year}"), gcs],
                            {"c1", "c3"}, mismatch=True),
                DossierCase("birth: abandoned child record", code, [tkks, gcs, d.bien_ban_bo_roi(child)],
                            {"c1", "c3", "c6"}),
                DossierCase("birth: unrelated health certificate", code, [tkks, gcs, d.giay_kham_suc_khoe(mother)],
                            {"c1", "c3"}, unmatched=1),
            ]
    return cases


def _death(people: People) -> list[DossierCase]:
    code = "1.000656"
    child, deceased, agent = people.person(born=(1975, 1990)), people.person(born=(1935, 1950)), people.person()
    tkkt, gbt = d.to_khai_khai_tu(child, deceased), d.giay_bao_tu(deceased)
    mother, father = people.person("female"), people.person("male")
    baby = people.child(father)
    return [
        DossierCase("death: declaration + death notice", code, [tkkt, gbt], {"c1", "c3"}),
        DossierCase("death: no declaration", code, [gbt], {"c3"}, {"c1"}, complete=False),
        DossierCase("death: no death notice", code, [tkkt], {"c1"}, {"c3"}, complete=False),
        DossierCase("death: through an authorised person", code,
                    [d.to_khai_khai_tu(agent, deceased), gbt,
                     d.giay_uy_quyen(child, agent, "thực hiện thủ tục đăng ký khai tử cho cha")], {"c1", "c3", "c5"}),
        DossierCase("death: deceased's name differs", code,
                    [d.to_khai_khai_tu(child, deceased, deceased_name=people.other_name(deceased)), gbt],
                    {"c1", "c3"}, mismatch=True),
        DossierCase("death: birth declaration handed in by mistake", code,
                    [d.to_khai_khai_sinh(mother, baby, mother, father), gbt], {"c3"}, {"c1"}, complete=False,
                    unmatched=1),
    ]


def _marriage(people: People) -> list[DossierCase]:
    code = "1.000894"
    wife, husband = people.person("female", (1994, 2001)), people.person("male", (1990, 1999))
    tkkh = d.to_khai_ket_hon(wife, husband)
    wrong_id = wife.id_number[:-4] + f"{(int(wife.id_number[-4:]) + 1111) % 10000:04d}"
    return [
        DossierCase("marriage: declaration", code, [tkkh], {"c1"}),
        DossierCase("marriage: declaration + both ID cards", code, [tkkh, d.cccd(wife), d.cccd(husband)],
                    {"c1", "c3"}),
        DossierCase("marriage: only an ID card", code, [d.cccd(wife)], {"c3"}, {"c1"}, complete=False),
        DossierCase("marriage: bride's ID number differs from her card", code,
                    [d.to_khai_ket_hon(wife, husband, wife_id=wrong_id), d.cccd(wife)], {"c1", "c3"}, mismatch=True),
    ]


def _residence(people: People) -> list[DossierCase]:
    owner, tenant, head = people.person(), people.person(), people.person()
    address = people.address()
    workers = [people.person(born=(1995, 2004)) for _ in range(3)]
    lease = d.hop_dong_thue_nha(owner, tenant, address)
    return [
        DossierCase("permanent residence: CT01", "1.004222", [d.ct01(tenant, "Đăng ký thường trú", address)],
                    {"c1"}),
        DossierCase("permanent residence: CT01 + lease", "1.004222",
                    [d.ct01(tenant, "Đăng ký thường trú", address), lease], {"c1", "c5"}),
        DossierCase("permanent residence: lease only", "1.004222", [lease], {"c5"}, {"c1"}, complete=False),
        DossierCase("permanent residence: CT01 + land certificate", "1.004222",
                    [d.ct01(owner, "Đăng ký thường trú", owner.address), d.gcn_qsdd(owner)], {"c1", "c3"}),
        DossierCase("temporary residence: CT01", "1.004194", [d.ct01(tenant, "Đăng ký tạm trú", address)], {"c1"}),
        DossierCase("temporary residence: CT01 + lease", "1.004194",
                    [d.ct01(tenant, "Đăng ký tạm trú", address), lease], {"c1", "c2"}),
        DossierCase("temporary residence: lease only", "1.004194", [lease], {"c2"}, {"c1"}, complete=False),
        DossierCase("temporary residence: by list", "1.004194",
                    [d.ct01(workers[0], "Đăng ký tạm trú", address), d.van_ban_tam_tru_danh_sach(head, workers,
                                                                                               address)],
                    {"c1", "c3"}),
    ]


def _business(people: People) -> list[DossierCase]:
    code = "1.001612"
    owner, member, agent = people.person(), people.person(), people.person()
    request = d.giay_de_nghi_hkd(owner, "Hộ kinh doanh Tạp hóa Minh An")
    family = d.uy_quyen_ho_gia_dinh([member, owner], owner)
    return [
        DossierCase("household business: request", code, [request], {"c1"}),
        DossierCase("household business: request + family authorisation", code, [request, family], {"c1", "c2"}),
        DossierCase("household business: request + authorised person", code,
                    [request, d.giay_uy_quyen(owner, agent, "thực hiện thủ tục đăng ký hộ kinh doanh tại cơ quan "
                                                            "đăng ký kinh doanh cấp xã")], {"c1", "c3"}),
        DossierCase("household business: family authorisation only", code, [family], {"c2"}, {"c1"},
                    complete=False),
    ]


def _copies_and_land(people: People) -> list[DossierCase]:
    holder, owner = people.person(), people.person()
    don = d.don_bien_dong(owner)
    return [
        DossierCase("certified copy: a diploma", "2.000815", [d.bang_tot_nghiep(holder)], {"c2"}),
        DossierCase("certified copy: a diploma and a land certificate", "2.000815",
                    [d.bang_tot_nghiep(holder), d.gcn_qsdd(holder)], {"c2"}),
        DossierCase("land certificate re-issue: application", "1.012786", [don], {"c1"}),
        DossierCase("land certificate re-issue: application + survey extract", "1.012786", [don, d.trich_do(owner)],
                    {"c1", "c3"}),
        DossierCase("land certificate re-issue: survey extract only", "1.012786", [d.trich_do(owner)], {"c3"},
                    {"c1"}, complete=False),
        DossierCase("land certificate re-issue: supplementary page lost", "1.012786", [don, d.gcn_qsdd(owner)],
                    {"c1", "c2"}),
    ]


def all_cases(seed: int = 2026) -> list[DossierCase]:
    people = People(seed)
    return [*_birth(people), *_death(people), *_marriage(people), *_residence(people), *_business(people),
            *_copies_and_land(people)]


_SCAN_FORMATS = ("scan-jpeg", "scan-pdf", "photo-jpeg", "sideways-png", "scan-tiff", "photo-heic", "exif-jpeg")


def _scanned_file(layouts: list[Layout], fmt: str, rng: random.Random, stem: str) -> DossierFile:
    pages = [render.page_image(layout) for layout in layouts]
    if fmt == "scan-pdf" or len(pages) > 1:
        return DossierFile(f"{stem}.pdf", render.pdf_images([render.scan(p, rng) for p in pages]), "scan-pdf")
    page = pages[0]
    if fmt == "scan-jpeg":
        return DossierFile(f"{stem}.jpg", render.encode(render.scan(page, rng), "jpeg"), fmt)
    if fmt == "photo-jpeg":
        return DossierFile(f"{stem}.jpg", render.encode(render.photo(page, rng), "jpeg"), fmt)
    if fmt == "sideways-png":
        return DossierFile(f"{stem}.png", render.encode(render.scan(page, rng, angle=rng.choice([90, 270])),
                                                        "png"), fmt)
    if fmt == "scan-tiff":
        return DossierFile(f"{stem}.tif", render.tiff([render.scan(page, rng)]), fmt)
    if fmt == "photo-heic":
        return DossierFile(f"{stem}.heic", render.encode(render.photo(page, rng), "heic"), fmt)
    return DossierFile(f"{stem}.jpg", render.encode(render.scan(page, rng), "jpeg", exif_rotate=True), fmt)


def files_for(case: DossierCase, profile: str, index: int) -> list[DossierFile]:
    """The files of a case: ``digital`` (PDF with text, every third case DOCX) or ``scanned``."""
    groups = case.bundle or [[i] for i in range(len(case.layouts))]
    rng = random.Random(index * 7919 + (1 if profile == "scanned" else 0))
    files: list[DossierFile] = []
    for number, group in enumerate(groups, start=1):
        layouts = [case.layouts[i] for i in group]
        stem = f"{layouts[0].kind}-{number}"
        if profile == "digital":
            if index % 3 == 2 and len(group) == 1:
                files.append(DossierFile(f"{stem}.docx", render.docx_bytes(layouts), "docx"))
            else:
                files.append(DossierFile(f"{stem}.pdf", render.pdf_text(layouts), "pdf"))
        else:
            fmt = _SCAN_FORMATS[(index + number) % len(_SCAN_FORMATS)]
            files.append(_scanned_file(layouts, fmt, rng, stem))
    return files
