"""Amazon Seller Central "All Orders" report -> weekly units per SKU on the channel Amazon.

Independent of the Rust importer: reads the tab-delimited report with the csv module and
applies the documented rules: the week of `purchase-date` as written (its own offset, no
conversion), cancelled orders or items left out, pending orders counted, orders of other
channels (`sales-channel` Non-Amazon) left out, quantity 0 left out.
"""
import csv
import datetime
import decimal
import sys
from collections import defaultdict


def milli(text):
    return int(decimal.Decimal(text) * 1000)


def cancelled(status):
    return status.strip().lower() in ("cancelled", "canceled")


def main(path):
    sums = defaultdict(int)
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if cancelled(row["order-status"]) or cancelled(row.get("item-status", "")):
                continue
            if row.get("sales-channel", "").strip().lower() == "non-amazon":
                continue
            q = milli(row["quantity"])
            if q == 0:
                continue
            # the date as written: fromisoformat keeps the offset; .date() does not convert
            day = datetime.datetime.fromisoformat(row["purchase-date"]).date()
            monday = day - datetime.timedelta(days=day.weekday())
            sums[(row["sku"], monday)] += q
    for (sku, monday), q in sorted(sums.items()):
        print(f"actual\t{sku}\t{monday.isoformat()}\t{q}\tAmazon")


if __name__ == "__main__":
    main(sys.argv[1])
