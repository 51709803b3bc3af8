"""The printable request to supplement a dossier — "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", Form 02 of Circular
01/2018/TT-VPCP — from a check result: HTML ready to print (Jinja2 template ``templates/form02.html``) and PDF
(fpdf2 with a Unicode TrueType font, so Vietnamese prints right). The form is always in Vietnamese; it lists the
missing components (and those to re-check) with their counts and the reason, and leaves blank lines for what the
counter fills in by hand.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from assistant.dossier.errors import DossierInputError
from assistant.dossier.schemas import ComponentResult, DossierCheckResult, SupplementFormRequest

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Where a Unicode serif font is looked for (Debian's fonts-dejavu-core, Liberation); MOTCUA_FONT_DIR goes first.
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
             "/usr/share/fonts/truetype/liberation")
FONT_FILES = (("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
              ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"))
_CONSISTENCY = {"name_mismatch", "birth_date_mismatch", "id_mismatch", "id_structure"}


@dataclass
class FormItem:
    name: str
    why: str
    originals: str
    copies: str


def _count(value: int | None) -> str:
    return f"{value:02d}" if value else ""


def _with_alternatives(component: ComponentResult) -> str:
    others = "; ".join(component.alternatives_vi)
    return component.name_vi + (f" (hoặc: {others})" if others else "")


def form_items(check: DossierCheckResult) -> list[FormItem]:
    items: list[FormItem] = []
    for component in check.components:
        if component.status == "missing":
            why = "chưa có trong hồ sơ"
        elif component.status == "uncertain" and component.required:
            why = "giấy tờ đã nộp chưa xác định được là thành phần này, cần kiểm tra lại"
        else:
            continue
        items.append(FormItem(_with_alternatives(component), why, _count(component.originals),
                              _count(component.copies)))
    return items


def form_reason(check: DossierCheckResult) -> str:
    parts: list[str] = []
    if any(c.status == "missing" for c in check.components):
        parts.append("hồ sơ chưa đủ thành phần theo quy định của thủ tục")
    if any(c.status == "uncertain" and c.required for c in check.components):
        parts.append("có giấy tờ chưa xác định được, cần đối chiếu")
    if check.unmatched_files:
        parts.append(f"có {len(check.unmatched_files)} giấy tờ không thuộc thành phần hồ sơ của thủ tục")
    conflicts = [w for w in check.warnings if w.kind in _CONSISTENCY]
    if conflicts:
        detail = "; ".join(w.message for w in conflicts) if check.language == "vi" else ""
        parts.append("thông tin giữa các giấy tờ chưa thống nhất" + (f" ({detail})" if detail else ""))
    return "; ".join(parts) or "hồ sơ đã đủ thành phần; không có nội dung cần bổ sung"


def _context(form: SupplementFormRequest) -> dict[str, object]:
    day = dt.date.fromisoformat(form.date) if form.date else dt.date.today()
    check = form.check
    return {
        **form.model_dump(exclude={"check", "date"}), "day": f"{day.day:02d}", "month": f"{day.month:02d}",
        "year": day.year, "procedure_code": check.procedure_code, "procedure_name": check.procedure_name_vi,
        "items": form_items(check), "reason": form_reason(check),
    }


def render_html(form: SupplementFormRequest) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return environment.get_template("form02.html").render(**_context(form))


def find_fonts() -> tuple[Path, Path, Path]:
    """Regular, bold and italic files of a Unicode serif font; a clear error where none is installed."""
    folders = [os.environ["MOTCUA_FONT_DIR"]] if os.environ.get("MOTCUA_FONT_DIR") else []
    for folder in [*folders, *FONT_DIRS]:
        for names in FONT_FILES:
            paths = tuple(Path(folder) / name for name in names)
            if all(p.is_file() for p in paths):
                return paths  # type: ignore[return-value]
    raise DossierInputError("no Unicode font for the PDF; install fonts-dejavu-core or set MOTCUA_FONT_DIR "
                            "(the HTML form needs none)", 501)


def render_pdf(form: SupplementFormRequest) -> bytes:
    from assistant.dossier.form_pdf import Form02Pdf

    regular, bold, italic = find_fonts()
    return Form02Pdf(regular, bold, italic).build(_context(form))
