"""Every Vietnamese string the bot sends, in one place (HTML parse mode:
placeholders are escaped by the callers with `html.escape`)."""

from __future__ import annotations

from knowledge.item_kinds import KINDS, TRACKED

# (command, menu description) — registered with set_my_commands.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Bắt đầu, chọn xã/phường"),
    ("help", "Hướng dẫn sử dụng"),
    ("diaphuong", "Chọn hoặc đổi xã/phường"),
    ("chitieu", "Tra cứu chỉ tiêu"),
    ("nhiemvu", "Tra cứu nhiệm vụ"),
    ("tiendo", "Xem tiến độ thực hiện"),
    ("dangky", "Cán bộ đăng ký: /dangky Họ tên - Chức danh"),
    ("capnhat", "Cán bộ cập nhật tiến độ"),
    ("lichsu", "Lịch sử cập nhật của một chỉ tiêu"),
    ("theodoi", "Nhận bản tin hằng tháng"),
    ("huytheodoi", "Hủy nhận bản tin"),
    ("baocao", "Báo cáo (lãnh đạo, quản trị)"),
)
# The menu each role sees (handlers/menus.py): residents are not offered what they cannot use.
OFFICER_COMMANDS = frozenset({"capnhat"})
LEADER_COMMANDS = frozenset({"capnhat", "baocao"})
# Commands that change or reveal officers' data: private chat only (handlers.common.private_only).
PRIVATE_COMMANDS = frozenset({"dangky", "capnhat", "baocao"})

WELCOME = (
    "Xin chào! Tôi là trợ lý kế hoạch phát triển kinh tế - xã hội của UBND xã/phường.\n"
    "Bạn có thể hỏi về chỉ tiêu, nhiệm vụ, người phụ trách và tiến độ thực hiện, "
    "ví dụ: <i>tỷ lệ tham gia bảo hiểm y tế năm nay là bao nhiêu?</i>"
)
WELCOME_LOCALITY = "Địa phương của bạn: <b>{name}</b>."
CHOOSE_LOCALITY = "Hãy chọn xã/phường của bạn:"
NO_LOCALITY_DATA = "Chưa có kế hoạch nào được nạp vào hệ thống."

HELP = (
    "<b>Cách sử dụng</b>\n"
    "• Gõ câu hỏi bình thường (có dấu hoặc không dấu).\n"
    "• /diaphuong [tên] — chọn xã/phường\n"
    "• /chitieu [từ khóa] — tra cứu chỉ tiêu\n"
    "• /nhiemvu [từ khóa] — tra cứu nhiệm vụ\n"
    "• /tiendo [từ khóa] — xem tiến độ\n"
    "• /lichsu &lt;chỉ tiêu&gt; — lịch sử cập nhật\n"
    "• /theodoi, /huytheodoi — bản tin hằng tháng\n"
    "<b>Cán bộ</b> (nhắn riêng với bot)\n"
    "• /dangky Họ tên - Chức danh/đơn vị — đăng ký cập nhật tiến độ\n"
    "• /capnhat &lt;chỉ tiêu hoặc nhiệm vụ&gt;: &lt;giá trị hoặc tình trạng&gt; [ghi chú]\n"
    "  ví dụ: <code>/capnhat tỷ lệ tham gia bảo hiểm y tế: 93%</code>"
)

OPEN_BOARD = "Xem bảng theo dõi"
MENU_BOARD = "Bảng theo dõi"
LOCALITY_SET = "Đã chọn <b>{name}</b>. Bây giờ bạn có thể đặt câu hỏi."
LOCALITY_NOT_FOUND = "Không tìm thấy xã/phường «{query}». Hãy chọn trong danh sách:"
LOCALITY_PICK = "Có nhiều địa phương gần giống, hãy chọn:"

# Lookups
NO_MATCH = "Không tìm thấy {what} phù hợp với «{query}»."
CHOOSE_LOCALITY_HINT = "Chọn xã/phường bằng /diaphuong hoặc ghi tên xã/phường sau từ khóa để tìm đúng nơi."
LIST_HEADER = "<b>{what}</b> ({locality}):"
ITEM_KIND = {k: KINDS[k].label for k in TRACKED}  # "Chỉ tiêu", "Nhiệm vụ" (knowledge/item_kinds.py)
WHAT_INDICATORS = "chỉ tiêu"
WHAT_TASKS = "nhiệm vụ"
WHAT_ITEMS = "chỉ tiêu hoặc nhiệm vụ"
TARGET = "Mục tiêu: {target}"
DEADLINE = "Thời hạn: {deadline}"
LEADER = "Lãnh đạo phụ trách: {who}"
RESPONSIBLE = "Đơn vị/cán bộ thực hiện: {who}"
PROGRESS_LATEST = "Tiến độ mới nhất: <b>{value}</b> ({when}, {who})"
PROGRESS_NONE = "Chưa có cập nhật tiến độ."
PROGRESS_BY_DOC = "theo văn bản"
PROGRESS_UPDATED = "cập nhật"
AN_OFFICER = "cán bộ"  # a record whose officer has no party name (an admin, or made before names were kept)
HISTORY_HEADER = "<b>Lịch sử cập nhật</b> — {name}:"
HISTORY_EMPTY = "Chưa có cập nhật nào cho «{name}»."
NEED_KEYWORD = "Hãy gõ kèm từ khóa, ví dụ: <code>/{command} bảo hiểm y tế</code>"
MORE_CANDIDATES = "Có thể bạn muốn hỏi:"

# Browsing without a keyword: the plan's groups, then a group's items page by page
BROWSE_WHAT = {"i": "Chỉ tiêu", "t": "Nhiệm vụ", "a": "Tiến độ thực hiện"}
BROWSE_COMMAND = {"i": "chitieu", "t": "nhiemvu", "a": "tiendo"}
BROWSE_GROUPS = (
    "<b>{what}</b> — {place}\nChọn một nhóm để xem, hoặc gõ kèm từ khóa, "
    "ví dụ: <code>/{command} bảo hiểm y tế</code>"
)
BROWSE_NEED_LOCALITY = "Hãy chọn xã/phường trước để xem danh sách:"
BROWSE_EMPTY = "Kế hoạch hiện hành của {place} không có {what} nào."
BROWSE_MINE = "⭐ Việc của tôi"
BROWSE_PAGE = "<b>{group}</b> — {place}\nTrang {page}/{pages} · {count} mục"
LIST_PAGE = "<b>{heading}</b>\nTrang {page}/{pages}"
BROWSE_TAP = "Bấm số thứ tự để xem chi tiết."
BROWSE_GONE = "Danh sách này đã thay đổi. Hãy gõ lại lệnh để xem danh sách mới."
BROWSE_OWN_MARK = "⭐"
BTN_MORE = "Xem thêm ▶"
BTN_PREV = "◀ Trước"
BTN_GROUPS = "↩ Các nhóm"
BROWSE_NO_PROGRESS = "chưa cập nhật"
PLAN_ENDED = "đã hết kỳ kế hoạch"
PLAN_ENDED_LINE = "Tình trạng: <b>đã hết kỳ kế hoạch</b> (kế hoạch đến hết năm {year})"
BUTTON_EXPIRED = "Nút này đã hết hạn."

# Questions
# The one notice a user over budget gets ({wait}: '20 giây', '5 phút'); silence after it.
SLOW_DOWN = "Bạn gửi câu hỏi hơi nhanh. Vui lòng đợi khoảng {wait} rồi hỏi tiếp nhé."
SLOW_DOWN_BY_KIND = {
    "question": SLOW_DOWN,
    "command": "Bạn gửi lệnh hơi nhanh. Vui lòng đợi khoảng {wait} rồi thử lại nhé.",
    "callback": "Bạn bấm nút hơi nhanh. Vui lòng đợi khoảng {wait} rồi bấm lại nhé.",
    "registration": "Bạn gửi yêu cầu đăng ký hơi nhanh. Vui lòng đợi khoảng {wait} rồi thử lại nhé.",
}
NO_ANSWER = (
    "Xin lỗi, tôi chưa tìm thấy thông tin phù hợp. Hãy thử từ khóa khác, hoặc dùng /chitieu, /nhiemvu."
)

# Registration
REGISTER_USAGE = "Cú pháp: <code>/dangky Họ tên - Chức danh/đơn vị</code>\nví dụ: <code>/dangky Nguyễn Văn A - Trưởng Trạm y tế</code>"
REGISTER_NEED_LOCALITY = "Hãy chọn xã/phường trước bằng /diaphuong rồi đăng ký lại."
REGISTER_SENT = "Đã gửi yêu cầu đăng ký của bạn tới quản trị viên. Bạn sẽ nhận được thông báo khi được duyệt."
REGISTER_PENDING = (
    "Yêu cầu đăng ký của bạn đã gửi, đang chờ quản trị viên duyệt. "
    "Bạn sẽ nhận được thông báo khi có kết quả; không cần gửi lại."
)
REGISTER_NO_ADMIN = "Hiện chưa có quản trị viên nào để duyệt. Vui lòng liên hệ UBND."
REGISTER_FORBIDDEN = "Tài khoản này không thể đăng ký."
ADMIN_NEW_REQUEST = (
    "<b>Yêu cầu đăng ký cán bộ</b>\n"
    "Người gửi: {name} (id <code>{user_id}</code>)\n"
    "Chức danh: {title}\n"
    "Địa phương: {locality}\n"
    "{hint}"
)
# Many requests at once: one digest instead of a card each ({lines}: one per request).
ADMIN_DIGEST = (
    "<b>{count} yêu cầu đăng ký cán bộ mới</b> đang chờ duyệt:\n{lines}\nBấm tên từng người để xem và duyệt."
)
ADMIN_PENDING_PAGE = "<b>Yêu cầu đăng ký đang chờ duyệt</b> (tiếp):\n{lines}"
ADMIN_PENDING_LINE = "• {name} — {title} ({locality})"
ADMIN_PENDING_MORE = "… và {count} yêu cầu khác."
ADMIN_PENDING_NONE = "Không còn yêu cầu đăng ký nào đang chờ duyệt."
BTN_VIEW_REQUEST = "👤 {name}"
BTN_MORE_REQUESTS = "Xem thêm ▶"
ADMIN_PICK_PARTY = "Chọn đơn vị/cán bộ phụ trách tương ứng để duyệt:"
ADMIN_NO_CANDIDATE = (
    "Không có đơn vị/cán bộ nào trong kế hoạch khớp với chức danh này. "
    "Bấm «Chọn trong danh sách» để chọn đơn vị/cán bộ tương ứng."
)
BTN_PICK_LIST = "📋 Chọn trong danh sách"
BTN_PICK_OTHER = "📋 Chọn đơn vị/cán bộ khác"
ADMIN_PARTY_PAGE = "Chọn đơn vị/cán bộ của {name} (trang {page}/{pages}):"
ADMIN_NO_PARTIES = "Kế hoạch của địa phương này chưa ghi đơn vị/cán bộ phụ trách nào nên chưa duyệt được."
BTN_APPROVE = "✅ Duyệt: {party}"
BTN_REJECT = "❌ Từ chối"
ADMIN_APPROVED = "Đã duyệt {name}: liên kết với «{party}»."
ADMIN_LINKS_REMOVED = "Đã bỏ liên kết cũ: {old}."
ADMIN_REJECTED = "Đã từ chối yêu cầu của {name}."
ADMIN_ALREADY = "Yêu cầu này đã được xử lý trước đó."
ADMIN_ONLY = "Chỉ quản trị viên mới thực hiện được thao tác này."
USER_APPROVED = (
    "Yêu cầu đăng ký của bạn đã được duyệt. Bạn được cập nhật tiến độ các chỉ tiêu/nhiệm vụ của «{party}».\n"
    "Gõ /capnhat để bắt đầu."
)
USER_REJECTED = "Yêu cầu đăng ký của bạn chưa được chấp thuận. Vui lòng liên hệ UBND để biết thêm."

# Progress updates
UPDATE_NOT_OFFICER = (
    "Bạn chưa có quyền cập nhật tiến độ: chỉ cán bộ đã được duyệt mới cập nhật được. "
    "Cán bộ hãy đăng ký bằng /dangky."
)
UPDATE_NOT_OFFICER_SHORT = "Chỉ cán bộ đã được duyệt mới cập nhật được tiến độ."
UPDATE_USAGE = (
    "Cú pháp: <code>/capnhat &lt;chỉ tiêu hoặc nhiệm vụ&gt;: &lt;giá trị hoặc tình trạng&gt; [ghi chú]</code>\n"
    "ví dụ: <code>/capnhat tỷ lệ tham gia bảo hiểm y tế: 93%</code>"
)
UPDATE_PICK_ITEM = "Chọn chỉ tiêu/nhiệm vụ cần cập nhật:"
UPDATE_NO_ITEMS = "Bạn chưa được giao chỉ tiêu/nhiệm vụ nào trong kế hoạch hiện hành."
UPDATE_TYPE_VALUE = (
    "Nhập giá trị hoặc tình trạng mới cho «{name}» (ví dụ: 93%, 1.200 tấn, Đạt, đang thực hiện):"
)
UPDATE_NOT_FOUND = "Không tìm thấy chỉ tiêu hoặc nhiệm vụ «{query}» trong kế hoạch của địa phương bạn."
UPDATE_FORBIDDEN = (
    "Bạn không có quyền cập nhật «{name}»: chỉ tiêu/nhiệm vụ này không do đơn vị của bạn phụ trách. "
    "Không có gì được ghi nhận."
)
UPDATE_NOTE_TOO_LONG = (
    "Ghi chú dài {length} ký tự, vượt giới hạn {limit} ký tự. Hãy rút gọn ghi chú rồi gửi lại. "
    "Không có gì được ghi nhận."
)
UPDATE_BAD_VALUE = (
    "Giá trị «{value}» không hợp lệ cho «{name}». Hãy nhập một con số (ví dụ 93%, 93,5, 1.200 tấn) "
    "hoặc tình trạng (Đạt, Hoàn thành, Đang thực hiện). Không có gì được ghi nhận."
)
UPDATE_PREVIEW = (
    "<b>Xác nhận cập nhật tiến độ</b>\n"
    "{kind}: {name}\n"
    "{target}"
    "Giá trị trước: {previous}\n"
    "Giá trị mới: <b>{value}</b>\n"
    "{achievement}"
    "{note}"
    "Bấm «Xác nhận» để ghi nhận hoặc «Hủy»."
)
UPDATE_NO_PREVIOUS = "chưa có"
UPDATE_ACHIEVEMENT = "So với chỉ tiêu: {text}\n"
ACHIEVEMENT_PERCENT = "{percent}% chỉ tiêu"
ACHIEVEMENT_LOWER_BETTER = " (càng thấp càng tốt)"
ACHIEVEMENT_MET = "đạt"
ACHIEVEMENT_NOT_MET = "chưa đạt"
STATUS_LABELS = {
    "done": "Hoàn thành",
    "met": "Đạt",
    "in_progress": "Đang thực hiện",
    "not_done": "Chưa hoàn thành",
    "not_met": "Chưa đạt",
    "not_started": "Chưa thực hiện",
}
ALL_LOCALITIES = "tất cả địa phương"
UPDATE_NOTE = "Ghi chú: {note}\n"
BTN_CONFIRM = "✅ Xác nhận"
BTN_CANCEL = "✖️ Hủy"
UPDATE_STORED = "Đã ghi nhận: {name} — <b>{value}</b>."
UPDATE_ALREADY = "Cập nhật này đã được ghi nhận trước đó (không ghi lại lần nữa)."
UPDATE_CANCELLED = "Đã hủy, không có gì được ghi nhận."
UPDATE_NOT_YOURS = "Nút này không dành cho bạn."
UPDATE_FORBIDDEN_NOW = "Bạn không còn quyền cập nhật mục này. Không có gì được ghi nhận."

# Subscriptions and reports
SUBSCRIBED = (
    "Đã đăng ký nhận bản tin tiến độ hằng tháng của <b>{place}</b>. "
    "Bản tin đầu tiên sẽ gửi vào cuối tháng {month}."
)
ALREADY_SUBSCRIBED = "Bạn đã đăng ký nhận bản tin hằng tháng của <b>{place}</b>. Gõ /huytheodoi để hủy."
SUBSCRIBE_NEED_LOCALITY = "Bạn muốn nhận bản tin của xã/phường nào? Hãy chọn:"
UNSUBSCRIBED = "Đã hủy nhận bản tin hằng tháng."
REPORT_FORBIDDEN = "Chỉ lãnh đạo và quản trị viên mới xem được báo cáo."
REPORT_SUMMARY = (
    "<b>Tình hình cập nhật</b> ({locality})\nSố chỉ tiêu/nhiệm vụ: {items}\nĐã có cập nhật tiến độ: {updated}"
)
REPORT_NEED_LOCALITY = "Chọn xã/phường bằng /diaphuong để nhận báo cáo chi tiết (tệp Excel và biểu đồ)."
REPORT_PERIOD = "Số liệu tính đến hết tháng {month}/{year}."
REPORT_PERIOD_USAGE = (
    "Gõ <code>/baocao</code> để xem số liệu mới nhất, hoặc <code>/baocao 2024-05</code> cho một tháng."
)
REPORT_CHART_CAPTION = "Biểu đồ tiến độ so với chỉ tiêu kế hoạch."

# Private chat only (officers' data never goes to a group)
PRIVATE_ONLY = (
    "Lệnh /{command} chỉ dùng trong tin nhắn riêng với bot, để giữ kín thông tin của cán bộ. "
    "Mời bạn nhắn riêng: {link}"
)
PRIVATE_ONLY_BUTTON = "Nút này chỉ dùng trong tin nhắn riêng với bot."
PRIVATE_CHAT_FALLBACK = "mở trò chuyện riêng với bot"

# Faults
APOLOGY = "Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút."
UNKNOWN_COMMAND = "Không có lệnh này. Gõ /help để xem các lệnh."
ONLY_TEXT = (
    "Tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi, ví dụ: <i>tỷ lệ tham gia bảo hiểm y tế</i>, "
    "hoặc gõ /help để xem các lệnh."
)
MENTION_EMPTY = "Bạn cần hỏi gì? Hãy gõ câu hỏi sau tên bot, ví dụ: <i>@{bot} tỷ lệ hộ nghèo</i>."
