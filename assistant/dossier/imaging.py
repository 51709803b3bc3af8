"""Page images cleaned up before OCR (OpenCV): a photographed page flattened, light evened out, skew removed,
form-field dot leaders erased.

Each step is a plain function from a grayscale ``numpy`` array to another, so each can be tested on its own.
Measured on generated form pages, the dot leaders of form fields ("Họ, chữ đệm, tên: ........") are what breaks
Tesseract on noisy scans: it reads the dots into the neighbouring letters; erasing them first fixes that.
"""

from __future__ import annotations

import itertools
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

#: A grayscale page as an OpenCV array (uint8).
Gray = NDArray[Any]
#: Pages are worked on at about this height (pixels): enough for 10-12 pt text, small enough to be fast.
WORK_HEIGHT = 2000
_MAX_SKEW_DEGREES = 8.0


def to_gray(image: Image.Image) -> Gray:
    array = np.asarray(image.convert("L"), dtype=np.uint8)
    return np.ascontiguousarray(array)


def fit_height(gray: Gray, target: int = WORK_HEIGHT) -> Gray:
    """Scale so that the page is about ``target`` pixels high (never more than 2x up)."""
    height = gray.shape[0]
    factor = min(target / max(height, 1), 2.0)
    if 0.9 < factor < 1.1:
        return gray
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=interpolation)


def _order_corners(points: NDArray[np.float32]) -> NDArray[np.float32]:
    sums = points.sum(axis=1)
    diffs = np.diff(points, axis=1).ravel()
    return np.array([points[np.argmin(sums)], points[np.argmin(diffs)], points[np.argmax(sums)],
                     points[np.argmax(diffs)]], dtype=np.float32)


def find_page_outline(gray: Gray) -> NDArray[np.float32] | None:
    """The four corners of a sheet of paper photographed on a darker background, or None.

    The sheet must cover between a fifth and 97% of the picture and be a convex quadrilateral; a scan (paper
    edge to edge) has no outline and is left as it is.
    """
    scale = 800 / max(gray.shape)
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    scale = min(scale, 1.0)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    area_share = cv2.contourArea(contour) / float(small.shape[0] * small.shape[1])
    if not 0.2 <= area_share <= 0.97:
        return None
    hull = cv2.convexHull(contour)
    approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(approx) != 4:
        return None
    corners = approx.reshape(4, 2).astype(np.float32) / scale
    return _order_corners(corners)


def flatten_page(gray: Gray) -> Gray:
    """Warp a photographed page to a flat rectangle (perspective correction); other pages pass unchanged."""
    corners = find_page_outline(gray)
    if corners is None:
        return gray
    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(np.linalg.norm(top_right - top_left), np.linalg.norm(bottom_right - bottom_left)))
    height = int(max(np.linalg.norm(bottom_left - top_left), np.linalg.norm(bottom_right - top_right)))
    if width < 200 or height < 200:
        return gray
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    warped: Gray = cv2.warpPerspective(gray, matrix, (width, height), flags=cv2.INTER_CUBIC,
                                       borderMode=cv2.BORDER_REPLICATE)
    return warped


def even_light(gray: Gray) -> Gray:
    """Divide by the page's background brightness (uneven light, shadows, yellowed paper) and stretch."""
    kernel = max(15, (min(gray.shape) // 30) | 1)
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, np.ones((kernel // 4 | 1, kernel // 4 | 1), np.uint8))
    background = cv2.medianBlur(background, 5)
    background = cv2.resize(background, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    normalized = cv2.divide(gray, np.maximum(background, 1), scale=255)
    result: Gray = cv2.normalize(normalized, None, 0, 255, cv2.NORM_MINMAX)
    return result


def binarize(gray: Gray) -> Gray:
    """Black text on white (Otsu after a light denoise)."""
    denoised = cv2.medianBlur(gray, 3)
    _, binary = cv2.threshold(denoised, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    result: Gray = binary
    return result


def _projection_score(ink: Gray, angle: float) -> float:
    height, width = ink.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    rotated = cv2.warpAffine(ink, matrix, (width, height), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = rotated.sum(axis=1, dtype=np.float64)
    return float(np.sum(np.diff(rows) ** 2))


def skew_angle(binary: Gray) -> float:
    """The small rotation (degrees, within ±8) that makes text lines horizontal: the angle whose horizontal
    projection is sharpest, searched coarse then fine on a reduced image."""
    ink = (255 - binary) // 255
    scale = 600 / max(ink.shape)
    if scale < 1:
        ink = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if int(ink.sum()) < 50:
        return 0.0
    coarse = max(np.arange(-_MAX_SKEW_DEGREES, _MAX_SKEW_DEGREES + 0.01, 1.0),
                 key=lambda a: _projection_score(ink, float(a)))
    fine = max(np.arange(coarse - 1.0, coarse + 1.01, 0.2), key=lambda a: _projection_score(ink, float(a)))
    return float(fine)


def rotate(gray: Gray, angle: float) -> Gray:
    """Rotate by ``angle`` degrees (counter-clockwise), filling with white and keeping the whole page."""
    if abs(angle) < 0.1:
        return gray
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    rotated: Gray = cv2.warpAffine(gray, matrix, (new_w, new_h), flags=cv2.INTER_CUBIC, borderValue=255)
    return rotated


def erase_leader_dots(binary: Gray) -> Gray:
    """Remove runs of four or more small, evenly spaced dots on one line (form-field leaders).

    A dot under a Vietnamese vowel (the 'nặng' tone) is a small blob too, but it never comes in a run, so it stays.
    """
    ink = 255 - binary
    count, _, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count <= 1:
        return binary
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    letter_height = float(np.median(heights[heights > 3])) if np.any(heights > 3) else 10.0
    limit = max(2.0, letter_height * 0.35)
    small = [i for i in range(1, count)
             if stats[i, cv2.CC_STAT_WIDTH] <= limit and stats[i, cv2.CC_STAT_HEIGHT] <= limit]
    if len(small) < 4:
        return binary
    small.sort(key=lambda i: (round(centroids[i][1] / max(limit, 1.0)), centroids[i][0]))
    erase: list[int] = []
    run: list[int] = [small[0]]
    for prev, cur in itertools.pairwise(small):
        same_line = abs(centroids[cur][1] - centroids[prev][1]) <= limit * 0.6
        close = 0 < centroids[cur][0] - centroids[prev][0] <= letter_height * 1.2
        if same_line and close:
            run.append(cur)
            continue
        if len(run) >= 4:
            erase.extend(run)
        run = [cur]
    if len(run) >= 4:
        erase.extend(run)
    cleaned = binary.copy()
    for i in erase:
        x, y, w, h = stats[i, :4]
        cleaned[y:y + h, x:x + w] = 255
    return cleaned


def prepare(image: Image.Image, quarter_turns: int = 0) -> Gray:
    """The clean-up before OCR: flatten a photographed page, turn it ``quarter_turns`` times clockwise (a page
    fed sideways), even the light, binarize, deskew, erase dot leaders."""
    gray = flatten_page(to_gray(image))
    if quarter_turns % 4:
        gray = np.ascontiguousarray(np.rot90(gray, k=-(quarter_turns % 4)))
    gray = fit_height(gray)
    light = even_light(gray)
    binary = binarize(light)
    angle = skew_angle(binary)
    if abs(angle) >= 0.2:
        binary = binarize(rotate(light, angle))
    return erase_leader_dots(binary)
