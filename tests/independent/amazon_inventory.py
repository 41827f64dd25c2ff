"""Amazon FBA "Manage Inventory" report -> stock on hand at "Amazon FBA" and inbound units.

Independent of the Rust importer: reads the tab-delimited report with the csv module and
applies the documented rules: on hand = fulfillable + reserved (unsellable left out);
receiving arrives in the current week (+0), shipped one week later (+1); working is not
counted; listings with afn-listing-exists No are left out; an empty quantity is zero.
"""
import csv
import decimal
import sys


def milli(text):
    return int(decimal.Decimal(text or "0") * 1000)


def main(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row.get("afn-listing-exists", "").strip().lower() == "no":
                continue
            sku = row["sku"]
            on_hand = milli(row["afn-fulfillable-quantity"]) + milli(row["afn-reserved-quantity"])
            print(f"on_hand\t{sku}\t{on_hand}\tAmazon FBA")
            for weeks, column in ((0, "afn-inbound-receiving-quantity"), (1, "afn-inbound-shipped-quantity")):
                q = milli(row[column])
                if q:
                    print(f"inbound\t{sku}\t+{weeks}\t{q}")


if __name__ == "__main__":
    main(sys.argv[1])
