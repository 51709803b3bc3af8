"""Build eval/shared-refs.jsonl: labels for the real questions in ../shared/queries, stored as references only.

Run from the repository root:  .venv/bin/python eval/tools/build_shared_refs.py
Every label below was decided by hand after searching the national corpus (see eval/label-notes.md for the reasons).
"""

from __future__ import annotations

import json
import re
import sys

from common import EVAL, SHARED, corpus_codes, has_vietnamese_diacritics, split_for, stratified_splits, write_jsonl

WARD = "queries/ward-police-intents.jsonl"
CITIZEN = "queries/citizen-questions.txt"
FAQ = "queries/dvc-faq-qa.jsonl"

# ---------------------------------------------------------------------------------------------------------------
# Code groups (national codes; every code is checked against the corpus when the file is built)
# ---------------------------------------------------------------------------------------------------------------
CARD_14 = ["1.001247", "2.000200", "1.014061"]  # ID card, aged 14+: central / provincial / commune
CARD_U14 = ["1.012543", "1.012549", "1.014062"]  # ID card, under 14
CARD_DOI = ["1.000889", "2.001195", "1.014063"]  # ID card exchange (cấp đổi)
CARD_LAI = ["1.000757", "2.001194", "1.014064"]  # ID card reissue (cấp lại)
CARD_ALL = CARD_14 + CARD_U14 + CARD_DOI + CARD_LAI
VNEID = ["3.000228", "1.011410"]  # electronic identification account level 2 (commune) / level 1 (in the app)
POP_DB = ["1.012564"]  # correction of data in the national population database (commune)
XE_LAN_DAU = ["1.013067", "1.012575", "1.013066"]  # first vehicle registration: partly online / fully online x2
XE_SANG_TEN = ["1.013076"]
XE_CAP_LAI = ["1.013082", "1.013080"]
XE_DOI = ["1.013079"]
XE_THU_HOI = ["1.013065", "1.013123"]
GPLX_DOI = ["3.000347"]
GPLX_LAI = ["3.000348"]
ANTT_MOI = ["2.001478", "1.003204"]  # new security-and-order certificate: provincial / central
ANTT_DOI = ["2.001402", "1.003176"]

NO = "no_match"

# Ward-police intents: default codes for all variants of the intent ([] = no procedure in the corpus answers it).
WARD_DEFAULT: dict[str, list[str]] = {
    "A_DK_THUONG_TRU": ["1.004222"],
    "A_DK_TAM_TRU": ["1.004194"],
    "A_GIA_HAN_TAM_TRU": ["1.002755"],
    "A_XOA_THUONG_TRU": ["1.003197"],
    "A_XOA_TAM_TRU": ["1.010028"],
    "A_KHAI_BAO_TAM_VANG": ["1.003677"],
    "A_THONG_BAO_LUU_TRU": ["2.001159"],
    "A_XAC_NHAN_THONG_TIN_CU_TRU": ["1.010041"],
    "A_DIEU_CHINH_THONG_TIN_CU_TRU": ["1.010039"],
    "A_KHAI_BAO_CHUA_DU_DIEU_KIEN_CU_TRU": ["1.010040"],
    "B_LAM_THE_CAN_CUOC_LAN_DAU": CARD_14 + CARD_U14,
    "B_CAP_DOI_CAP_LAI_CAN_CUOC": CARD_DOI + CARD_LAI,
    "B_CAN_CUOC_DUOI_14_TUOI": CARD_U14,
    "B_CAN_CUOC_TU_DU_14_TUOI": CARD_14,
    "B_DANG_NHAP_VNEID": [],
    "B_KICH_HOAT_DINH_DANH_DIEN_TU": VNEID,
    "B_QUEN_MAT_KHAU_VNEID": [],
    "B_SAI_THONG_TIN_VNEID": POP_DB,
    "B_DUNG_VNEID_LAM_THU_TUC": [],
    "B_LOI_DICH_VU_CONG_VNEID": [],
    "C_DANG_NHAP_CONG_DVC": [],
    "C_NOP_HO_SO_TRUC_TUYEN": [],
    "C_TRA_CUU_HO_SO": [],
    "C_THANH_TOAN_PHI_ONLINE": [],
    "C_NHAN_KET_QUA_HO_SO": [],
    "C_BO_SUNG_HO_SO": [],
    "C_PHAN_ANH_KIEN_NGHI_TTHC": [],
    "C_DUNG_VNEID_MUC_2_LAM_THU_TUC": [],
    "D_DANG_KY_XE_LAN_DAU": XE_LAN_DAU,
    "D_SANG_TEN_XE": XE_SANG_TEN,
    "D_CAP_DOI_CAP_LAI_DANG_KY_XE": XE_CAP_LAI + XE_DOI,
    "D_CAP_DOI_CAP_LAI_BIEN_SO": XE_CAP_LAI + XE_DOI,
    "D_THU_HOI_DANG_KY_BIEN_SO": XE_THU_HOI,
    "D_BIEN_SO_DINH_DANH": [],
    "D_NOP_HO_SO_DANG_KY_XE_ONLINE": XE_LAN_DAU,
    "D_DOI_GIAY_PHEP_LAI_XE": GPLX_DOI,
    "D_CAP_LAI_GIAY_PHEP_LAI_XE": GPLX_LAI,
    "D_TRA_CUU_HO_SO_XE": [],
    "G_CAP_MOI_GCN_AN_TT": ANTT_MOI,
    "G_CAP_DOI_CAP_LAI_GCN_AN_TT": ANTT_DOI,
    "G_DIEU_KIEN_CO_SO_LUU_TRU": ANTT_MOI,
    "G_DIEU_KIEN_DICH_VU_CAM_DO": ANTT_MOI,
    "G_DIEU_KIEN_KARAOKE_MASSAGE": ANTT_MOI,
    "G_KHAI_BAO_LUU_TRU_CHO_KHACH_THUE": ["2.001159"],
    "G_TRACH_NHIEM_CHU_NHA_TRO": [],
    "G_HO_SO_NGANH_NGHE_ANTT": ANTT_MOI,
    "G_PHI_LE_PHI_ANTT": ANTT_MOI + ANTT_DOI,
    "G_LOI_XU_PHAT_NGANH_NGHE_ANTT": [],
}
# Modules E (security reports), F (fire-safety advice), H (crime-prevention advice) and I (ward contact details) have
# no administrative procedure in the national corpus: every variant is no_match unless overridden below.


def ward_default(intent: str) -> list[str]:
    if intent in WARD_DEFAULT:
        return WARD_DEFAULT[intent]
    if intent[:2] in ("E_", "F_", "H_", "I_") or intent.endswith("_FALLBACK_LIEN_QUAN"):
        return []
    raise KeyError(f"no decision for intent {intent}")


# Per-variant overrides: (intent, question index) -> codes ([] = no_match). Decided variant by variant.
WARD_OVERRIDE: dict[tuple[str, int], list[str]] = {
    # newborn to be registered at the parents' address: the joint birth + residence + health-card procedure also fits
    ("A_DK_THUONG_TRU", 19): ["1.004222", "2.000986"],
    # "cut my permanent residence to move elsewhere": registering at the new address removes the old one
    ("A_XOA_THUONG_TRU", 20): ["1.003197", "1.004222"],
    ("A_DIEU_CHINH_THONG_TIN_CU_TRU", 19): ["1.010039", "1.012564"],
    ("A_KHAI_BAO_CHUA_DU_DIEU_KIEN_CU_TRU", 20): ["1.010040", "1.004194", "1.004222"],
    ("B_LAM_THE_CAN_CUOC_LAN_DAU", 19): CARD_14,
    ("B_LAM_THE_CAN_CUOC_LAN_DAU", 20): CARD_14,
    ("B_KICH_HOAT_DINH_DANH_DIEN_TU", 19): ["3.000228"],
    ("B_SAI_THONG_TIN_VNEID", 6): ["1.010039", *POP_DB],
    ("B_SAI_THONG_TIN_VNEID", 9): ["1.010039", *POP_DB],
    ("B_SAI_THONG_TIN_VNEID", 19): ["1.010039", *POP_DB],
    ("B_SAI_THONG_TIN_VNEID", 20): [*POP_DB, "1.014060"],
    ("D_SANG_TEN_XE", 20): XE_SANG_TEN + XE_THU_HOI,
    ("D_THU_HOI_DANG_KY_BIEN_SO", 20): XE_THU_HOI + XE_SANG_TEN,
    ("D_BIEN_SO_DINH_DANH", 6): XE_THU_HOI,
    ("D_BIEN_SO_DINH_DANH", 9): XE_THU_HOI,
    ("D_BIEN_SO_DINH_DANH", 19): XE_THU_HOI,
    ("D_BIEN_SO_DINH_DANH", 20): XE_LAN_DAU,
    ("D_NOP_HO_SO_DANG_KY_XE_ONLINE", 20): [],
    ("D_CAP_LAI_GIAY_PHEP_LAI_XE", 19): GPLX_LAI + GPLX_DOI,
    ("G_CAP_DOI_CAP_LAI_GCN_AN_TT", 20): ANTT_DOI + ANTT_MOI,
    ("G_DIEU_KIEN_CO_SO_LUU_TRU", 19): ["2.001159"],
    ("G_DIEU_KIEN_DICH_VU_CAM_DO", 20): [],
    ("G_DIEU_KIEN_KARAOKE_MASSAGE", 20): [],
    ("G_TRACH_NHIEM_CHU_NHA_TRO", 18): ["1.004194", "2.001159"],
}
# ID card exchange vs reissue: the variant's wording decides ("đổi" = exchange; "cấp lại"/"mất" = reissue).
for _q in (4, 7, 10, 11, 19, 20, 21, 22):
    WARD_OVERRIDE[("B_CAP_DOI_CAP_LAI_CAN_CUOC", _q)] = CARD_DOI
for _q in (5, 6, 8, 9, 12, 13, 14, 15, 18):
    WARD_OVERRIDE[("B_CAP_DOI_CAP_LAI_CAN_CUOC", _q)] = CARD_LAI
# Vehicle registration certificate: lost / reissue vs exchange (damaged, wrong data).
for _q in (4, 5, 7, 8, 10, 11, 12, 13, 14, 15, 18, 21, 22):
    WARD_OVERRIDE[("D_CAP_DOI_CAP_LAI_DANG_KY_XE", _q)] = XE_CAP_LAI
for _q in (6, 9, 19, 20):
    WARD_OVERRIDE[("D_CAP_DOI_CAP_LAI_DANG_KY_XE", _q)] = XE_DOI
# Number plate: lost / reissue vs exchange.
for _q in (4, 6, 7, 9, 10, 11, 12, 13, 18, 21, 22):
    WARD_OVERRIDE[("D_CAP_DOI_CAP_LAI_BIEN_SO", _q)] = XE_CAP_LAI
for _q in (5, 8, 14, 15, 19, 20):
    WARD_OVERRIDE[("D_CAP_DOI_CAP_LAI_BIEN_SO", _q)] = XE_DOI
# "VNeID level 2 / level-2 account: what is needed?" asks how to obtain the account -> the commune procedure.
for _q in (6, 9, 10, 11, 12, 13, 14, 15, 19):
    WARD_OVERRIDE[("C_DUNG_VNEID_MUC_2_LAM_THU_TUC", _q)] = ["3.000228"]

# Fallback intents (5 general questions each): explicit (codes, outcome, style) per question.
FALLBACK: dict[tuple[str, int], tuple[list[str], str, str]] = {
    ("A_FALLBACK_LIEN_QUAN", 0): (["1.010039"], "answered", "formal"),
    ("A_FALLBACK_LIEN_QUAN", 1): (["1.004222", "1.004194"], "clarify", "vague"),
    ("A_FALLBACK_LIEN_QUAN", 2): (["1.004194", "2.001159"], "answered", "formal"),
    ("A_FALLBACK_LIEN_QUAN", 3): (["2.001159"], "answered", "formal"),
    ("A_FALLBACK_LIEN_QUAN", 4): (["1.010041"], "answered", "formal"),
    ("B_FALLBACK_LIEN_QUAN", 0): (CARD_ALL, "clarify", "vague"),
    ("B_FALLBACK_LIEN_QUAN", 1): ([], NO, "vague"),
    ("B_FALLBACK_LIEN_QUAN", 2): (VNEID, "clarify", "vague"),
    ("B_FALLBACK_LIEN_QUAN", 3): ([*POP_DB, "1.014060"], "answered", "vague"),
    ("B_FALLBACK_LIEN_QUAN", 4): (CARD_DOI, "answered", "formal"),
    ("C_FALLBACK_LIEN_QUAN", 0): ([], NO, "vague"),
    ("C_FALLBACK_LIEN_QUAN", 1): ([], NO, "vague"),
    ("C_FALLBACK_LIEN_QUAN", 2): ([], NO, "formal"),
    ("C_FALLBACK_LIEN_QUAN", 3): ([], NO, "vague"),
    ("C_FALLBACK_LIEN_QUAN", 4): ([], NO, "vague"),
    ("D_FALLBACK_LIEN_QUAN", 0): (XE_SANG_TEN, "answered", "formal"),
    ("D_FALLBACK_LIEN_QUAN", 1): (XE_CAP_LAI, "answered", "formal"),
    ("D_FALLBACK_LIEN_QUAN", 2): (GPLX_DOI, "answered", "formal"),
    ("D_FALLBACK_LIEN_QUAN", 3): ([], NO, "vague"),
    ("D_FALLBACK_LIEN_QUAN", 4): ([], NO, "vague"),
    ("E_FALLBACK_LIEN_QUAN", 0): ([], NO, "vague"),
    ("E_FALLBACK_LIEN_QUAN", 1): ([], NO, "vague"),
    ("E_FALLBACK_LIEN_QUAN", 2): ([], NO, "vague"),
    ("E_FALLBACK_LIEN_QUAN", 3): ([], NO, "vague"),
    ("E_FALLBACK_LIEN_QUAN", 4): ([], NO, "formal"),
    ("F_FALLBACK_LIEN_QUAN", 0): ([], NO, "vague"),
    ("F_FALLBACK_LIEN_QUAN", 1): ([], NO, "formal"),
    ("F_FALLBACK_LIEN_QUAN", 2): ([], NO, "vague"),
    ("F_FALLBACK_LIEN_QUAN", 3): ([], NO, "formal"),
    ("F_FALLBACK_LIEN_QUAN", 4): ([], NO, "vague"),
    ("G_FALLBACK_LIEN_QUAN", 0): (ANTT_MOI, "answered", "formal"),
    ("G_FALLBACK_LIEN_QUAN", 1): (ANTT_MOI, "answered", "formal"),
    ("G_FALLBACK_LIEN_QUAN", 2): (["2.001159", "1.004194"], "answered", "formal"),
    ("G_FALLBACK_LIEN_QUAN", 3): (ANTT_MOI, "answered", "formal"),
    ("G_FALLBACK_LIEN_QUAN", 4): (ANTT_MOI, "answered", "vague"),
    ("H_FALLBACK_LIEN_QUAN", 0): ([], NO, "formal"),
    ("H_FALLBACK_LIEN_QUAN", 1): ([], NO, "formal"),
    ("H_FALLBACK_LIEN_QUAN", 2): ([], NO, "vague"),
    ("H_FALLBACK_LIEN_QUAN", 3): ([], NO, "vague"),
    ("H_FALLBACK_LIEN_QUAN", 4): ([], NO, "formal"),
    ("I_FALLBACK_LIEN_QUAN", 0): ([], NO, "vague"),
    ("I_FALLBACK_LIEN_QUAN", 1): ([], NO, "vague"),
    ("I_FALLBACK_LIEN_QUAN", 2): ([], NO, "vague"),
    ("I_FALLBACK_LIEN_QUAN", 3): ([], NO, "vague"),
    ("I_FALLBACK_LIEN_QUAN", 4): ([], NO, "vague"),
}

# Style per question-variant category of the ward-police file (the "QUESTION_VARIANTS" headings in each record).
CATEGORY_STYLE = {
    "Câu hỏi đầy đủ/chuẩn": "formal",
    "Câu hỏi ngắn/thiếu thông tin": "vague",
    "Câu hỏi thiếu ngữ cảnh": "vague",
    "Viết tắt/không dấu": "abbreviated",
    "Không dấu": "no_diacritics",
    "Theo ngữ cảnh/tình huống": "formal",
    "Câu nói dân dã/không đầy đủ": "vague",
    "Câu hỏi mơ hồ cần phân loại": "vague",
}

# ---------------------------------------------------------------------------------------------------------------
# Citizen questions: line n (1..200) has diacritics, line n+200 is the same question without them.
# Only lines with a procedure are listed; every other line is no_match.
# ---------------------------------------------------------------------------------------------------------------
CITIZEN_CODES: dict[int, list[str]] = {
    4: ["1.002759"],  # add pre-1995 service time to the social insurance book
    5: ["1.002759"],  # reissue a social insurance book
    9: ["1.001656"],  # direct reimbursement of health-insurance costs
    13: ["1.014417"],  # new registration certificate for inspection (giám định) activity
    14: ["1.014417"],  # new registration certificate for certification activity
    17: ["2.001726"],  # amend / reissue a CFS for exports
    34: ["1.004413"],  # flight crew member certificate
    35: ["1.003658"],  # inland-waterway wharf: re-announcement of operation (the current name of the "re-licence")
    36: ["3.000349"],  # exchange a military driving licence for a civilian one
    37: ["1.003393"],  # deregister an IDERA
    38: ["1.009456"],  # announce operation of an inland-waterway port
    40: ["1.009464"],  # announce restriction of inland-waterway traffic
    47: ["1.005277", "1.004979"],  # cooperative union: register / notify changes
    52: ["1.014417"],  # register certification activity under Decree 107/2016
    70: ["1.002589", "1.002551"],  # issue / reissue an inspector (kiểm định viên) certificate
    72: ["2.000815"],  # certified copy from the original
    74: ["1.000689", "1.001022"],  # child born out of wedlock: add the father (with or after birth registration)
    75: ["1.001456", "1.001471"],  # passport for a two-month-old
    77: ["2.001895"],  # certificate of Vietnamese origin
    91: ["1.003593"],
    93: ["1.003500"],
    94: ["1.003770"],
    95: ["1.004940"],
    96: ["1.007918", "1.007919"],  # appraisal of adjusted forestry design and estimates
    97: ["1.004929"],
    99: ["1.013218", "1.013234"],  # appraisal of the construction design after the basic design (incl. detailed design)
    100: ["1.003537"],
    111: ["1.007632"],  # reissue of an expired audit practice registration certificate
    112: ["1.007689"],  # individuals leasing property who declare tax directly
    113: ["1.009875"],
    114: ["1.010331"],
    116: ["3.000035"],
    117: ["1.007659"],  # import duty exemption
    118: ["1.010331"],  # the APA procedure includes withdrawing the request
    120: ["1.008503", "1.008504", "1.008505"],  # change of tax registration information (which one depends on the case)
    121: ["1.014251", "1.014466"],  # recognition of exploration results (replaces "approval of reserves")
    123: ["1.004167", "2.000018"],  # extend / adjust a surface-water abstraction licence
    127: ["1.000082"],
    128: ["1.000082"],
    129: ["1.000049", "1.000063"],
    142: ["1.008915"],
    143: ["1.000894"],
    144: ["2.001680"],
    145: ["1.004884", "1.004772"],  # born 1946: re-registration, or first registration of a person with own papers
    146: ["3.000333", "3.000330"],
    147: ["1.013849"],
    148: ["1.000894"],
    149: ["1.008910"],
    161: ["1.013230", "1.013232"],  # relocation permit: the legal basis names the form's circular
    163: ["1.013236", "1.013225"],
    164: ["1.002693"],
    170: ["1.013237"],
    182: ["1.001541"],
    184: ["1.001537"],
    185: ["1.001729"],
    186: ["1.001831"],
    188: ["1.001621"],
    190: ["1.000806"],
}

# ---------------------------------------------------------------------------------------------------------------
# Portal FAQ (74 lines): decided per question, not copied from expected_procedure_title (which is wrong or absent
# from the corpus for several lines).
# ---------------------------------------------------------------------------------------------------------------
_FAQ_GROUPS: list[tuple[list[int], list[str]]] = [
    ([2, 11, 20, 32, 69], ["1.003790"]),  # live aquatic imports, no risk assessment
    ([45, 56, 67, 68, 74], ["1.003361"]),  # live aquatic imports, risk assessment
    ([3, 48, 59], ["1.003851"]),
    ([5], ["1.004694", "1.004478"]),  # "who announces the opening of a fishing port" -> type I/II and type III
    ([15, 27], ["1.004694"]),
    ([62], ["1.004478"]),
    ([6], ["1.004918"]),
    ([10, 22, 39, 54], ["1.003821"]),
    ([41], ["1.003821", "1.004918"]),  # breeding facilities, broodstock not specified
    ([7, 47, 49, 57], ["1.004359"]),
    ([8], ["1.004915"]),
    ([9, 53, 55], ["1.004683"]),
    ([12, 26], ["1.004656"]),
    ([37, 40], ["1.004680"]),
    ([13, 30], ["1.004943"]),
    ([14, 16, 60, 70, 71], ["1.003590"]),
    ([21, 29, 34, 36, 43], ["1.003755"]),
    ([24], ["1.003221", "1.003471"]),  # medium dam safety inspection: provincial / commune
    ([58], ["2.001337"]),
    ([25, 66], ["2.001705"]),
    ([31, 51], ["1.003741", "1.014835"]),
    ([33, 52, 72], ["1.003563"]),
    ([46], ["2.001621"]),
    ([63, 65, 73], ["1.014847", "1.014848"]),
]
FAQ_CODES: dict[int, list[str]] = {line: codes for lines, codes in _FAQ_GROUPS for line in lines}
# no_match on purpose: 1, 19 (one-off support for new fishing vessels), 4 (quality inspection of imported feed),
# 17, 18, 23, 28, 35, 42, 50 (sea aquaculture licences), 38 (one-stop-shop organisation), 44, 64 (revocation),
# 61 (registration for inspector training).


def parse_categories(raw: str) -> list[str]:
    """Category heading of each question variant, in file order."""
    cats: list[str] = []
    block = raw.split("QUESTION_VARIANTS:", 1)[1].split("CANONICAL_ANSWER:", 1)[0]
    current = ""
    for line in block.splitlines():
        head = re.match(r"^- (.+):\s*$", line)
        item = re.match(r"^\s+- (.+)$", line)
        if head:
            current = head.group(1).strip()
        elif item:
            cats.append(current)
    return cats


def ward_rows() -> list[dict]:
    rows = []
    records = [json.loads(line) for line in (SHARED / WARD).read_text(encoding="utf-8").splitlines()]
    # all variants of an intent share a split; intents are split ~70/30 inside each module (A..I)
    splits = stratified_splits({r["intent_code"]: r["intent_code"][0] for r in records})
    for line_no, rec in enumerate(records, 1):
        intent = rec["intent_code"]
        cats = parse_categories(rec["raw"])
        assert len(cats) == len(rec["questions"]), intent
        for qi, text in enumerate(rec["questions"]):
            if (intent, qi) in FALLBACK:
                codes, outcome, style = FALLBACK[(intent, qi)]
            else:
                codes = WARD_OVERRIDE.get((intent, qi), ward_default(intent))
                outcome = "answered" if codes else NO
                style = CATEGORY_STYLE[cats[qi]]
                if style == "formal" and not has_vietnamese_diacritics(text):
                    style = "no_diacritics"
            rows.append(
                {
                    "id": f"wp-{intent}-{qi:02d}",
                    "ref": {"file": WARD, "line": line_no, "question": qi},
                    "codes": list(codes),
                    "language": "vi",
                    "style": style,
                    "outcome": outcome,
                    "split": splits[intent],
                    "intent_code": intent,
                }
            )
    return rows


def citizen_rows() -> list[dict]:
    lines = (SHARED / CITIZEN).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 400, len(lines)
    rows = []
    for n, text in enumerate(lines, 1):
        base = n if n <= 200 else n - 200  # the question this line belongs to
        codes = CITIZEN_CODES.get(base, [])
        style = "formal" if has_vietnamese_diacritics(text) else "no_diacritics"
        rows.append(
            {
                "id": f"cq-{n:03d}",
                "ref": {"file": CITIZEN, "line": n},
                "codes": codes,
                "language": "vi",
                "style": style,
                "outcome": "answered" if codes else NO,
                "split": split_for(f"cq:{base}"),
                "pair": f"cq-{base:03d}" if n > 200 else f"cq-{n + 200:03d}",
            }
        )
    return rows


def faq_rows() -> list[dict]:
    lines = (SHARED / FAQ).read_text(encoding="utf-8").splitlines()
    rows = []
    for n, _line in enumerate(lines, 1):
        codes = FAQ_CODES.get(n, [])
        rows.append(
            {
                "id": f"faq-{n:02d}",
                "ref": {"file": FAQ, "line": n, "field": "question"},
                "codes": codes,
                "language": "vi",
                "style": "formal",
                "outcome": "answered" if codes else NO,
                "split": split_for(f"faq:{n}"),
            }
        )
    return rows


def main() -> int:
    known = set(corpus_codes())
    rows = ward_rows() + citizen_rows() + faq_rows()
    bad = sorted({c for r in rows for c in r["codes"] if c not in known})
    if bad:
        print("codes missing from the corpus:", bad, file=sys.stderr)
        return 1
    n = write_jsonl(EVAL / "shared-refs.jsonl", rows)
    print(f"wrote {n} rows to eval/shared-refs.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
