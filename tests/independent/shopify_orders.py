"""Shopify orders export -> weekly units per SKU and channel.

Independent of the Rust importer. Shopify writes order-level columns (Financial Status,
Cancelled at, Source, ...) on an order's first line item only, so the lines are first
grouped by order Name and every line takes its order's values. Cancelled, refunded and
voided orders are not sales; line items without a SKU (tips, custom items) are left out.
The date is the local date written in Created at (its first ten characters).
"""
import csv
import datetime
import sys
from collections import defaultdict

CHANNELS = {"": "Shopify", "web": "Shopify web", "pos": "Shopify POS",
            "shopify_draft_order": "Shopify draft orders"}


def main(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    orders = defaultdict(dict)
    for row in rows:
        order = orders[row["Name"]]
        for field in ("Financial Status", "Cancelled at", "Source", "Created at"):
            if not order.get(field):
                order[field] = (row.get(field) or "").strip()
    sums = defaultdict(int)
    for row in rows:
        order = orders[row["Name"]]
        if order["Cancelled at"] or order["Financial Status"].lower() in ("refunded", "voided"):
            continue
        sku = row["Lineitem sku"].strip()
        if not sku:
            continue
        created = row["Created at"].strip() or order["Created at"]
        day = datetime.date.fromisoformat(created[:10])
        monday = day - datetime.timedelta(days=day.weekday())
        source = order["Source"]
        channel = CHANNELS.get(source, "Shopify " + source)
        sums[(sku, monday, channel)] += int(row["Lineitem quantity"]) * 1000
    for (sku, monday, channel), q in sorted(sums.items()):
        print(f"actual\t{sku}\t{monday.isoformat()}\t{q}\t{channel}")


if __name__ == "__main__":
    main(sys.argv[1])
