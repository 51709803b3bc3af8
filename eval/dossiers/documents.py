"""The papers of generated dossiers, laid out as the real ones are: national motto and issuing body in the header,
form code lines, an upper-case title, labelled fields with dotted leaders, signatures. Each builder returns a
``Layout`` that the renderers turn into a PDF, a DOCX or a page image. Wording follows the public form templates
(civil status forms of the Ministry of Justice, CT01 of the Ministry of Public Security, land registration forms).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from eval.dossiers.people import Person

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


@dataclass
class Block:
    kind: str  # header | title | subtitle | text | field | sign | space
    text: str = ""
    value: str = ""
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """One paper: its blocks in order, and what it is (for the expected results)."""

    kind: str
    title: str
    blocks: list[Block]


def header(left: list[str] | None = None) -> Block:
    return Block("header", left=left or [], right=list(MOTTO))


def title(text: str) -> Block:
    return Block("title", text)


def sub(text: str) -> Block:
    return Block("subtitle", text)


def text(value: str) -> Block:
    return Block("text", value)


def f(label: str, value: str) -> Block:
    return Block("field", label, value)


def sign(left: str, right: str, name: str = "") -> Block:
    return Block("sign", left=[left] if left else [], right=[right, "(Ký, ghi rõ họ, chữ đệm, tên)", "", name])


def dated(place: str, day: dt.date) -> Block:
    return Block("text", f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}")


def _layout(kind: str, blocks: list[Block]) -> Layout:
    heading = next(b.text for b in blocks if b.kind == "title")
    return Layout(kind, heading, blocks)


TODAY = dt.date(2026, 11, 20)


def to_khai_khai_sinh(requester: Person, child: Person, mother: Person, father: Person,
                      child_birth: str | None = None, relation: str = "Mẹ") -> Layout:
    return _layout("to_khai_khai_sinh", [
        header(), title("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
        text(f"Kính gửi: Ủy ban nhân dân {requester.address.split(', ')[-1]}"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Nơi cư trú", requester.address),
        f("Giấy tờ tùy thân", f"Căn cước công dân số {requester.id_number}"),
        f("Quan hệ với người được khai sinh", relation),
        text("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:"),
        f("Họ, chữ đệm, tên", child.name),
        f("Ngày, tháng, năm sinh", f"{child_birth or child.birth_text}   ghi bằng chữ: {child.birth_words}"),
        f("Giới tính", f"{child.sex_vi}   Dân tộc: Kinh   Quốc tịch: Việt Nam"),
        f("Nơi sinh", "Bệnh viện Phụ sản " + mother.province),
        f("Quê quán", father.province),
        f("Họ, chữ đệm, tên người mẹ", mother.name),
        f("Năm sinh", f"{mother.birth.year}   Dân tộc: Kinh   Quốc tịch: Việt Nam"),
        f("Nơi cư trú", mother.address),
        f("Họ, chữ đệm, tên người cha", father.name),
        f("Năm sinh", f"{father.birth.year}   Dân tộc: Kinh   Quốc tịch: Việt Nam"),
        f("Nơi cư trú", father.address),
        text("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật và chịu trách nhiệm trước "
             "pháp luật về cam đoan của mình."),
        dated("Hà Nội", TODAY), sign("", "Người yêu cầu", requester.name),
    ])


def giay_chung_sinh(mother: Person, child: Person, child_birth: str | None = None) -> Layout:
    return _layout("giay_chung_sinh", [
        header(["SỞ Y TẾ " + mother.province.upper(), "BỆNH VIỆN PHỤ SẢN", "Số: 1284/GCS"]),
        title("GIẤY CHỨNG SINH"),
        f("Họ và tên mẹ", mother.name),
        f("Năm sinh", str(mother.birth.year)),
        f("Số định danh cá nhân", mother.id_number),
        f("Nơi cư trú", mother.address),
        f("Dân tộc", "Kinh"),
        text(f"Đã sinh con vào lúc: 08 giờ 15 phút, ngày {child_birth or child.birth_text}"),
        f("Tại", "Bệnh viện Phụ sản " + mother.province),
        f("Số con trong lần sinh này", "01"),
        f("Giới tính của con", child.sex_vi),
        f("Cân nặng", "3.200 gam"),
        f("Dự định đặt tên con", child.name),
        dated(mother.province, child.birth + dt.timedelta(days=2)),
        sign("Người đỡ đẻ", "Thủ trưởng cơ sở y tế", "BS. Lê Văn Thành"),
    ])


def van_ban_lam_chung(witness: Person, child: Person, mother: Person) -> Layout:
    return _layout("van_ban_lam_chung", [
        header(), title("VĂN BẢN XÁC NHẬN CỦA NGƯỜI LÀM CHỨNG VỀ VIỆC SINH"),
        f("Họ, chữ đệm, tên người làm chứng", witness.name),
        f("Số định danh cá nhân", witness.id_number),
        f("Nơi cư trú", witness.address),
        text(f"Tôi xác nhận bà {mother.name} đã sinh một cháu {child.sex_vi.lower()} vào ngày {child.birth_text} "
             "tại nhà riêng; tôi có mặt và chứng kiến việc sinh."),
        f("Họ, chữ đệm, tên trẻ", child.name),
        dated("Phú Thọ", TODAY), sign("", "Người làm chứng", witness.name),
    ])


def giay_cam_doan_sinh(requester: Person, child: Person) -> Layout:
    return _layout("giay_cam_doan_sinh", [
        header(), title("GIẤY CAM ĐOAN VỀ VIỆC SINH"),
        f("Họ, chữ đệm, tên người cam đoan", requester.name),
        f("Số định danh cá nhân", requester.id_number),
        text(f"Tôi cam đoan cháu {child.name}, sinh ngày {child.birth_text}, là con của tôi; việc sinh không có "
             "giấy chứng sinh và không có người làm chứng."),
        dated("Hà Nội", TODAY), sign("", "Người cam đoan", requester.name),
    ])


def bien_ban_bo_roi(child: Person) -> Layout:
    return _layout("bien_ban_bo_roi", [
        header(["ỦY BAN NHÂN DÂN", "PHƯỜNG CỬA NAM"]), title("BIÊN BẢN VỀ VIỆC TRẺ BỊ BỎ RƠI"),
        text(f"Hồi 06 giờ 30 ngày {child.birth_text}, tại cổng chùa Quán Sứ, chúng tôi gồm đại diện Ủy ban nhân "
             "dân phường và Công an phường đã phát hiện một trẻ sơ sinh bị bỏ rơi."),
        f("Giới tính", child.sex_vi), f("Tình trạng sức khỏe", "bình thường, cân nặng khoảng 3 kg"),
        text("Biên bản được lập thành 02 bản, giao trẻ cho bà Nguyễn Thị Lan tạm thời nuôi dưỡng."),
        sign("Đại diện Công an phường", "Đại diện UBND phường", "Trần Văn Bình"),
    ])


def giay_uy_quyen(authorizer: Person, authorized: Person, task: str) -> Layout:
    return _layout("giay_uy_quyen", [
        header(), title("GIẤY ỦY QUYỀN"),
        text("I. BÊN ỦY QUYỀN"),
        f("Họ và tên", authorizer.name), f("Ngày sinh", authorizer.birth_text),
        f("Số định danh cá nhân", authorizer.id_number), f("Nơi cư trú", authorizer.address),
        text("II. BÊN ĐƯỢC ỦY QUYỀN"),
        f("Họ và tên", authorized.name), f("Ngày sinh", authorized.birth_text),
        f("Số định danh cá nhân", authorized.id_number), f("Nơi cư trú", authorized.address),
        text(f"III. NỘI DUNG ỦY QUYỀN: Bên được ủy quyền thay mặt bên ủy quyền {task}."),
        text("Thời hạn ủy quyền: 03 tháng kể từ ngày ký."),
        dated("Hà Nội", TODAY), sign("Bên được ủy quyền", "Bên ủy quyền", authorizer.name),
        text("LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC: Chứng thực chữ ký của bên ủy quyền. Số chứng thực 215, "
             "quyển số 03/2026-SCT/CK."),
    ])


def cccd(person: Person) -> Layout:
    return _layout("cccd", [
        header(), title("CĂN CƯỚC CÔNG DÂN"), sub("Citizen Identity Card"),
        f("Số / No.", person.id_number), f("Họ và tên / Full name", person.name.upper()),
        f("Ngày sinh / Date of birth", person.birth_text),
        f("Giới tính / Sex", f"{person.sex_vi}   Quốc tịch / Nationality: Việt Nam"),
        f("Quê quán / Place of origin", person.province), f("Nơi thường trú / Place of residence", person.address),
        f("Có giá trị đến / Date of expiry", f"{person.birth.day:02d}/{person.birth.month:02d}/2045"),
    ])


def to_khai_khai_tu(requester: Person, deceased: Person, deceased_name: str | None = None) -> Layout:
    return _layout("to_khai_khai_tu", [
        header(), title("TỜ KHAI ĐĂNG KÝ KHAI TỬ"),
        text(f"Kính gửi: Ủy ban nhân dân {deceased.address.split(', ')[-1]}"),
        f("Họ, chữ đệm, tên người yêu cầu", requester.name),
        f("Nơi cư trú", requester.address),
        f("Giấy tờ tùy thân", f"Căn cước công dân số {requester.id_number}"),
        f("Quan hệ với người đã chết", "Con"),
        text("Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:"),
        f("Họ, chữ đệm, tên", deceased_name or deceased.name),
        f("Ngày, tháng, năm sinh", deceased.birth_text),
        f("Giới tính", f"{deceased.sex_vi}   Dân tộc: Kinh   Quốc tịch: Việt Nam"),
        f("Số định danh cá nhân", deceased.id_number),
        f("Nơi cư trú cuối cùng", deceased.address),
        f("Đã chết vào lúc", "14 giờ 20 phút, ngày 10/11/2026"),
        f("Nơi chết", "Bệnh viện Bạch Mai"), f("Nguyên nhân chết", "Bệnh"),
        f("Giấy báo tử/Giấy tờ thay thế Giấy báo tử số", "355/GBT"),
        dated("Hà Nội", TODAY), sign("", "Người yêu cầu", requester.name),
    ])


def giay_bao_tu(deceased: Person) -> Layout:
    return _layout("giay_bao_tu", [
        header(["BỘ Y TẾ", "BỆNH VIỆN BẠCH MAI", "Số: 355/GBT"]), title("GIẤY BÁO TỬ"),
        f("Họ, chữ đệm, tên người chết", deceased.name),
        f("Ngày, tháng, năm sinh", deceased.birth_text), f("Giới tính", deceased.sex_vi),
        f("Số định danh cá nhân", deceased.id_number), f("Nơi cư trú", deceased.address),
        f("Đã chết vào lúc", "14 giờ 20 phút, ngày 10/11/2026"), f("Nơi chết", "Khoa Hồi sức tích cực"),
        f("Nguyên nhân chết", "Suy tim"),
        dated("Hà Nội", dt.date(2026, 11, 10)), sign("", "Giám đốc bệnh viện", "PGS.TS. Đào Xuân Cơ"),
    ])


def to_khai_ket_hon(wife: Person, husband: Person, wife_id: str | None = None) -> Layout:
    return _layout("to_khai_ket_hon", [
        header(), title("TỜ KHAI ĐĂNG KÝ KẾT HÔN"),
        text(f"Kính gửi: Ủy ban nhân dân {wife.address.split(', ')[-1]}"),
        text("THÔNG TIN BÊN NỮ"),
        f("Họ, chữ đệm, tên", wife.name), f("Ngày, tháng, năm sinh", wife.birth_text),
        f("Dân tộc", "Kinh   Quốc tịch: Việt Nam"), f("Nơi cư trú", wife.address),
        f("Số định danh cá nhân", wife_id or wife.id_number), f("Kết hôn lần thứ mấy", "Lần đầu"),
        text("THÔNG TIN BÊN NAM"),
        f("Họ, chữ đệm, tên", husband.name), f("Ngày, tháng, năm sinh", husband.birth_text),
        f("Dân tộc", "Kinh   Quốc tịch: Việt Nam"), f("Nơi cư trú", husband.address),
        f("Số định danh cá nhân", husband.id_number), f("Kết hôn lần thứ mấy", "Lần đầu"),
        text("Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, "
             "không vi phạm quy định của Luật Hôn nhân và gia đình."),
        dated("Đà Nẵng", TODAY), sign("Bên nam", "Bên nữ", wife.name),
    ])


def ct01(person: Person, content: str, new_address: str) -> Layout:
    return _layout("ct01", [
        Block("header", left=["Mẫu CT01 ban hành kèm theo", "Thông tư số 53/2025/TT-BCA"], right=list(MOTTO)),
        title("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"),
        text(f"Kính gửi: Công an {new_address.split(', ')[-1]}"),
        f("1. Họ, chữ đệm và tên", person.name), f("2. Ngày, tháng, năm sinh", person.birth_text),
        f("3. Giới tính", person.sex_vi), f("4. Số định danh cá nhân", person.id_number),
        f("5. Số điện thoại liên hệ", "0912 345 678"), f("6. Email", "nguoidan@example.vn"),
        f("7. Họ, chữ đệm và tên chủ hộ", person.name), f("8. Mối quan hệ với chủ hộ", "Chủ hộ"),
        f("9. Số định danh cá nhân của chủ hộ", person.id_number),
        f("10. Nội dung đề nghị", f"{content} tại {new_address}"),
        dated("Hà Nội", TODAY), sign("Ý kiến của chủ hộ", "Người kê khai", person.name),
    ])


def hop_dong_thue_nha(lessor: Person, lessee: Person, address: str) -> Layout:
    return _layout("hop_dong_thue_nha", [
        header(), title("HỢP ĐỒNG THUÊ NHÀ Ở"),
        text("Căn cứ Bộ luật Dân sự năm 2015 và Luật Nhà ở năm 2023; hôm nay, tại " + address + ", chúng tôi gồm:"),
        text("BÊN CHO THUÊ (BÊN A)"), f("Họ và tên", lessor.name), f("Số định danh cá nhân", lessor.id_number),
        f("Nơi cư trú", lessor.address),
        text("BÊN THUÊ (BÊN B)"), f("Họ và tên", lessee.name), f("Số định danh cá nhân", lessee.id_number),
        f("Nơi cư trú", lessee.address),
        text(f"Điều 1. Bên A đồng ý cho Bên B thuê căn nhà tại {address}, diện tích sử dụng 45 m2, để ở."),
        text("Điều 2. Thời hạn thuê 24 tháng; giá thuê 6.000.000 đồng/tháng."),
        text("Hợp đồng được công chứng tại Văn phòng công chứng Hoàn Kiếm, số công chứng 1520, quyển số 05/2026."),
        sign("BÊN A", "BÊN B", lessee.name),
    ])


def gcn_qsdd(owner: Person) -> Layout:
    return _layout("gcn_qsdd", [
        header(), title("GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        text("I. NGƯỜI SỬ DỤNG ĐẤT, CHỦ SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        f("Ông/Bà", owner.name), f("Năm sinh", str(owner.birth.year)),
        f("Số định danh cá nhân", owner.id_number), f("Địa chỉ thường trú", owner.address),
        text("II. THỬA ĐẤT, TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        f("Thửa đất số", "125   Tờ bản đồ số: 18"), f("Diện tích", "86,5 m2"),
        f("Mục đích sử dụng", "Đất ở tại đô thị"), f("Thời hạn sử dụng", "Lâu dài"),
        text("Số vào sổ cấp Giấy chứng nhận: CS 04521"),
    ])


def giay_de_nghi_hkd(owner: Person, business: str) -> Layout:
    return _layout("giay_de_nghi_hkd", [
        header(), title("GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH"),
        text("Kính gửi: Phòng Tài chính - Kế hoạch"),
        f("Tôi là (ghi họ tên bằng chữ in hoa)", owner.name.upper()),
        f("Ngày, tháng, năm sinh", owner.birth_text), f("Giới tính", owner.sex_vi),
        f("Số định danh cá nhân", owner.id_number), f("Địa chỉ thường trú", owner.address),
        text("Đăng ký hộ kinh doanh với các nội dung sau:"),
        f("1. Tên hộ kinh doanh", business), f("2. Địa chỉ trụ sở hộ kinh doanh", owner.address),
        f("3. Ngành, nghề kinh doanh", "Bán lẻ lương thực, thực phẩm"), f("4. Vốn kinh doanh", "150.000.000 đồng"),
        f("5. Số lượng lao động", "03"),
        dated("Hà Nội", TODAY), sign("", "CHỦ HỘ KINH DOANH", owner.name),
    ])


def uy_quyen_ho_gia_dinh(members: list[Person], owner: Person) -> Layout:
    blocks = [header(), title("VĂN BẢN ỦY QUYỀN"),
              sub("(Của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh)"),
              text("Chúng tôi là các thành viên hộ gia đình cùng đăng ký thành lập hộ kinh doanh, gồm:")]
    for member in members:
        blocks += [f("Họ và tên", member.name), f("Số định danh cá nhân", member.id_number)]
    blocks += [text(f"Nhất trí ủy quyền cho ông/bà {owner.name} làm chủ hộ kinh doanh và đại diện hộ kinh doanh."),
               text("Văn bản được chứng thực tại Ủy ban nhân dân phường ngày 15/11/2026."),
               dated("Hà Nội", TODAY), sign("", "Các thành viên hộ gia đình", members[0].name)]
    return _layout("uy_quyen_ho_gia_dinh", blocks)


def bang_tot_nghiep(holder: Person) -> Layout:
    return _layout("bang_tot_nghiep", [
        header(["BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI"]), title("BẰNG TỐT NGHIỆP ĐẠI HỌC"),
        text("HIỆU TRƯỞNG TRƯỜNG ĐẠI HỌC BÁCH KHOA HÀ NỘI cấp"), text("BẰNG KỸ SƯ"),
        f("Ngành", "Kỹ thuật điện"), f("Cho", holder.name), f("Ngày sinh", holder.birth_text),
        f("Xếp loại tốt nghiệp", "Khá"), f("Số hiệu", "BK 0452178"),
    ])


def don_bien_dong(owner: Person) -> Layout:
    return _layout("don_bien_dong", [
        Block("header", left=["Mẫu số 18", "(Ban hành kèm theo Nghị định số 151/2025/NĐ-CP)"], right=list(MOTTO)),
        title("ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT"),
        text("Kính gửi: Văn phòng đăng ký đất đai thành phố Hà Nội"),
        text("I. PHẦN KÊ KHAI CỦA NGƯỜI ĐĂNG KÝ"),
        f("1. Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất: Họ và tên", owner.name),
        f("Năm sinh", str(owner.birth.year)), f("Số định danh cá nhân", owner.id_number),
        f("Địa chỉ", owner.address),
        f("2. Giấy chứng nhận đã cấp: Số vào sổ cấp GCN", "CS 04521   Ngày cấp: 12/03/2018"),
        f("3. Nội dung biến động", "Đề nghị cấp lại Giấy chứng nhận do bị mất"),
        f("4. Lý do biến động", "Bị mất do hỏa hoạn ngày 02/09/2026"),
        text("Tôi cam đoan nội dung kê khai trên đơn là đúng sự thật."),
        dated("Hà Nội", TODAY), sign("", "Người viết đơn", owner.name),
    ])


def trich_do(owner: Person) -> Layout:
    return _layout("trich_do", [
        header(["VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "CHI NHÁNH HOÀN KIẾM"]), title("MẢNH TRÍCH ĐO BẢN ĐỒ ĐỊA CHÍNH"),
        f("Số hiệu mảnh trích đo", "TĐ 2026-118"), f("Thửa đất số", "125   Tờ bản đồ số: 18"),
        f("Diện tích", "86,5 m2"), f("Người sử dụng đất", owner.name),
        text("Bảng kê tọa độ đỉnh thửa: 1 (2327812.45; 585402.10); 2 (2327820.11; 585410.52); 3 (2327808.90; "
             "585418.73)."),
        sign("Người đo đạc", "Giám đốc chi nhánh", "Phạm Quang Huy"),
    ])


def hoa_don_dien(customer: Person) -> Layout:
    return _layout("hoa_don_dien", [
        header(["TỔNG CÔNG TY ĐIỆN LỰC HÀ NỘI"]), title("HÓA ĐƠN GIÁ TRỊ GIA TĂNG (TIỀN ĐIỆN)"),
        f("Kỳ hóa đơn", "Tháng 10/2026"), f("Tên khách hàng", customer.name),
        f("Địa chỉ", customer.address), f("Chỉ số mới", "15.842   Chỉ số cũ: 15.601"),
        f("Điện năng tiêu thụ", "241 kWh"), f("Tổng tiền thanh toán", "612.450 đồng"),
    ])


def van_ban_tam_tru_danh_sach(head: Person, members: list[Person], address: str) -> Layout:
    blocks = [header(["CÔNG TY TNHH MAY SÔNG HỒNG"]), title("VĂN BẢN ĐỀ NGHỊ ĐĂNG KÝ TẠM TRÚ"),
              sub("(Đăng ký tạm trú theo danh sách)"),
              text(f"Kính gửi: Công an {address.split(', ')[-1]}"),
              text(f"Công ty đề nghị đăng ký tạm trú cho người lao động tại chỗ ở hợp pháp: {address}."),
              text("DANH SÁCH NGƯỜI ĐĂNG KÝ TẠM TRÚ")]
    for index, member in enumerate(members, start=1):
        blocks.append(text(f"{index}. {member.name}, sinh ngày {member.birth_text}, {member.sex_vi}, "
                           f"số định danh cá nhân {member.id_number}, thời hạn tạm trú 12 tháng"))
    blocks += [dated("Hà Nội", TODAY), sign("", "Giám đốc", head.name)]
    return _layout("van_ban_tam_tru_danh_sach", blocks)


def giay_kham_suc_khoe(person: Person) -> Layout:
    return _layout("giay_kham_suc_khoe", [
        header(["SỞ Y TẾ HÀ NỘI", "BỆNH VIỆN ĐA KHOA ĐỐNG ĐA"]), title("GIẤY KHÁM SỨC KHỎE"),
        f("Họ và tên", person.name), f("Giới", person.sex_vi), f("Tuổi", str(2026 - person.birth.year)),
        f("Lý do khám", "Khám sức khỏe định kỳ"), f("Kết luận", "Đủ sức khỏe làm việc"),
    ])
