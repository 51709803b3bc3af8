"""Form 02 drawn with fpdf2 on A4: the same content as the HTML template, laid out for a printer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.fonts import FontFace

_BODY = 12


class Form02Pdf:
    def __init__(self, regular: Path, bold: Path, italic: Path) -> None:
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.add_font("Serif", "", str(regular))
        self.pdf.add_font("Serif", "B", str(bold))
        self.pdf.add_font("Serif", "I", str(italic))
        self.pdf.set_margins(25, 18, 15)
        self.pdf.set_auto_page_break(auto=True, margin=18)

    @property
    def width(self) -> float:
        return self.pdf.w - self.pdf.l_margin - self.pdf.r_margin

    def _para(self, text: str, style: str = "", size: int = _BODY, align: str = "J", gap: float = 1.5) -> None:
        self.pdf.set_font("Serif", style, size)
        self.pdf.multi_cell(self.width, 6.2, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def _header(self, ctx: dict[str, Any]) -> None:
        pdf, width = self.pdf, self.width
        top = pdf.get_y()
        pdf.set_font("Serif", "B", 11)
        for line in (str(ctx.get("agency_line1") or "").upper(), str(ctx.get("agency_line2") or "").upper()):
            pdf.set_x(pdf.l_margin)
            pdf.multi_cell(width * 0.4, 5.5, line or " ", align="C", new_x="LMARGIN", new_y="NEXT")
        left_end = pdf.get_y()
        pdf.set_y(top)
        for line, style in (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B"), ("Độc lập - Tự do - Hạnh phúc", "BU")):
            pdf.set_font("Serif", style, 11)
            pdf.set_x(pdf.l_margin + width * 0.4)
            pdf.cell(width * 0.6, 5.5, line, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(left_end, pdf.get_y()) + 3)
        self._para(f"{ctx.get('place') or '......'}, ngày {ctx['day']} tháng {ctx['month']} năm {ctx['year']}",
                   "I", _BODY, "R", 3)

    def _items(self, items: list[Any]) -> None:
        pdf = self.pdf
        pdf.set_font("Serif", "", 11)
        heading = FontFace(emphasis="BOLD")
        widths = (13, self.width - 13 - 3 * 20, 20, 20, 20)
        with pdf.table(col_widths=widths, text_align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER"),
                       headings_style=heading, line_height=5.5, num_heading_rows=2) as table:
            first = table.row()
            first.cell("STT", rowspan=2, align="C")
            first.cell("Thành phần hồ sơ", rowspan=2, align="C")
            first.cell("Số lượng", colspan=3, align="C")
            second = table.row()
            for label in ("Bản chính", "Bản chứng thực", "Bản photo"):
                second.cell(label, align="C")
            if not items:
                row = table.row()
                row.cell("")
                row.cell("Không có thành phần nào còn thiếu.")
                for _ in range(3):
                    row.cell("")
            for number, item in enumerate(items, start=1):
                row = table.row()
                row.cell(str(number))
                row.cell(f"{item.name}\n({item.why})")
                row.cell(item.originals)
                row.cell(item.copies)
                row.cell("")
        pdf.ln(2)

    def build(self, ctx: dict[str, Any]) -> bytes:
        self.pdf.add_page()
        self._header(ctx)
        self._para("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "B", 14, "C", 0)
        self._para("(Theo Mẫu số 02, ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng "
                   "Chính phủ)", "I", 10, "C", 3)
        dots = "............................................"
        self._para(f"{ctx.get('receiving_unit') or 'Bộ phận Tiếp nhận và Trả kết quả'}:")
        self._para(f"Tiếp nhận hồ sơ/yêu cầu của Ông/Bà: {ctx.get('applicant') or dots}.")
        self._para(f"Nội dung yêu cầu giải quyết: {ctx['procedure_name']} (mã thủ tục {ctx['procedure_code']}).")
        self._para(f"Địa chỉ: {ctx.get('address') or dots}.")
        self._para(f"Số điện thoại: {ctx.get('phone') or '....................'}. "
                   f"Email: {ctx.get('email') or '..............................'}.")
        self._para("Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:")
        self._items(list(ctx["items"]))
        self._para(f"Lý do yêu cầu: {ctx['reason']}.")
        website = ctx.get("website") or "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"
        self._para("Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể tra cứu các quy định giải quyết "
                   f"thủ tục hành chính tại Website: {website} (phần thủ tục hành chính hoặc danh mục) hoặc liên hệ "
                   f"với công chức {ctx.get('officer') or '....................'}, số điện thoại "
                   f"{ctx.get('unit_phone') or '....................'} để được hướng dẫn./.", gap=4)
        pdf = self.pdf
        pdf.set_x(pdf.l_margin + self.width / 2)
        pdf.set_font("Serif", "B", _BODY)
        pdf.cell(self.width / 2, 6, "NGƯỜI HƯỚNG DẪN", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(pdf.l_margin + self.width / 2)
        pdf.set_font("Serif", "I", 11)
        pdf.cell(self.width / 2, 6, "(Ký, ghi rõ họ tên)", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(18)
        pdf.set_x(pdf.l_margin + self.width / 2)
        pdf.set_font("Serif", "B", _BODY)
        pdf.cell(self.width / 2, 6, str(ctx.get("officer") or ""), align="C", new_x="LMARGIN", new_y="NEXT")
        return bytes(pdf.output())
