"""Wide forecast (SKU, other text columns, then one column per ISO week `2026-W48` or per
month `2026-11` / `Nov-26` / `Déc-26`) -> forecast per SKU and week or month.

Independent of the Rust importer: reads the clean example files (UTF-8, comma, dot decimals)
and their Excel re-saves (Windows-1252 with `;` and decimal commas, or UTF-16 with tabs).
Empty cells are not forecasts.
"""
import csv
import datetime
import decimal
import io
import re
import sys

# English and French month abbreviations, as Excel writes them in "Mmm-yy" headers.
MONTHS = {
    "jan": 1, "feb": 2, "fév": 2, "fev": 2, "mar": 3, "apr": 4, "avr": 4, "may": 5, "mai": 5,
    "jun": 6, "jui": 6, "juin": 6, "jul": 7, "juil": 7, "aug": 8, "aoû": 8, "aou": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12, "déc": 12,
}


def decode(raw):
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def period(header):
    """`W<monday>` or `M<yyyy-mm>` for a period header, None for other columns."""
    h = header.strip()
    m = re.fullmatch(r"(\d{4})-W(\d{2})", h)
    if m:
        monday = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return f"W{monday.isoformat()}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", h)
    if m:
        return f"M{m[1]}-{m[2]}"
    m = re.fullmatch(r"([^\W\d_]+)\.?[- ](\d{2}|\d{4})", h)
    if m and m[1].lower() in MONTHS:
        year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        return f"M{year}-{MONTHS[m[1].lower()]:02d}"
    return None


def main(path):
    with open(path, "rb") as f:
        text = decode(f.read())
    first = text.splitlines()[0]
    delimiter = max([",", ";", "\t"], key=first.count)
    comma_decimals = delimiter != ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    periods = [(i, period(h)) for i, h in enumerate(header) if period(h)]
    for row in body:
        if not row or not row[0].strip():
            continue
        sku = row[0].strip()
        for i, p in periods:
            cell = row[i].strip() if i < len(row) else ""
            if not cell:
                continue
            if comma_decimals:
                cell = cell.replace(",", ".")
            q = int(decimal.Decimal(cell) * 1000)
            print(f"forecast\t{sku}\t{p}\t{q}")


if __name__ == "__main__":
    main(sys.argv[1])
