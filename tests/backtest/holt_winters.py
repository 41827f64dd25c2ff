"""Holt-Winters holdout MAPE on the Australian wine sales series (pmdarima's wineind).

Prints statsmodels' ExponentialSmoothing MAPE on the last 12 months (additive trend, both
additive and multiplicative 12-month seasonality; the better one is the bar) and writes the
series to a CSV (one value a line, header "sales") for examples/backtest.rs.

Usage: python holt_winters.py OUT.csv
"""

import sys

import numpy as np
from pmdarima.datasets import load_wineind
from statsmodels.tsa.holtwinters import ExponentialSmoothing

HOLDOUT = 12
SEASON = 12


def mape(actual, forecast):
    actual, forecast = np.asarray(actual, float), np.asarray(forecast, float)
    return float(np.mean(np.abs((actual - forecast) / actual)))


def main(out):
    y = np.asarray(load_wineind(), dtype=float)
    with open(out, "w") as f:
        f.write("sales\n")
        for v in y:
            f.write(f"{v:.0f}\n")
    train, test = y[:-HOLDOUT], y[-HOLDOUT:]
    best = None
    for seasonal in ("mul", "add"):
        fit = ExponentialSmoothing(
            train, trend="add", seasonal=seasonal, seasonal_periods=SEASON
        ).fit()
        err = mape(test, fit.forecast(HOLDOUT))
        print(f"holt-winters trend=add seasonal={seasonal} mape={err:.4f}")
        best = err if best is None else min(best, err)
    print(f"holt-winters n={len(y)} holdout={HOLDOUT} best_mape={best:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
