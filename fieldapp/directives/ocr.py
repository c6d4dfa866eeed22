"""Recognising the text of scanned and photographed directives (OCR) with Tesseract.

The engine comes inside the ``tesserocr`` wheel (Linux and Windows); the Vietnamese language
data (``vie.traineddata``, Apache-2.0, from Debian's ``tesseract-ocr-vie``) is vendored in
``resources/tessdata`` so a frozen build needs nothing installed. ``FIELDAPP_TESSDATA`` points
elsewhere if wanted.

Each page image is straightened first: a page whose lines of print run down the image is
given a quarter turn, then the angle at which the rows of ink are sharpest is found
(projection profile). It is then recognised word by word; a page read with low confidence is
read again upside down and the better reading kept (a sheet fed into the scanner the wrong
way round). Words are grouped into the page's lines and
a line is cut where a wide gap separates two columns, so the two cells of a header table come
out as two :class:`~fieldapp.directives.layout.Segment` s that the layout step can place.

Hostile input is bounded: pixels per image, pages per file, and a time budget for the whole
file (:data:`TIME_BUDGET_S`); pages of noise give no words and a clear refusal.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.directives.layout import Segment
from fieldapp.errors import UserError
from fieldapp.progress import Progress, report

if TYPE_CHECKING:
    from PIL.Image import Image

LANGUAGE = "vie"
MAX_OCR_PAGES = 20
"""More page images than this in one file is not a directive: refused before any OCR."""
MAX_IMAGE_PIXELS = 50_000_000
"""An image larger than this (an A4 page at 600 dpi is 35 Mpx) is refused before decoding."""
TARGET_LONG_SIDE = 2400
"""Images are scaled so their long side is at most this (≈ 200 dpi for A4): speed, not loss."""
SMALL_LONG_SIDE = 1800
"""Images whose long side is shorter than this (a chat app's copy of a photo) are enlarged to
:data:`TARGET_LONG_SIDE` before recognition."""
TIME_BUDGET_S = 30.0
"""The whole file's OCR must end within this; past it the reading stops with a message."""
LOW_CONFIDENCE = 75.0
"""A field read from words below this mean confidence (0-100) is flagged for checking."""
_MIN_WORD_CONFIDENCE = 30.0


class OcrUnavailable(UserError):
    """The OCR engine or its Vietnamese language data is missing on this computer."""


@dataclass
class OcrPage:
    """One recognised page: its size in pixels, its segments (lines or column cells), the
    angle it was straightened by, and the mean confidence of its words."""

    width: int
    height: int
    segments: list[Segment] = field(default_factory=list)
    angle: float = 0.0
    confidence: float = 0.0
    words: int = 0


def tessdata_dir() -> Path:
    """Where ``vie.traineddata`` is: ``FIELDAPP_TESSDATA`` or the vendored resources."""
    env = os.environ.get("FIELDAPP_TESSDATA")
    if env:
        return Path(env)
    import resources

    return Path(str(resources.path("tessdata")))


def check_engine() -> None:
    """Raise :class:`OcrUnavailable` with what to install if OCR cannot run here."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        raise OcrUnavailable(
            "Máy chưa có bộ nhận dạng chữ (OCR): hãy cài gói tesserocr "
            "(pip install tesserocr) hoặc cài lại fieldapp bản đầy đủ."
        ) from None
    data = tessdata_dir() / f"{LANGUAGE}.traineddata"
    if not data.is_file():
        raise OcrUnavailable(
            f"Thiếu dữ liệu tiếng Việt cho nhận dạng chữ ({data.name}): hãy chép tệp này "
            f"vào thư mục {data.parent} (gói tesseract-ocr-vie) hoặc cài lại fieldapp."
        )


def open_image(path: Path, name: str) -> list[Image]:
    """The pages of an image file (.png, .jpg, .tif, .webp, an iPhone's .heic; several frames
    for a TIFF), checked for size before anything is decoded."""
    from PIL import Image as PILImage
    from PIL import ImageOps, UnidentifiedImageError

    _heif_opener(path, name)
    try:
        img = PILImage.open(path)
    except (UnidentifiedImageError, OSError, ValueError):
        raise UserError(f"Tệp ảnh {name} bị hỏng hoặc không đọc được.") from None
    except PILImage.DecompressionBombError:
        raise _too_large(name, *_declared_size(path)) from None
    w, h = img.size
    if w * h > MAX_IMAGE_PIXELS or w <= 0 or h <= 0:
        raise _too_large(name, w, h)
    frames = getattr(img, "n_frames", 1)
    if frames > MAX_OCR_PAGES:
        raise UserError(
            f"Tệp ảnh {name} có {frames} trang; chỉ nhận dạng tối đa {MAX_OCR_PAGES} trang."
        )
    pages = []
    try:
        for i in range(frames):
            img.seek(i)
            if img.size[0] * img.size[1] > MAX_IMAGE_PIXELS:
                raise _too_large(name, *img.size)
            frame = ImageOps.exif_transpose(img.copy()) if i == 0 else img.copy()
            pages.append(frame)
    except UserError:
        raise
    except (OSError, ValueError, EOFError, PILImage.DecompressionBombError):
        raise UserError(f"Tệp ảnh {name} bị hỏng hoặc không đọc được.") from None
    return pages


def _heif_opener(path: Path, name: str) -> None:
    """Teach Pillow HEIC/HEIF (decoding only: the pi-heif wheel carries libheif and its HEVC
    decoder, no encoder) when the file is one."""
    from fieldapp.directives.extract import is_heif

    with path.open("rb") as f:
        if not is_heif(f.read(12)):
            return
    try:
        import pi_heif
    except ImportError:
        raise UserError(
            f"Máy chưa đọc được ảnh HEIC ({name}): hãy cài lại fieldapp bản đầy đủ, hoặc "
            "chụp lại ở dạng JPG (trên iPhone: Cài đặt > Camera > Định dạng > Tương thích nhất)."
        ) from None
    pi_heif.register_heif_opener()


def _declared_size(path: Path) -> tuple[int, int]:
    """Width and height as the file declares them, without decoding (0, 0 if unknown)."""
    from PIL import Image as PILImage

    limit = PILImage.MAX_IMAGE_PIXELS
    PILImage.MAX_IMAGE_PIXELS = None
    try:
        with PILImage.open(path) as img:
            return img.size
    except Exception:  # noqa: BLE001 - only for the message
        return 0, 0
    finally:
        PILImage.MAX_IMAGE_PIXELS = limit


def _too_large(name: str, w: int = 0, h: int = 0) -> UserError:
    size = f" ({w} × {h} điểm ảnh)" if w else ""
    return UserError(
        f"Ảnh {name} quá lớn{size}; hãy chụp hoặc quét lại ở độ phân giải thấp hơn "
        f"(tối đa {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh)."
    )


def prepare(img: Image) -> tuple[Image, float]:
    """Grey, scaled to about 200 dpi, despeckled and straightened; returns the image and the
    angle."""
    from PIL import Image as PILImage
    from PIL import ImageFilter

    grey = img.convert("L")
    long_side = max(grey.size)
    if long_side > TARGET_LONG_SIDE or long_side < SMALL_LONG_SIDE:
        # A photo sent through a chat app comes 1,000-1,600 pixels long (about 100 dpi for
        # a page): letters that small break apart for the engine, so it is enlarged too.
        scale = TARGET_LONG_SIDE / long_side
        grey = grey.resize(
            (max(1, round(grey.width * scale)), max(1, round(grey.height * scale))),
            PILImage.Resampling.LANCZOS,
        )
    # Scanner speckle (single dark pixels) breaks letters apart for the engine; a 3x3 median
    # removes it and keeps strokes, which are 3 pixels or more wide at 200 dpi.
    grey = grey.filter(ImageFilter.MedianFilter(3))
    turned = 0.0
    if is_sideways(grey):  # fed into the scanner sideways: a quarter turn first
        grey = grey.transpose(PILImage.Transpose.ROTATE_270)
        turned = -90.0
    angle = skew_angle(grey)
    if abs(angle) >= 0.15:
        grey = grey.rotate(angle, resample=PILImage.Resampling.BICUBIC, expand=True, fillcolor=255)
    return grey, turned + angle


def is_sideways(grey: Image) -> bool:
    """Whether the lines of print run down the image, not across: its columns of pixels
    alternate ink and paper much more sharply than its rows (a page scanned or photographed
    a quarter turn round, with no orientation tag to say so)."""
    from PIL import Image as PILImage

    across = ink_profile(grey)[1]
    down = ink_profile(grey.transpose(PILImage.Transpose.ROTATE_90))[1]
    return down > MIN_LINE_CONTRAST and down > 1.5 * across


def skew_angle(grey: Image, limit: float = 6.0) -> float:
    """The rotation (degrees, counter-clockwise) that makes the text lines level.

    Projection profile: rotate a small binarised copy through candidate angles and keep the
    one whose row sums change most sharply from row to row (lines of ink, then white).
    """
    from PIL import Image as PILImage

    small = grey
    if small.width > 640:  # 0.1° is still a pixel across the page at this width
        small = grey.resize((640, max(1, round(grey.height * 640 / grey.width))))
    threshold = _otsu(small)
    ink = small.point(lambda p: 255 if p < threshold else 0)

    def score(angle: float) -> float:
        rot = ink.rotate(angle, resample=PILImage.Resampling.NEAREST, fillcolor=0)
        rows = list(rot.resize((1, rot.height), PILImage.Resampling.BOX).tobytes())
        return float(sum((a - b) ** 2 for a, b in zip(rows, rows[1:], strict=False)))

    best = max((a / 2 for a in range(int(-limit * 2), int(limit * 2) + 1)), key=score)
    fine = [best + d / 10 for d in range(-5, 6)]
    return round(max(fine, key=score), 2)


MAX_INK = 0.15
"""A printed page is mostly paper: above this share of dark pixels (after Otsu) the image is
noise, a photo of something else or a black page, and is not given to the engine (whose
layout analysis of noise can take minutes and cannot be interrupted)."""


MIN_LINE_CONTRAST = 0.6
"""Rows of a printed page differ (lines of ink, white between); below this they do not."""


def ink_profile(grey: Image) -> tuple[float, float]:
    """The share of dark pixels (Otsu) in the middle of a page image, and how unevenly they
    fall across rows (coefficient of variation): print comes in lines with white between
    them, noise is even."""
    from PIL import Image as PILImage

    w, h = grey.size
    # The middle of the frame: a photo's desk around the page does not count.
    small = grey.crop((w // 10, h // 10, w - w // 10, h - h // 10))
    small = small.resize((max(1, small.width // 2), max(1, small.height // 2)))
    threshold = _otsu(small)
    ink = small.point(lambda p: 255 if p < threshold else 0)
    rows = list(ink.resize((1, ink.height), PILImage.Resampling.BOX).tobytes())
    mean = sum(rows) / max(1, len(rows))
    if mean == 0:
        return 0.0, 0.0
    var = sum((r - mean) ** 2 for r in rows) / len(rows)
    return mean / 255, (var**0.5) / mean


def looks_like_text(grey: Image) -> bool:
    """Whether a prepared page could hold print: mostly paper, some ink, in lines."""
    share, unevenness = ink_profile(grey)
    return 0.002 < share < MAX_INK and unevenness > MIN_LINE_CONTRAST


def _otsu(grey: Image) -> int:
    hist = grey.histogram()[:256]
    total = sum(hist)
    sum_all = sum(i * h for i, h in enumerate(hist))
    best_t, best_var = 128, -1.0
    w0 = sum0 = 0
    for t in range(256):
        w0 += hist[t]
        if w0 == 0:
            continue
        w1 = total - w0
        if w1 == 0:
            break
        sum0 += t * hist[t]
        m0, m1 = sum0 / w0, (sum_all - sum0) / w1
        var = w0 * w1 * (m0 - m1) ** 2
        if var > best_var:
            best_var, best_t = var, t
    return best_t


def recognise(
    pages: Sequence[Callable[[], Image]],
    name: str,
    *,
    progress: Progress | None = None,
    deadline: float | None = None,
    first_step: int = 0,
    steps: int | None = None,
) -> list[OcrPage]:
    """OCR each page image (given as a loader, so only one is in memory at a time)."""
    check_engine()
    import tesserocr

    if len(pages) > MAX_OCR_PAGES:
        raise UserError(
            f"Tệp {name} có {len(pages)} trang ảnh; chỉ nhận dạng tối đa {MAX_OCR_PAGES} trang "
            "một văn bản."
        )
    deadline = deadline if deadline is not None else time.monotonic() + TIME_BUDGET_S
    total = steps if steps is not None else len(pages)
    out: list[OcrPage] = []
    with tesserocr.PyTessBaseAPI(
        path=str(tessdata_dir()), lang=LANGUAGE, psm=tesserocr.PSM.AUTO
    ) as api:
        for n, load in enumerate(pages, start=1):
            report(
                progress, first_step + n - 1, total, f"Đang nhận dạng chữ trang {n}/{len(pages)}"
            )
            left = deadline - time.monotonic()
            if left <= 0.5:
                raise _too_slow(name)
            img, angle = prepare(load())
            if not looks_like_text(img):
                out.append(OcrPage(width=img.width, height=img.height, angle=angle))
                continue
            page = _recognise_page(api, tesserocr, img, deadline, name)
            if page.confidence < LOW_CONFIDENCE:
                # Upside down (or the quarter turn the other way) reads as noise: the page is
                # read again turned round, and the better reading kept.
                turned = _recognise_page(api, tesserocr, img.rotate(180), deadline, name)
                if turned.confidence > page.confidence:
                    page, angle = turned, angle + 180.0
            page.angle = angle
            out.append(page)
    report(progress, first_step + len(pages), total, "Đã nhận dạng xong")
    return out


def _recognise_page(api, tesserocr, img: Image, deadline: float, name: str) -> OcrPage:
    left = deadline - time.monotonic()
    if left <= 0.5:
        raise _too_slow(name)
    api.SetImage(img)
    api.SetSourceResolution(200)
    if not api.Recognize(timeout=int(left * 1000)):
        raise _too_slow(name)
    return _read_words(api, tesserocr, img.width, img.height)


def _too_slow(name: str) -> UserError:
    return UserError(
        f"Nhận dạng chữ tệp {name} quá {TIME_BUDGET_S:.0f} giây nên đã dừng; tệp có thể chỉ "
        "là ảnh nhiễu. Hãy quét lại rõ hơn hoặc nhập tay."
    )


def _read_words(api, tesserocr, width: int, height: int) -> OcrPage:
    level = tesserocr.RIL.WORD
    lines: list[list[tuple[int, int, int, int, str, float]]] = []
    it = api.GetIterator()
    confs: list[float] = []
    if it is not None:
        for word in tesserocr.iterate_level(it, level):
            try:
                text = (word.GetUTF8Text(level) or "").strip()
            except RuntimeError:  # an empty page has no words at all
                break
            box = word.BoundingBox(level)
            if not text or box is None:
                continue
            conf = float(word.Confidence(level))
            new_line = word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE) or not lines
            if new_line:
                lines.append([])
            lines[-1].append((*box, text, conf))
    page = OcrPage(width=width, height=height)
    for line in lines:
        kept = [w for w in line if w[5] >= _MIN_WORD_CONFIDENCE or _wordlike(w[4])]
        if not kept:
            continue
        confs.extend(w[5] for w in kept)
        for seg in _split_columns(kept):
            seg.text = correct_tones(seg.text)
            page.segments.append(seg)
    page.words = len(confs)
    page.confidence = sum(confs) / len(confs) if confs else 0.0
    return page


def _wordlike(text: str) -> bool:
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 2 and letters >= len(text) * 0.6


def _split_columns(words: list[tuple[int, int, int, int, str, float]]) -> list[Segment]:
    """Cut a recognised line where a gap wider than about three letters' height separates
    two runs of words (the two cells of a header or signing table)."""
    words = sorted(words, key=lambda w: w[0])
    height = sorted(w[3] - w[1] for w in words)[len(words) // 2] or 1
    segments: list[list[tuple[int, int, int, int, str, float]]] = [[words[0]]]
    for w in words[1:]:
        if w[0] - segments[-1][-1][2] > 3 * height:
            segments.append([w])
        else:
            segments[-1].append(w)
    out = []
    for seg in segments:
        out.append(
            Segment(
                x0=min(w[0] for w in seg),
                y0=min(w[1] for w in seg),
                x1=max(w[2] for w in seg),
                y1=max(w[3] for w in seg),
                text=" ".join(w[4] for w in seg),
                confidence=sum(w[5] for w in seg) / len(seg),
            )
        )
    return out


# --- tone marks the engine confuses -----------------------------------------------------------

# Phrases of official writing whose tone marks the engine often misreads (hỏi for sắc: "kiếm
# soát", "tố dân phố"); with the shipped demo directives they make the word pairs that fix them.
_PHRASES = """
tổ dân phố, tổ Covid cộng đồng, tổ chức, kiểm soát, kiểm tra, chủ tịch, phó chủ tịch, bí thư,
ủy ban nhân dân, thị trấn, thị xã, cách ly, phòng, chống dịch, dịch bệnh, y tế, xét nghiệm,
phong tỏa, nhu yếu phẩm, giãn cách, báo cáo, kết quả, bảo đảm, đảm bảo, triển khai, thực hiện,
khẩn trương, tuyên truyền, người dân, hộ gia đình, địa bàn, chỉ đạo, phối hợp, tổng hợp,
khu vực, thôn, bản, bon, tiêm vắc xin, Nhân dân, ra vào, trở về, hỗ trợ, lương thực, thực phẩm
"""
_PAIRS: dict[str, str] | None = None
_WORD_RE = re.compile(r"[^\W\d_]+")


def _pairs() -> dict[str, str]:
    """Folded word pair -> its one accented form in the vocabulary (ambiguous pairs left out)."""
    global _PAIRS
    if _PAIRS is not None:
        return _PAIRS
    import unicodedata
    from collections import Counter, defaultdict

    import resources
    from fieldapp.text.vietnamese import fold

    texts = [_PHRASES]
    folder = Path(str(resources.path("demo", "directives")))
    for f in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        texts.append(f.read_text("utf-8", errors="ignore"))
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for line in unicodedata.normalize("NFC", text).splitlines():
            words = [w.lower() for w in _WORD_RE.findall(line)]
            for a, b in zip(words, words[1:], strict=False):
                forms[fold(f"{a} {b}")][f"{a} {b}"] += 1
    _PAIRS = {key: c.most_common(1)[0][0] for key, c in forms.items() if len(c) == 1}
    return _PAIRS


def correct_tones(text: str) -> str:
    """Put back tone marks the engine confused, where a word pair of official writing has
    only one accented form ("kiếm soát" -> "kiểm soát"); case is kept as read."""
    from fieldapp.text.vietnamese import fold

    pairs = _pairs()
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    if len(spans) < 2:
        return text
    words = [text[a:b] for a, b in spans]
    fixed = list(words)
    for i in range(len(words) - 1):
        seen = f"{fixed[i].lower()} {words[i + 1].lower()}"
        form = pairs.get(fold(seen))
        if form is None or form == seen:
            continue
        first, second = form.split(" ")
        fixed[i] = _same_case(first, fixed[i])
        fixed[i + 1] = _same_case(second, words[i + 1])
    if fixed == words:
        return text
    out = []
    last = 0
    for (a, b), word in zip(spans, fixed, strict=True):
        out.append(text[last:a])
        out.append(word)
        last = b
    out.append(text[last:])
    return "".join(out)


def _same_case(form: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
