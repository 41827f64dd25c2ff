"""Purchase-order list -> outstanding receipts per SKU and ISO week, confirmed or planned.

Independent of the Rust importer; reads the clean file (UTF-8, comma, dot decimals, ISO dates)
and Excel's re-save in a decimal-comma locale (Windows-1252, `;`, `d/m/y` dates, decimal commas).

Rules (README, "Purchase / production orders"):
- outstanding = ordered - received (an empty `Qty Received`, or no such column, is 0);
- a line with nothing outstanding (received >= ordered) is not a receipt;
- status received / cancelled / closed / done / completed: not a receipt;
  draft / planned / proposed / suggested / requested: planned; anything else: confirmed;
- codes are printed as written in the file (matching them to the plan is a later step).
"""
import csv
import datetime
import decimal
import sys

PLANNED = {"draft", "planned", "proposed", "suggested", "requested"}
DONE = {"received", "cancelled", "canceled", "closed", "done", "completed"}


def text_of(raw):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def column(header, *names):
    wanted = ["".join(ch for ch in n.lower() if ch.isalnum()) for n in names]
    keys = ["".join(ch for ch in h.lower() if ch.isalnum()) for h in header]
    for w in wanted:
        if w in keys:
            return keys.index(w)
    return None


def number(cell, comma):
    cell = cell.strip()
    if not cell:
        return decimal.Decimal(0)
    if comma:
        cell = cell.replace(".", "").replace(" ", "").replace(",", ".")
    else:
        cell = cell.replace(",", "")
    return decimal.Decimal(cell)


def monday(cell):
    cell = cell.strip()
    if "-W" in cell:
        year, week = cell.split("-W")
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    if "/" in cell:
        d, m, y = cell.split("/")
        day = datetime.date(int(y), int(m), int(d))
    else:
        day = datetime.date.fromisoformat(cell)
    return day - datetime.timedelta(days=day.weekday())


def main(path):
    with open(path, "rb") as f:
        text = text_of(f.read())
    lines = text.splitlines()
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    sku = column(header, "Item code", "SKU")
    ordered = column(header, "Qty Ordered", "Qty")
    received = column(header, "Qty Received")
    expected = column(header, "Expected date")
    status = column(header, "Status")
    comma = delimiter == ";"
    sums = {}
    for r in body:
        state = r[status].strip().lower() if status is not None else ""
        if state in DONE:
            continue
        left = number(r[ordered], comma)
        if received is not None:
            left -= number(r[received], comma)
        if left <= 0:
            continue
        kind = "planned" if state in PLANNED else "confirmed"
        key = (r[sku].strip(), monday(r[expected]), kind)
        sums[key] = sums.get(key, 0) + left
    for (code, week, kind), q in sorted(sums.items()):
        print(f"receipt\t{code}\t{week.isoformat()}\t{int(q * 1000)}\t{kind}")


if __name__ == "__main__":
    main(sys.argv[1])
