"""Shopify products export -> product master data per variant SKU.

Independent of the Rust importer: rows of one product share a Handle and only the first
carries Title and Type. A product with several variants names each one by its option
values ("Sea Salt Candle — Large"); "Default Title" is Shopify's value for no option.
Rows without a Variant SKU (image rows) are left out. Price and cost in cents, stock in
thousandths; empty stays empty.
"""
import csv
import decimal
import sys
from collections import defaultdict


def scaled(text, factor):
    text = text.strip()
    return "" if not text else str(int(decimal.Decimal(text) * factor))


def main(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    title, family, variants = {}, {}, defaultdict(int)
    for row in rows:
        handle = row["Handle"]
        if not title.get(handle):
            title[handle] = row.get("Title", "").strip()
        if not family.get(handle):
            family[handle] = row.get("Type", "").strip()
        if row["Variant SKU"].strip():
            variants[handle] += 1
    out = []
    for row in rows:
        sku = row["Variant SKU"].strip()
        if not sku:
            continue
        handle = row["Handle"]
        name = title.get(handle) or sku
        options = [row.get(f"Option{i} Value", "").strip() for i in (1, 2, 3)]
        options = [o for o in options if o and o != "Default Title"]
        if variants[handle] > 1 and options:
            name = f"{name} — {' / '.join(options)}"
        out.append("\t".join([
            "product", sku, name, family.get(handle, ""),
            scaled(row.get("Variant Price", ""), 100),
            scaled(row.get("Cost per item", ""), 100),
            scaled(row.get("Variant Inventory Qty", ""), 1000),
        ]))
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
