"""Long forecast (SKU, ISO week `2026-W48`, units) -> forecast per SKU and week.

Independent of the Rust importer: the clean example file (UTF-8, comma, dot decimals).
"""
import csv
import datetime
import decimal
import sys


def main(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            year, week = row["Week"].split("-W")
            monday = datetime.date.fromisocalendar(int(year), int(week), 1)
            q = int(decimal.Decimal(row["Forecast"]) * 1000)
            print(f"forecast\t{row['SKU']}\tW{monday.isoformat()}\t{q}")


if __name__ == "__main__":
    main(sys.argv[1])
