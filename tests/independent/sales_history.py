"""Generic sales history (SKU, date, quantity[, channel]) -> weekly units per SKU and channel.

Independent of the Rust importer: reads the clean example file (UTF-8, comma, y-m-d dates,
dot decimals with comma thousands) and sums units per SKU, ISO week and channel.
"""
import csv
import datetime
import decimal
import sys
from collections import defaultdict


def milli(text):
    return int(decimal.Decimal(text.replace(",", "")) * 1000)


def main(path):
    sums = defaultdict(int)
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            day = datetime.date.fromisoformat(row["Date"])
            monday = day - datetime.timedelta(days=day.weekday())
            sums[(row["SKU"], monday, row.get("Channel", ""))] += milli(row["Units sold"])
    for (sku, monday, channel), q in sorted(sums.items()):
        print(f"actual\t{sku}\t{monday.isoformat()}\t{q}\t{channel}")


if __name__ == "__main__":
    main(sys.argv[1])
