"""Replies to small talk and to questions out of scope (procedures, weather, English)."""

from __future__ import annotations

GREETING_REPLY = (
    "Xin chào! Tôi trả lời câu hỏi về chỉ tiêu, nhiệm vụ trong kế hoạch của xã/phường. "
    "Bạn hỏi thử: «Tỷ lệ hộ nghèo năm nay là bao nhiêu?» (gõ /help để xem thêm)."
)
THANKS_REPLY = "Không có gì ạ! Bạn cần hỏi thêm về kế hoạch của xã/phường thì cứ nhắn nhé."
GOODBYE_REPLY = "Tạm biệt bạn! Khi cần, cứ nhắn câu hỏi về kế hoạch của xã/phường."
CAN_ANSWER = (
    "Tôi chỉ trả lời về kế hoạch của xã/phường: chỉ tiêu, nhiệm vụ, ai phụ trách, thời hạn, "
    "tiến độ và lịch báo cáo. Ví dụ: «Ai phụ trách chỉ tiêu BHYT?»"
)
WEATHER_REPLY = "Tôi không có thông tin thời tiết. " + CAN_ANSWER
ENGLISH_REPLY = CAN_ANSWER + " Bạn hãy hỏi bằng tiếng Việt (có dấu hoặc không dấu)."
ENGLISH_LINE = (
    "English: I answer questions in Vietnamese about the targets and tasks of a commune's plans, "
    "e.g. «Tỷ lệ hộ nghèo năm nay là bao nhiêu?»."
)
_ENGLISH_SMALL_TALK = {
    "greeting": "English: hello! Ask me in Vietnamese about a commune's plans.",
    "thanks": "English: you are welcome.",
    "goodbye": "English: goodbye!",
}


def one_stop_shop(place: str | None) -> str:
    """Where procedures are done: the one-stop desk of the asker's place."""
    if place:
        return f"Bộ phận một cửa của UBND {place}"
    return "Bộ phận một cửa của UBND xã/phường nơi bạn cư trú"


def procedure_answer(place: str | None, civil: bool = False) -> str:
    what = "hộ tịch (khai sinh, kết hôn, khai tử …)" if civil else "thủ tục hành chính"
    head = (
        f"Tôi không hướng dẫn {what}. Bạn hãy liên hệ {one_stop_shop(place)}"
        " hoặc tra cứu trên Cổng dịch vụ công quốc gia (dichvucong.gov.vn)."
    )
    where = "" if place else " Chọn địa phương bằng /diaphuong <tên> để tôi chỉ đúng nơi."
    return head + where + "\n" + CAN_ANSWER


def small_talk_answer(kind: str, place: str | None = None, english: bool = False) -> str:
    """The reply to a message that is no question about the plans (knowledge.smalltalk)."""
    text = {
        "greeting": GREETING_REPLY,
        "thanks": THANKS_REPLY,
        "goodbye": GOODBYE_REPLY,
        "weather": WEATHER_REPLY,
        "civil_registration": procedure_answer(place, civil=True),
        "procedure": procedure_answer(place),
    }.get(kind, ENGLISH_REPLY)
    if english:
        text += "\n" + _ENGLISH_SMALL_TALK.get(kind, ENGLISH_LINE)
    return text
