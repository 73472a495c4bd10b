"""Names of bodies in running text, and resolving them to units of the organisation tree.

A body name is read by grammar, not looked up in a list of known names: a
head noun ("Ban", "Sở", "Ủy ban", "Đảng đoàn", "huyện ủy", "đồng chí" ...)
followed by its qualifiers: a proper name in capitals ("Ban Tuyên giáo",
"Sở Thông tin và Truyền thông"), an owner ("Tỉnh ủy", "tỉnh", "các cấp",
"trực thuộc Tỉnh ủy"), or, for Party groups and persons, the body they belong
to ("Ban cán sự đảng UBND tỉnh", "Bí thư các huyện ủy"). A determiner
("các") opens a group phrase that keeps the heads listed after it
("các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy") as one name.

``read_bodies(text, start)`` reads a list of such names and tells where it
ends, which is where the predicate ("chủ trì", "xây dựng kế hoạch ...")
begins. ``BodyDirectory`` maps printed names to unit ids for the Django layer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from nghiquyet.text.normalize import match_key


@dataclass(slots=True)
class Token:
    key: str  # match_key of the token: lower case, tone placement normalised
    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def abbreviation(self) -> bool:
        return len(self.text) >= 2 and self.text.isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


_TOKEN = re.compile(r"[^\W_]+|[,;:()\-/.\"'“”]")


@lru_cache(maxsize=8192)
def _key(word: str) -> str:
    return match_key(word)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(_key(m.group()), m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_key(m.group()) for m in _TOKEN.finditer(phrase))


# --- the lexicon: heads and qualifiers ---------------------------------------------------
#
# Each head is a phrase and how it behaves:
#   "named"   needs a proper name after it ("Sở" Nội vụ, "Hội" Cựu chiến binh) unless
#             it follows a determiner ("các sở", "các hội");
#   "owner"   may be followed by the body it belongs to ("Đảng đoàn" HĐND tỉnh,
#             "Bí thư" các huyện ủy, "Thường trực" Tỉnh ủy);
#   "plain"   stands alone or with owner qualifiers ("huyện ủy", "Tỉnh ủy", "UBND").

_HEADS: dict[str, str] = {}


def _heads(kind: str, *phrases: str) -> None:
    for phrase in phrases:
        _HEADS[" ".join(_keys(phrase))] = kind


_heads("person",
       "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "giám đốc", "thủ trưởng", "người đứng đầu",
       "ủy viên", "ủy viên ban thường vụ", "cấp ủy viên", "trưởng ban", "tập thể lãnh đạo")
_heads("owner",
       "đảng đoàn", "ban cán sự đảng", "ban cán sự", "bcsđ", "bcs đảng", "bcs", "đảng ủy", "đảng uỷ",
       "thường trực", "ban thường vụ", "ban chấp hành", "ban chấp hành đảng bộ", "btv", "bch",
       "văn phòng", "ủy ban kiểm tra", "ubkt", "ban tổ chức", "ban tuyên giáo", "ban dân vận",
       "ban nội chính", "ban kinh tế", "ban quản lý", "ban chỉ đạo", "cơ quan thường trực")
_heads("plain",
       "tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy", "quận ủy", "chi ủy", "cấp ủy", "cấp ủy đảng",
       "tỉnh ủy viên", "tỉnh đoàn", "huyện đoàn", "thành đoàn", "bộ chính trị", "ban bí thư",
       "chi bộ", "đảng bộ", "tổ chức đảng", "tổ chức cơ sở đảng", "đảng viên",
       "ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "ủy ban mặt trận tổ quốc",
       "ủy ban mặt trận tổ quốc việt nam", "ủy ban mttq", "ubmttq", "mặt trận tổ quốc",
       "mặt trận tổ quốc việt nam", "mttq", "tổ chức chính trị - xã hội", "tổ chức chính trị xã hội",
       "tổ chức ct-xh", "đoàn thể", "đoàn thể chính trị - xã hội", "chính quyền", "công an",
       "tòa án nhân dân", "viện kiểm sát nhân dân", "bộ chỉ huy quân sự", "cơ quan", "đơn vị",
       "ban", "sở", "ngành", "ban ngành", "ban đảng", "địa phương", "hội quần chúng", "cơ quan tư pháp",
       "ủy ban bầu cử", "ban bầu cử", "tổ bầu cử", "tiểu ban", "liên đoàn lao động", "lđlđ",
       "doanh nghiệp", "hiệp hội", "hội", "cơ sở giáo dục nghề nghiệp")
_heads("named",
       "ủy ban", "ban", "sở", "hội", "trường", "đài", "báo", "viện", "trung tâm", "đoàn", "bộ",
       "cục", "chi cục", "tổng cục", "học viện", "liên đoàn", "liên hiệp", "hiệp hội", "kho bạc",
       "bảo hiểm xã hội", "thanh tra", "cảnh sát", "quân khu", "bộ đội biên phòng", "ngân hàng",
       "tòa án", "viện kiểm sát", "công ty", "tổng công ty", "hội đồng", "tạp chí", "nhà xuất bản")
# Heads that only name a body after a determiner ("các huyện, thành ủy").
_heads("place", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "tỉnh")

_MAX_HEAD = max(len(head.split()) for head in _HEADS)
_FIRST_WORD = re.compile(r"\s*([^\W_]+)")

_DETERMINERS = {_key(w) for w in ("các", "những", "mỗi", "từng", "toàn thể", "tất cả")}
_PERSON = _keys("đồng chí")
_LEADERS = _key("lãnh")
_EVERY = {_key(w) for w in ("mỗi", "từng", "tất cả", "toàn thể")}
# Heads that name a kind present at every level: addressed to them, a duty is everyone's.
_EVERYONE_HEADS = {" ".join(_keys(h)) for h in (
    "cấp ủy", "cấp ủy đảng", "chính quyền", "tổ chức đảng", "tổ chức cơ sở đảng", "đảng viên", "chi bộ",
    "chi ủy", "đảng bộ", "cơ quan", "đơn vị", "địa phương", "ngành", "cấp ủy viên", "người đứng đầu",
)}
_LEVELS = [_keys(level) for level in ("cấp tỉnh", "cấp huyện", "cấp xã", "cấp cơ sở")]
_ALL_LEVELS = re.compile(r"\bcác\s+cấp\b|cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở),\s*cấp\s+(?:tỉnh|huyện|xã|cơ\s+sở)", re.IGNORECASE)
_EVERY_LEVEL = [_keys(q) for q in ("các cấp", "cấp trên", "cấp dưới", "cùng cấp", "đồng cấp")]
_ALSO = {_key(w) for w in ("và", "cùng", "với")}
# Words a body name can begin with: a quick test before reading.
_FIRST_KEYS = {head.split()[0] for head in _HEADS} | _DETERMINERS | {_PERSON[0]}

# Owner and place qualifiers after a head, longest first.
def _phrases(*phrases: str) -> list[tuple[str, ...]]:
    return sorted((_keys(phrase) for phrase in phrases), key=len, reverse=True)


# Owner and place qualifiers after any head, longest first.
_QUALIFIERS = _phrases(
    "tỉnh ủy", "tỉnh", "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "trung ương", "tw",
    "tu", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp cơ sở", "cơ sở", "cùng cấp", "đồng cấp",
    "cấp dưới", "cấp trên", "trực thuộc", "trực thuộc tỉnh ủy", "trực thuộc tỉnh", "thuộc tỉnh",
    "nhân dân", "chính trị - xã hội", "chính trị xã hội", "đảng", "cấp ủy", "cấp ủy cùng cấp", "khối",
    "trong tỉnh", "trên địa bàn tỉnh", "trên địa bàn", "toàn tỉnh", "của tỉnh", "của tỉnh ủy",
    "đoàn thể", "các huyện, thành phố", "huyện, thành phố", "các huyện", "từ tỉnh đến cơ sở",
    "quân sự", "thôn, bản, tổ dân phố", "thôn", "bản", "tổ dân phố", "và tương đương", "tương đương",
    "các ngành", "các địa phương", "các ngành, các địa phương", "các cấp, các ngành",
    # the grassroots units of a commune or district ("Bí thư chi bộ các thôn")
    "các thôn", "các bản", "các tổ dân phố", "các khu phố", "các thôn, tổ dân phố", "các thôn, bản",
    "các xã", "các phường", "các thị trấn", "các xã, thị trấn", "các xã, phường", "các xã, phường, thị trấn",
    "thôn, tổ dân phố", "khu dân cư", "các khu dân cư",
)
_GENERIC_HEADS = {" ".join(_keys(h)) for h in ("cơ quan", "đơn vị", "ban", "ngành", "sở", "cơ quan tư pháp", "địa phương")}
_QUALIFIERS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _qualifier in _QUALIFIERS:
    _QUALIFIERS_BY_FIRST.setdefault(_qualifier[0], []).append(_qualifier)
# What a generic head ("các cơ quan", "đơn vị") may add about its role; after a proper name
# these words are the predicate ("Ban Tổ chức Tỉnh ủy tham mưu ...").
_ROLE_QUALIFIERS = _phrases(
    "tham mưu", "giúp việc", "tham mưu, giúp việc", "tham mưu giúp việc", "chuyên trách",
    "liên quan", "có liên quan", "tư pháp", "chức năng", "thành viên", "chuyên môn", "nhà nước",
    "thông tin đại chúng", "thông tin, truyền thông", "thông tin truyền thông", "thông tấn, báo chí",
    "báo chí", "truyền thông", "lực lượng vũ trang",
)
_NAMING_ROLES = [role for role in _ROLE_QUALIFIERS if role[-1] != _key("quan") and role[0] not in (_key("tham"), _key("giúp"))]
_OF = _key("của")
_OWNER_QUALIFIERS = [_keys(q) for q in ("tỉnh ủy", "tỉnh", "huyện", "thành phố", "các cấp", "cấp tỉnh", "cấp huyện", "cấp xã", "trung ương")]

# First syllables (with the second) of verbs that start a predicate; they end a name.
_PREDICATE_STARTS = {
    _keys(v) for v in (
        "chủ trì", "chù trì", "chũ trì", "phối hợp", "phối với", "chỉ đạo", "xây dựng", "tổ chức", "hướng dẫn",
        "tham mưu", "căn cứ", "thực hiện", "tăng cường", "đẩy mạnh", "triển khai", "nghiên cứu",
        "rà soát", "ban hành", "quán triệt", "lãnh đạo", "chịu trách", "kiểm tra", "giám sát",
        "theo dõi", "đôn đốc", "chuẩn bị", "tích cực", "chủ động", "cân đối", "bảo đảm", "đảm bảo",
        "thành lập", "bố trí", "phổ biến", "tuyên truyền", "báo cáo", "tổng hợp", "hoàn thành",
        "cụ thể", "kịp thời", "thường xuyên", "định kỳ", "tiếp tục", "phát huy", "nâng cao",
        "đổi mới", "sửa đổi", "bổ sung", "vận động", "tập trung", "huy động", "lựa chọn",
        "giải quyết", "xử lý", "khắc phục", "đề xuất", "khảo sát", "đánh giá", "định hướng",
        "tạo điều", "quan tâm", "phân công", "kiện toàn", "củng cố", "thẩm định", "cập nhật",
        "tiến hành", "tuyển dụng", "điều động", "tổng kết", "sơ kết", "kiểm điểm", "xem xét",
        "chấn chỉnh", "duy trì", "hỗ trợ", "phê duyệt", "cung cấp", "hoàn thiện", "đề ra", "có trách",
        "được phân", "được giao", "phải có", "cần có", "nắm chắc", "nắm bắt", "đưa nội", "trình ban",
        "thống nhất", "phát động", "hưởng ứng", "mở rộng", "tạo điều", "dự báo",
    )
}
# One-syllable words that cannot continue a name.
_FUNCTION_WORDS = {
    _key(w) for w in (
        "của", "với", "và", "các", "những", "để", "trong", "theo", "tại", "về", "cho", "được", "có",
        "là", "đã", "sẽ", "phải", "cần", "nhằm", "bằng", "đến", "từ", "trên", "dưới", "khi", "thì",
        "mà", "như", "này", "đó", "ở", "qua", "vào", "ra", "nêu", "trình", "gửi", "giao", "chịu",
        "làm", "đưa", "hằng", "hàng", "mỗi", "năm", "tháng", "quý", "hoặc", "cùng",
        "nhất", "sau", "trước", "đối", "do", "vì", "tiếp", "nghiêm", "ngay", "kịp", "sớm", "luôn",
    )
}


# --- reading names ---------------------------------------------------------------------


@dataclass(frozen=True)
class BodyName:
    text: str
    start: int
    end: int
    group: bool = False  # a group phrase ("các huyện ủy, thành ủy ...") rather than one body
    everyone: bool = False  # every level or every unit of a kind ("cấp ủy các cấp", "mỗi đảng viên")
    person: bool = False  # persons by role ("Các đồng chí Tỉnh ủy viên", "Bí thư các huyện ủy")

    def __post_init__(self):
        if "\n" in self.text or "  " in self.text:  # a name the layout left broken across lines
            object.__setattr__(self, "text", " ".join(self.text.split()))


@dataclass(frozen=True)
class BodyList:
    names: list[BodyName]
    start: int
    end: int  # where the predicate begins (after any separator)

    @property
    def everyone(self) -> bool:
        """Addressed to the whole system rather than to named bodies ("... và các đoàn thể các cấp")."""
        if self.names[0].everyone or all(name.everyone for name in self.names):
            return True  # "Người đứng đầu cấp ủy đảng, chính quyền các cấp, các đồng chí Tỉnh ủy viên"
        # "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp": the levels cover the list,
        # unless it names persons ("Các đồng chí Ủy viên Ban Chấp hành và các đồng chí lãnh đạo các cấp").
        return any(_ALL_LEVELS.search(name.text) for name in self.names) and not any(
            name.person and not name.everyone for name in self.names
        )

    @property
    def text(self) -> str:
        return ", ".join(name.text for name in self.names)


# Lists of bodies are shorter than this; reading further only costs time.
_LONGEST_LIST = 600


def read_bodies(text: str, start: int = 0, end: int | None = None) -> BodyList | None:
    """The list of body names beginning at ``start`` (after spaces), or None."""
    end = len(text) if end is None else end
    first = _FIRST_WORD.match(text, start, end)
    if first is None or _key(first.group(1)) not in _FIRST_KEYS:
        return None
    window = 160
    while True:
        # Most lists are short: read a small window first, a larger one when the list fills it.
        limit = min(end, start + window)
        tokens = tokenize(text, start, limit)
        names, index = _Reader(text, tokens).read_list(0)
        if not names:
            return None
        if limit == end or window >= _LONGEST_LIST or len(tokens) - index > 15:
            return BodyList(names, names[0].start, tokens[index - 1].end)
        window *= 2


def is_body_name(text: str) -> bool:
    """Whether all of ``text`` reads as one body name or a list of them."""
    tokens = tokenize(text)
    if not tokens:
        return False
    names, index = _Reader(text, tokens).read_list(0)
    return bool(names) and index == len(tokens)


def split_bodies(text: str) -> list[str]:
    """A printed list of bodies as separate names; group phrases stay whole."""
    found = read_bodies(text)
    if found is None:
        return [text.strip()] if text.strip() else []
    names = [name.text for name in found.names]
    rest = text[found.end:].strip(" ,;.")
    if rest:
        names[-1] = text[found.names[-1].start:].strip(" ,;.")
    return names


class _Reader:
    def __init__(self, text: str, tokens: list[Token]):
        self.text = text
        self.tokens = tokens

    def key(self, index: int) -> str:
        return self.tokens[index].key if index < len(self.tokens) else ""

    def read_list(self, index: int) -> tuple[list[BodyName], int]:
        names: list[BodyName] = []
        name, index = self.read_body(index)
        if name is None:
            return [], index
        names.append(name)
        while True:
            after = index
            if self.key(after) in (",", ";"):
                after += 1
            if self.key(after) in _ALSO:
                after += 1
            if after == index:
                break
            name, following = self.read_body(after)
            if name is None:
                break
            names.append(name)
            index = following
        return names, index

    def read_body(self, index: int) -> tuple[BodyName | None, int]:
        first = index
        determiner = False
        every = False
        while self.key(index) in _DETERMINERS or self._phrase_at(index, _keys("toàn thể")):
            determiner = True
            every = every or self.key(index) in _EVERY
            index += 1
        person = self._phrase_at(index, _PERSON)
        if person:
            index += len(_PERSON)
            if self.key(index) == _LEADERS and self.key(index + 1) == _key("đạo"):
                # "các đồng chí lãnh đạo các cấp": leaders, not the verb "lãnh đạo"
                end = self._qualifiers(index + 2)
                start = self.tokens[first].start
                return BodyName(self.text[start:self.tokens[end - 1].end], start, self.tokens[end - 1].end, True,
                                any(self._phrase_at(p, q) for p in range(index, end) for q in _EVERY_LEVEL), True), end
        head, index_after_head = self._head(index, determiner)
        if head is None:
            return None, first
        index = index_after_head
        kind = _HEADS[head]
        group = determiner
        inner = None
        everyone = every or head in _EVERYONE_HEADS
        if kind in ("owner", "person"):
            inner_index = index + 1 if self.key(index) == _OF else index
            inner, inner_end = self.read_body(inner_index)
            if inner is not None:
                index = inner_end
                group = group or inner.group
                # "Bí thư chi bộ các thôn" are persons of named units; "Bí thư cấp ủy các cấp" everyone
                everyone = everyone or (inner.everyone and not person and (
                    kind != "person" or bool(_ALL_LEVELS.search(inner.text))))
        if inner is None and kind == "person" and not self._starts_name(index) and not any(
            self._phrase_at(index, q) for q in _QUALIFIERS_BY_FIRST.get(self.key(index), ())
        ):
            everyone = True  # a bare role ("đồng chí bí thư") is every holder of it
        if inner is None:
            if kind in ("owner", "named") and not self._starts_name(index):
                index = self._descriptive_name(index) or index
            if kind == "named" or (kind != "place" and self._starts_name(index)):
                name_end = self._name(index)
                if kind == "named" and name_end == index and not determiner and index == index_after_head:
                    return None, first
                index = name_end
            elif kind == "place" and not determiner:
                return None, first
            generic = head in _GENERIC_HEADS and index == index_after_head
            if generic and any(self._phrase_at(index, role) for role in _NAMING_ROLES):
                everyone = False  # "các cơ quan tư pháp", "các đơn vị lực lượng vũ trang": a named class
            index = self._qualifiers(index, generic=generic)
        if determiner:
            index = self._group_continuation(index)
            index = self._owner_body(index) or index
        end = self.tokens[index - 1].end
        start = self.tokens[first].start
        levels = sum(
            self._phrase_at(position, level) for position in range(index_after_head, index) for level in _LEVELS
        )
        everyone = everyone or levels > 1 or any(
            self._phrase_at(position, level) for position in range(index_after_head, index) for level in _EVERY_LEVEL
        )  # "các cấp", or several levels ("chủ tịch UBND cấp huyện, cấp xã")
        return BodyName(self.text[start:end], start, end, group, everyone, person or kind == "person"), index

    def _head(self, index: int, after_determiner: bool) -> tuple[str | None, int]:
        for length in range(_MAX_HEAD, 0, -1):
            if index + length > len(self.tokens):
                continue
            phrase = " ".join(token.key for token in self.tokens[index:index + length])
            if phrase not in _HEADS:
                continue
            if length <= 2 and not after_determiner and self._predicate_at(index) and not self.tokens[index].capitalised:
                continue  # "tổ chức quán triệt" is a verb; "các tổ chức chính trị - xã hội" a body
            if (_HEADS[phrase] == "named" and not after_determiner and not self._starts_name(index + length)
                    and self._descriptive_name(index + length) is None):
                continue
            return phrase, index + length
        return None, index

    def _phrase_at(self, index: int, phrase: tuple[str, ...]) -> bool:
        tokens = self.tokens
        if index + len(phrase) > len(tokens):
            return False
        for offset, key in enumerate(phrase):
            if tokens[index + offset].key != key:
                return False
        return True

    def _predicate_at(self, index: int) -> bool:
        pair = tuple(token.key for token in self.tokens[index:index + 2])
        return pair in _PREDICATE_STARTS

    def _starts_name(self, index: int) -> bool:
        if index >= len(self.tokens):
            return False
        token = self.tokens[index]
        return token.is_word and (token.capitalised or token.text[:1].isdigit())

    def _name(self, index: int) -> int:
        """A proper name: capitalised words, their lower-case second syllables, "và"/"-" joins."""
        lowercase_run = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.is_word and token.capitalised:
                head = self._head(index, False)[0]
                if head is not None and _HEADS[head] != "place" and self._ends_name_before(index):
                    break
                lowercase_run = 0
                index += 1
                continue
            if token.is_word and not token.capitalised and not token.text[:1].isdigit():
                if token.key in _FUNCTION_WORDS or self._predicate_at(index) or lowercase_run >= 3:
                    joined = self._joined_name(index)
                    if joined:
                        index = joined
                        lowercase_run = 0
                        continue
                    break
                lowercase_run += 1
                index += 1
                continue
            joined = self._joined_name(index)
            if joined:
                index = joined
                lowercase_run = 0
                continue
            break
        return index

    def _ends_name_before(self, index: int) -> bool:
        """A capitalised head after a name ("Sở Nội vụ Ban ...") starts a new body only after a separator."""
        return self.tokens[index - 1].key in (",", ";") or self.tokens[index - 1].key in _ALSO

    def _joined_name(self, index: int) -> int | None:
        """ "và Truyền thông", "- Thương binh", ", Thể thao" continue a name; a new head does not."""
        key = self.key(index)
        if key not in _ALSO and key not in ("-", ","):
            return None
        following = index + 1
        if following >= len(self.tokens) or not self.tokens[following].capitalised:
            return None
        head = self._head(following, False)[0]
        if (head is not None and _HEADS[head] != "place") or self.tokens[following].key in _DETERMINERS:
            return None
        if self.tokens[following].abbreviation:
            return None
        return following

    def _descriptive_name(self, index: int) -> int | None:
        """A lower-case name ended by its owner: "Hiệp hội doanh nghiệp tỉnh", "Ban Quản lý các khu
        công nghiệp tỉnh", "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh"."""
        position = index
        while position < len(self.tokens) and position - index < 8:
            token = self.tokens[position]
            if token.key in (",", "-") and position > index:
                following = self.tokens[position + 1] if position + 1 < len(self.tokens) else None
                if following is None or not following.is_word or following.key in _DETERMINERS:
                    return None
                position += 1  # "phòng, chống", "Covid-19"
                continue
            if not token.is_word or self._predicate_at(position):
                return None
            if token.capitalised and not token.text.isupper() and not self._code_at(position):
                return None  # a proper name here is not part of a lower-case description
            if position > index and any(self._phrase_at(position, q) for q in _OWNER_QUALIFIERS):
                return position
            if token.key in _FUNCTION_WORDS and not (token.key == _key("các") and position == index):
                return None
            position += 1
        return None

    def _code_at(self, index: int) -> bool:
        """ "Covid-19": a capitalised word joined to a number."""
        tokens = self.tokens
        return index + 2 < len(tokens) and tokens[index + 1].key == "-" and tokens[index + 2].text.isdigit()

    def _qualifiers(self, index: int, generic: bool = False) -> int:
        while generic:
            role = next((q for q in _ROLE_QUALIFIERS if self._phrase_at(index, q)), None)
            if role is None:
                break
            index += len(role)
            generic = role[-1] != _key("quan")  # nothing more after "(có) liên quan"
        while True:
            owner = self._owner_body(index)
            if owner is not None:
                index = owner
                continue
            if self.key(index) in (",", _key("từ"), _key("và")) and self.key(index + 1) == _key("cấp"):
                index += 1  # "từ cấp huyện, cấp xã và ..." lists levels
            for qualifier in _QUALIFIERS_BY_FIRST.get(self.key(index), ()):
                if self._phrase_at(index, qualifier):
                    index += len(qualifier)
                    if self._starts_name(index) and qualifier[-1] in _PLACE_KEYS:
                        index = self._name(index)  # "huyện Việt Yên", "tỉnh Bắc Giang"
                    break
            else:
                if self.key(index) == _OF and self._phrase_at(index + 1, _keys("tỉnh ủy")):
                    index += 3
                    continue
                return index

    def _owner_body(self, index: int) -> int | None:
        """ "trực thuộc Đảng ủy xã", "trong Đảng bộ huyện", "thuộc Huyện ủy": the body a name
        belongs to, a name in its own right (capitalised), so never a predicate's object."""
        link = next((link for link in _OWNER_LINKS if self._phrase_at(index, link)), None)
        if link is None:
            return None
        following = index + len(link)
        if not self._starts_name(following):
            return None
        inner, end = self.read_body(following)
        return None if inner is None else end

    def _group_continuation(self, index: int) -> int:
        """After "các huyện ủy": ", thành ủy, đảng ủy trực thuộc Tỉnh ủy" stays in the group."""
        while self.key(index) in (",", ";") or (self.key(index) in _ALSO and self.key(index) != _key("với")):
            following = index + 1
            if following < len(self.tokens) and self.key(following) in _DETERMINERS:
                return index
            if following < len(self.tokens) and self.tokens[following].capitalised:
                return index
            head, after = self._head(following, True)
            if head is None or _HEADS[head] == "person":
                return index
            index = self._qualifiers(after, generic=head in _GENERIC_HEADS)
        return index


_OWNER_LINKS = _phrases("trực thuộc", "thuộc", "trong", "của")
_PLACE_KEYS = {_key(w) for w in ("tỉnh", "huyện", "thành phố", "phố", "xã", "phường", "trấn", "khối")}


# --- resolving names to units -------------------------------------------------------------

def _canonical(text: str) -> str:
    """Lower case with every tone mark on the syllable's last vowel, composed: "uỷ" for "ủy" and "uỷ"."""
    return unicodedata.normalize("NFC", match_key(text))


_ABBREVIATIONS = [
    (re.compile(_canonical(pattern)), _canonical(replacement))
    for pattern, replacement in (
        (r"\bubmttq\b", "ủy ban mặt trận tổ quốc"),
        (r"\bmttq\b", "mặt trận tổ quốc"),
        (r"\bubnd\b", "ủy ban nhân dân"),
        (r"\bhđnd\b", "hội đồng nhân dân"),
        (r"\bbcsđ\b|\bbcs\s+đảng\b|\bbcs\b", "ban cán sự đảng"),
        (r"\bubkt\b", "ủy ban kiểm tra"),
        (r"\bbtv\b", "ban thường vụ"),
        (r"\bbch\b", "ban chấp hành"),
        (r"\bbtc\b", "ban tổ chức"),
        (r"\blđlđ\b", "liên đoàn lao động"),
        (r"\bct\s*-\s*xh\b", "chính trị - xã hội"),
        (r"\bgdnn\b", "giáo dục nghề nghiệp"),
        (r"\btw\b", "trung ương"),
        (r"\btu\b", "tỉnh ủy"),
    )
]
_LEADING = re.compile(_canonical(r"^(?:(?:các|những|tất cả|toàn thể)\s+)*(?:đồng\s+chí\s+)?"))
_COUNTRY = re.compile(_canonical(r"\s+việt\s+nam\b"))
_OWNER_SUFFIX = re.compile(_canonical(r"\s+(?:của\s+)?tỉnh$"))
_PUNCTUATION = re.compile(r"[^\w\s\u0300-\u036f]")  # tone marks stay


@lru_cache(maxsize=4096)
def body_key(name: str) -> str:
    """The comparison form of a body name: abbreviations spelt out, "các"/"đồng chí" dropped."""
    key = _canonical(name)
    for pattern, replacement in _ABBREVIATIONS:
        key = pattern.sub(replacement, key)
    key = _PUNCTUATION.sub(" ", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = _LEADING.sub("", key)
    key = _COUNTRY.sub("", key)
    return key.strip()


class BodyDirectory:
    """Names and aliases of units, for turning printed body names into unit ids.

    >>> directory = BodyDirectory()
    >>> directory.add("Ban cán sự đảng UBND tỉnh", 7)
    >>> directory.resolve("BCSĐ Ủy ban nhân dân tỉnh")
    [7]
    >>> directory.resolve("Sở Nội vụ") is None
    True
    """

    def __init__(self) -> None:
        self._units: dict[str, list] = {}

    def add(self, name_or_alias: str, unit_id) -> None:
        """Register a name, an alias or a group phrase (call again to add members)."""
        units = self._units.setdefault(body_key(name_or_alias), [])
        if unit_id not in units:
            units.append(unit_id)

    def resolve(self, name: str) -> list | None:
        """The units a printed name means, or None when staff must map it."""
        key = body_key(name)
        for candidate in (key, _without_owner(key)):
            if candidate and candidate in self._units:
                return list(self._units[candidate])
        return None

    def resolve_all(self, names: list[str]) -> tuple[dict[str, list], list[str]]:
        """Split printed names into resolved ones (with their units) and unresolved ones."""
        resolved: dict[str, list] = {}
        unresolved: list[str] = []
        for name in names:
            for part in split_bodies(name) or [name]:
                units = self.resolve(part)
                if units is None:
                    if part not in unresolved:
                        unresolved.append(part)
                else:
                    resolved[part] = units
        return resolved, unresolved


def _without_owner(key: str) -> str:
    """ "sở nội vụ tỉnh" and "sở nội vụ" are the same body in a province's own documents."""
    return _OWNER_SUFFIX.sub("", key)
