"""Shopify inventory export -> units on hand per SKU and location.

Independent of the Rust importer: one row per variant and location; "On hand" is the
stock, and "not stocked" (the location does not carry the variant) counts as zero.
Rows without a SKU are left out.
"""
import csv
import decimal
import sys
from collections import defaultdict


def main(path):
    sums = defaultdict(int)
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            sku = row["SKU"].strip()
            if not sku:
                continue
            text = row["On hand"].strip()
            units = 0 if text.lower() == "not stocked" else decimal.Decimal(text)
            sums[(sku, row["Location"].strip())] += int(units * 1000)
    for (sku, location), q in sorted(sums.items()):
        print(f"on_hand\t{sku}\t{q}\t{location}")


if __name__ == "__main__":
    main(sys.argv[1])
